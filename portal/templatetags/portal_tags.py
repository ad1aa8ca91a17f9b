"""Template tags of the site shell: the language switcher's links and the language
of text shown among another language's words."""

from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from directory.models.service_parts import WEEKDAY_CHOICES
from portal import request_cache, shell_cache
from portal.languages import AUTONYMS, own_name
from portal.translations import (
    is_real_translation,
    rendering_for,
    swap_language_prefix,
    text_language,
    translations_of,
)

register = template.Library()


# Views outside the page tree whose shell is kept (per address): the search page.
# Any other address without a page (a "not found" for whatever a visitor typed) is
# worked out afresh, so that made-up addresses cannot fill the shared cache.
KEPT_VIEWS = {"find_help"}


def _page_shell_key(context):
    """What the shell around the page being rendered depends on (its language
    links, its translation notice), or None for a page not saved yet (a preview) or
    an address that is no page (worked out afresh)."""
    request = context.get("request")
    page = context.get("page")
    pk = getattr(page, "pk", None)
    if page is not None and not pk:
        return None
    if page is None:
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name not in KEPT_VIEWS:
            return None
    return (
        page is None,
        pk,
        get_language(),
        request.scheme if request else "",
        request.get_host() if request else "",
        # Only a page outside the page tree (search) links to its own path.
        request.path if request and not pk else "",
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in every language: its published translation where one exists,
    otherwise the Norwegian page under that language's prefix (served there in
    Norwegian with a notice). ``translated`` says whether that language has the
    page's text really translated: only those are hreflang alternates. Worked out
    once per request (the page's head and its switcher both show them); the HTML
    made from them is kept with the page's shell (``page_shell``)."""
    page = context.get("page")
    return request_cache.memoized(
        ("language-links", getattr(page, "pk", None), get_language()),
        lambda: _language_links(context.get("request"), page),
    )


def _language_links(request, page):
    translations = translations_of(page)
    source = translations.get(settings.LANGUAGE_CODE)
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        translation = translations.get(code)
        translated = translation is not None and is_real_translation(translation)
        if translated:
            with rendering_for(None), override(code):
                url = translation.get_url(request=request)
        elif source is not None and source.live:
            with rendering_for(code):
                url = source.get_url(request=request)
        else:
            url = swap_language_prefix(request.path if request else "/", code)
        links.append(
            {
                "code": code,
                "autonym": AUTONYMS[code],
                "url": url,
                "current": code == current,
                # Pages outside the page tree (search) are wholly interface text.
                "translated": translated or page is None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The head's ``<link rel="alternate">`` for each language the page's text is
    really in, built here: thirteen links as template variables cost more than the
    rest of the head."""
    request = context.get("request")
    origin = f"{request.scheme}://{request.get_host()}" if request else "://"
    return format_html_join(
        "",
        '\n  <link rel="alternate" hreflang="{}" href="{}{}">',
        (
            (link["code"], origin, link["url"])
            for link in language_links(context)
            if link["translated"]
        ),
    )


@register.simple_tag(takes_context=True)
def language_list(context):
    """The language switcher's items, built here (see language_alternates)."""
    current = mark_safe(' aria-current="true"')
    return format_html_join(
        "\n    ",
        '<li><a href="{}" lang="{}" hreflang="{}"{}>{}</a></li>',
        (
            (
                link["url"],
                link["code"],
                link["code"],
                current if link["current"] else "",
                link["autonym"],
            )
            for link in language_links(context)
        ),
    )


@register.simple_tag(takes_context=True)
def quick_exit_url(context):
    """Where the quick-exit control leads (the site's safety settings), kept in the
    shared cache until the settings or anything else public changes."""
    from wagtail.models import Site

    from portal.models import DEFAULT_QUICK_EXIT_URL, SafetySettings

    request = context.get("request")
    if request is None:
        return DEFAULT_QUICK_EXIT_URL

    def read():
        # Read only: Wagtail's for_request() would create the site's settings on
        # the first visit, a write (and a purge of every cached page) on a GET.
        site = Site.find_for_request(request)
        found = (
            SafetySettings.objects.filter(site=site)
            .values_list("quick_exit_url", flat=True)
            .first()
        )
        return found or DEFAULT_QUICK_EXIT_URL

    return shell_cache.cached("quick-exit-url", (request.get_host(),), read)


class KeptHTMLNode(template.Node):
    """A part of a template rendered once and kept as HTML by ``keep(name,
    context, render)``."""

    def __init__(self, name, nodelist, keep):
        self.name, self.nodelist, self.keep = name, nodelist, keep

    def render(self, context):
        return mark_safe(  # noqa: S308 (the template's own output, escaped by it)
            self.keep(self.name, context, lambda: str(self.nodelist.render(context)))
        )


def _keep_per_language(name, context, render):
    request = context.get("request")
    if request is None:
        return render()
    return shell_cache.cached(
        f"shell-fragment:{name}",
        (get_language(), request.scheme, request.get_host()),
        render,
    )


def _keep_per_page(name, context, render):
    parts = _page_shell_key(context)
    if parts is None:
        return render()
    return shell_cache.cached(f"page-shell:{name}", parts, render)


@register.tag
def shell_fragment(parser, token):
    """{% shell_fragment "name" %}...{% endshell_fragment %}: a part of the site
    shell that is the same on every page for every visitor of one language and
    host (the quick exit, the emergency numbers), rendered once and kept in the
    shared cache until anything public changes (portal/shell_cache.py). Nothing
    that depends on the page, the address or the visitor may go inside."""
    name, nodelist = _quoted_name_and_body(parser, token, "endshell_fragment")
    return KeptHTMLNode(name, nodelist, _keep_per_language)


@register.tag
def page_shell(parser, token):
    """{% page_shell "name" %}...{% endpage_shell %}: a part of the shell around a
    page's own content that is the same for every visitor of this page in one
    language (its language links, its translation notice): kept as HTML in the
    shared cache under the page, language and host (``_page_shell_key``) until
    anything public changes. What depends on the visitor or the request's
    parameters may not go inside."""
    name, nodelist = _quoted_name_and_body(parser, token, "endpage_shell")
    return KeptHTMLNode(name, nodelist, _keep_per_page)


def _quoted_name_and_body(parser, token, end):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes a quoted name: {{% {bits[0]} 'name' %}}"
        )
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    return bits[1][1:-1], nodelist


@register.simple_tag
def language_autonym(code):
    return AUTONYMS.get(code, code)


@register.filter
def content_language(page):
    """` lang=".." dir=".."` for a page's own text shown among another language's
    words (a page not yet translated is shown in Norwegian), so that screen readers
    pronounce it as Norwegian and its punctuation stays in place on right-to-left
    pages; nothing when the page is in the visitor's language."""
    return language_attributes(text_language(page))


@register.filter
def language_attributes(code):
    """` lang=".." dir=".."` for text in language ``code`` when that is not the
    page's language (search results in Norwegian on an Arabic page)."""
    if not code or code == get_language():
        return ""
    direction = "rtl" if code in settings.RTL_LANGUAGES else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def text_language_of(page):
    """The language a page's text is in (an alias of a Norwegian page: Norwegian)."""
    return text_language(page)


@register.filter
def in_visitor_language(url):
    """A stored address of a Norwegian page, under the visitor's language prefix
    (where that page is served in Norwegian with a notice, links staying in the
    visitor's language)."""
    language = get_language()
    prefix = f"/{settings.LANGUAGE_CODE}/"
    if url and language != settings.LANGUAGE_CODE and url.startswith(prefix):
        return swap_language_prefix(url, language)
    return url


@register.filter
def get_name(names, code):
    return names.get(code, code)


@register.filter
def multiply(value, factor):
    return int(value) * int(factor)


WEEKDAY_NAMES = dict(WEEKDAY_CHOICES)
WEEKDAY_ORDER = list(WEEKDAY_NAMES)


@register.filter
def weekdays(byday):
    """Opening days as words in the visitor's language: "MO,TU,WE,TH,FR" ->
    "Monday–Friday", all seven -> "Every day", "1WE" (monthly) -> "Wednesday,
    week 1 of the month"."""
    days = [day.strip().upper() for day in str(byday or "").split(",") if day]
    if not days:
        return ""
    if sorted(days, key=_day_index) == WEEKDAY_ORDER:
        return _("Every day")
    if all(day in WEEKDAY_NAMES for day in days) and len(days) >= 3:
        indexes = sorted(WEEKDAY_ORDER.index(day) for day in days)
        if indexes == list(range(indexes[0], indexes[-1] + 1)):
            first, last = WEEKDAY_ORDER[indexes[0]], WEEKDAY_ORDER[indexes[-1]]
            return f"{WEEKDAY_NAMES[first]}–{WEEKDAY_NAMES[last]}"
    names = []
    for day in days:
        if day in WEEKDAY_NAMES:
            names.append(str(WEEKDAY_NAMES[day]))
        elif day[-2:] in WEEKDAY_NAMES:
            names.append(
                _("%(weekday)s, week %(number)s of the month")
                % {"weekday": WEEKDAY_NAMES[day[-2:]], "number": day[:-2]}
            )
        else:
            names.append(day)
    return ", ".join(names)


def _day_index(day):
    return WEEKDAY_ORDER.index(day) if day in WEEKDAY_NAMES else len(WEEKDAY_ORDER)


@register.filter
def language_own_name(code):
    """A language a service offers, by its own name (a reader finds theirs whatever
    the page's language), marked with its language and direction."""
    found = own_name(code)
    if found is None:
        return _("Sign language") if code == "sgn" else code
    name, rtl = found
    return format_html(
        '<span lang="{}" dir="{}">{}</span>', code, "rtl" if rtl else "ltr", name
    )
