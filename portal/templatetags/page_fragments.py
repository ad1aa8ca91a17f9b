"""A part of a page's template rendered once per published version of the page and
language, then kept in the shared cache (portal/shell_cache.py).

    {% load page_fragments %}
    {% page_fragment "guidance-body" page %}...{% endpage_fragment %}
    {% page_fragment "guidance-lists" page municipality open_states %}...

Values after the page are more of the key: whatever else the part shows that may
differ between two requests for the same published page (a visitor's choice from a
fixed list, whether each service listed is open now).

Only for parts that show the page's own content and nothing that changes with the
time or the visitor: the key holds the page, its live revision and when it was last
published, the language and the host, so a publish of the page changes the key and
the next render shows the new version; and, as every entry of the shared cache, the
generation, which anything else public that is published replaces. Never cached in a
preview, in the admin or outside a public request (the draft is rendered afresh).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import shell_cache

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name, page, extra, nodelist):
        self.name, self.page, self.extra = name, page, extra
        self.nodelist = nodelist

    def render(self, context):
        page = self.page.resolve(context)
        request = context.get("request")
        if (
            request is None
            or getattr(request, "is_preview", False)
            or not getattr(page, "pk", None)
            or not getattr(page, "live", False)
        ):
            return self.nodelist.render(context)
        parts = (
            page.pk,
            page.live_revision_id,
            page.last_published_at,
            get_language(),
            request.scheme,
            request.get_host(),
            *(value.resolve(context) for value in self.extra),
        )
        return mark_safe(  # noqa: S308 (the template's own output, escaped by it)
            shell_cache.cached(
                f"fragment:{self.name.resolve(context)}",
                parts,
                lambda: str(self.nodelist.render(context)),
            )
        )


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a name, a page and what else the part depends on: "
            f"{{% {bits[0]} 'name' page [value ...] %}}"
        )
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    name, page, *extra = (parser.compile_filter(bit) for bit in bits[1:])
    return PageFragmentNode(name, page, extra, nodelist)
