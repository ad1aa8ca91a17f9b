"""Template tags of the site shell: the language switcher's links."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

from portal.languages import AUTONYMS

register = template.Library()


def _swap_language_prefix(path, code):
    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in AUTONYMS:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{code}/{rest}"
    return f"/{code}{path}"


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in every language: its translation where one exists, otherwise
    the same address under the other language's prefix (shown in the source language
    with a notice)."""
    request = context.get("request")
    page = context.get("page")
    translations = {}
    if page is not None and getattr(page, "pk", None):
        for translation in page.get_translations(inclusive=True).select_related(
            "locale"
        ):
            translations[translation.locale.language_code] = translation
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        translation = translations.get(code)
        if translation is not None and translation.live:
            url = translation.get_url(request=request)
        else:
            url = _swap_language_prefix(request.path if request else "/", code)
        links.append(
            {
                "code": code,
                "autonym": AUTONYMS[code],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag
def language_autonym(code):
    return AUTONYMS.get(code, code)


@register.filter
def content_language(page):
    """` lang=".." dir=".."` for a page's own text shown among another language's
    words (a page not yet translated is shown in Norwegian), so that screen readers
    pronounce it as Norwegian and its punctuation stays in place on right-to-left
    pages; nothing when the page is in the visitor's language."""
    locale = getattr(page, "locale", None)
    code = getattr(locale, "language_code", None)
    if not code or code == get_language():
        return ""
    direction = "rtl" if code in settings.RTL_LANGUAGES else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def get_name(names, code):
    return names.get(code, code)


@register.filter
def multiply(value, factor):
    return int(value) * int(factor)
