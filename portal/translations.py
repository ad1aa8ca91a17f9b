"""Translations of pages: which language a page's text is really in, the Norwegian
fallback for pages not translated yet, and which translations have fallen behind
their Norwegian source (for editors).

A visitor who reads, say, English gets every page under ``/en/``. Where a page has no
English translation yet they see the Norwegian page there, with a notice in English
(templates/includes/translation_notice.html), and every link on it keeps them under
``/en/``. Parents that wagtail-localize copied so that a translated page has a place
in the English tree are aliases of the Norwegian page: their text is Norwegian too,
and they count as untranslated.
"""

from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.http import Http404
from wagtail.models import Page
from wagtail_localize.models import Translation

from portal import request_cache, shell_cache

# The language of the public page being rendered; set only while rendering one, so
# that the admin and the APIs keep each page's own address.
_visitor_language = ContextVar("visitor_language", default=None)


@contextmanager
def rendering_for(language):
    """Links to Norwegian pages point under ``/<language>/`` inside this block."""
    token = _visitor_language.set(language)
    try:
        yield
    finally:
        _visitor_language.reset(token)


def swap_language_prefix(path, code):
    """``/nb/a/b/`` -> ``/<code>/a/b/``; a path without a language prefix gets one."""
    from portal.languages import AUTONYMS

    parts = path.split("/", 2)
    if len(parts) > 1 and parts[1] in AUTONYMS:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{code}/{rest}"
    return f"/{code}{path}"


def text_language(page):
    """The language a page's own text is written in: its locale's, except for an
    alias of a page in another language (wagtail-localize's stand-in for a parent
    that is not translated yet), whose text is its source's."""
    cached = getattr(page, "_text_language", None)
    if cached:
        return cached
    if getattr(page, "locale_id", None):
        code = request_cache.page_language(page)
    else:
        code = getattr(getattr(page, "locale", None), "language_code", None)
    if code and getattr(page, "alias_of_id", None):
        if Page.alias_of.is_cached(page) and page.alias_of is not None:
            source_code = request_cache.page_language(page.alias_of)
        else:
            source = Page.objects.filter(pk=page.alias_of_id)
            source_code = source.values_list("locale__language_code", flat=True).first()
        code = source_code or code
    if code:
        with suppress(AttributeError):  # an object that takes no attributes
            page._text_language = code
    return code


def is_real_translation(page):
    """A live page whose text is in its own locale's language."""
    return bool(page.live) and text_language(page) == request_cache.page_language(page)


def _visitor_url_parts(get_url_parts):
    """Wrap ``Page.get_url_parts``: while a public page is rendered for a visitor of
    another language (``rendering_for``), a Norwegian page's address is the same
    path under the visitor's language prefix, where the home page's ``route``
    serves it in Norwegian with the notice. Everywhere else (admin, APIs, sitemaps)
    every page keeps its own address."""

    @wraps(get_url_parts)
    def url_parts(self, request=None):
        parts = get_url_parts(self, request=request)
        visitor = _visitor_language.get()
        if (
            not visitor
            or parts is None
            or parts[2] is None
            or visitor == settings.LANGUAGE_CODE
            or request_cache.page_language(self) != settings.LANGUAGE_CODE
        ):
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, swap_language_prefix(page_path, visitor)

    url_parts.keeps_visitor_language = True
    return url_parts


def keep_links_in_visitor_language():
    """Install the wrapper on Wagtail's Page, so that every page type, specific or
    not (``page.get_children`` gives plain pages), and every way of making a link
    (``{% pageurl %}``, ``page.url``, rich text) follows it. Called once, when the
    portal's models load."""
    if not getattr(Page.get_url_parts, "keeps_visitor_language", False):
        Page.get_url_parts = _visitor_url_parts(Page.get_url_parts)


def _counterpart(page, locale):
    if locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale)


def _route_in_both(request, local, source, components, locales):
    """Route ``components`` below ``local`` (the visitor's language) or, where that
    tree has no such page, below ``source`` (Norwegian); back into the visitor's
    tree wherever it continues."""
    slug, rest = components[0], components[1:]
    tried = set()
    for parent in (local, source):
        if parent is None or parent.pk in tried:
            continue
        tried.add(parent.pk)
        child = parent.get_children().filter(slug=slug).first()
        if child is None:
            continue
        child = child.specific
        child._cached_parent_obj = parent
        try:
            if not rest or type(child).route is not Page.route:
                # The page itself, or a page that routes its own sub-paths.
                return child.route(request, rest)
            visitor_locale, source_locale = locales
            return _route_in_both(
                request,
                _counterpart(child, visitor_locale),
                _counterpart(child, source_locale),
                rest,
                locales,
            )
        except Http404:
            continue
    raise Http404


def route_in_tree(root, request, path_components):
    """Wagtail's ``Page.route`` from ``root`` down ``path_components``, with every
    level read in one query (by ``url_path``, which Wagtail keeps as the parent's
    plus the slug) instead of two queries a level. A page on the way that routes its
    own sub-paths (a ``route`` of its own) gets them, as in Wagtail."""
    if not path_components:
        return Page.route(root, request, path_components)
    paths = [
        root.url_path + "".join(f"{slug}/" for slug in path_components[: n + 1])
        for n in range(len(path_components))
    ]

    pages = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(path_components),
        url_path__in=paths,
    )
    found = {page.url_path: page for page in pages}
    parent = root
    for n, url_path in enumerate(paths):
        child = found.get(url_path)
        if (
            child is None
            or child.depth != parent.depth + 1
            or not child.path.startswith(parent.path)
        ):
            raise Http404
        child._cached_parent_obj = parent
        rest = path_components[n + 1 :]
        model = child.specific_class
        if not rest or model is None or model.route is not Page.route:
            return child.specific.route(request, rest)
        parent = child
    raise Http404  # not reached: the last level returns


def route_with_fallback(page, request, path_components):
    """For a home page's ``route``: Wagtail's routing (``route_in_tree``) in the
    visitor's language tree; where that tree lacks a page (or has only a draft of
    it), the Norwegian page instead, re-entering the visitor's tree wherever it
    continues.

    The page found for an address below a home page (with the pages on the way, as
    its parents) is kept in the shared cache until the next publish, move or
    deletion (portal/shell_cache.py), in either tree: no query for the way or the
    page itself between publishes, and a visitor whose language has only some pages
    translated is not routed through both trees, a query or two a level, at every
    request. An address that leads nowhere is not kept, so requests for pages that
    do not exist cannot fill the cache."""

    def route():
        try:
            return route_in_tree(page, request, path_components)
        except Http404:
            source_locale = request_cache.locale_for(settings.LANGUAGE_CODE)
            source = _counterpart(page, source_locale)
            if not path_components or source is None or source.pk == page.pk:
                raise
        found = _route_in_both(
            request, page, source, path_components, (page.locale, source_locale)
        )
        text_language(found[0])  # kept with the page
        return found

    if not path_components:
        return route()
    return shell_cache.cached("routed", (page.pk, tuple(path_components)), route)


def translations_of(page):
    """Every translation of ``page`` (itself included) by language code, each with
    its locale and the language of its text known: one query, once per request."""
    if page is None or not getattr(page, "pk", None):
        return {}

    def read():
        found = {}
        pages = (
            Page.objects.filter(translation_key=page.translation_key)
            .select_related("locale", "alias_of__locale")
            .order_by("pk")
        )
        for translation in pages:
            text_language(translation)  # from the joined rows: no query
            found[translation.locale.language_code] = translation
        return found

    return request_cache.memoized(("translations-of", page.translation_key), read)


def published_translation(page, language):
    """The live, really translated version of ``page`` in ``language``, if any."""
    if request_cache.page_language(page) == language:
        return None
    translation = translations_of(page).get(language)
    if translation is not None and is_real_translation(translation):
        return translation
    return None


@dataclass
class OutdatedTranslation:
    translation: Translation
    source: object
    target: object | None
    reason: str


def outdated_translations():
    """Translations whose source changed after it was last synced, or that still
    have untranslated text."""
    found = []
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "target_locale"
    )
    for translation in translations:
        source = translation.source.get_source_instance()
        try:
            target = translation.get_target_instance()
        except Exception:  # not created yet: wagtail-localize creates it on save
            target = None
        changed_at = getattr(source, "last_published_at", None)
        if changed_at and changed_at > translation.source.last_updated_at:
            reason = "source changed"
        else:
            total, done = translation.get_progress()
            if done >= total:
                continue
            reason = "untranslated text"
        found.append(OutdatedTranslation(translation, source, target, reason))
    return found
