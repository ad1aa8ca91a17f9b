"""Lookups that many parts of one public page repeat, done once per request.

A page shows many taxonomy terms and services in the visitor's language; Wagtail's
``.localized`` looks up the visitor's locale and then the translation of each object
one query at a time. While a public request is answered, ``memoized`` keeps such
lookups for the rest of that request only: nothing outlives the request, so nothing
can go stale between requests or between server workers. The admin (which changes
what it shows) and code outside a request (commands, tests calling models directly)
get no memo and read everything afresh.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished, request_started

_memo = ContextVar("portal_request_memo", default=None)


def _request_started(sender, environ=None, **kwargs):
    path = (environ or {}).get("PATH_INFO", "")
    admin = path.startswith(tuple(settings.PORTAL_ADMIN_URL_PREFIXES))
    _memo.set(None if admin else {})


def _request_finished(sender, **kwargs):
    _memo.set(None)


request_started.connect(_request_started, dispatch_uid="portal.request_cache.start")
request_finished.connect(_request_finished, dispatch_uid="portal.request_cache.end")


def active():
    """Whether a public request is being answered (and lookups are memoized)."""
    return _memo.get() is not None


def memoized(key, compute):
    """``compute()``, once per request for ``key``; every time outside a request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value


def _locales():
    """Every locale, read once per request (and kept in the shared cache until a
    locale or anything else public changes: portal/shell_cache.py)."""
    from wagtail.models import Locale

    from portal import shell_cache

    def read():
        rows = shell_cache.cached(
            "locales",
            (),
            lambda: list(Locale.objects.values_list("id", "language_code")),
        )
        return [Locale.from_db("default", ["id", "language_code"], row) for row in rows]

    return memoized("locales", read)


def locale_ids():
    """Locale ids by language code (one query per request)."""
    return memoized(
        "locale-ids", lambda: {locale.language_code: locale.pk for locale in _locales()}
    )


def locale_code(locale_id):
    """The language code of the locale with id ``locale_id`` (no query of its own
    during a public request)."""
    if not active():
        from wagtail.models import Locale

        return (
            Locale.objects.filter(pk=locale_id)
            .values_list("language_code", flat=True)
            .first()
        )
    codes = memoized(
        "locale-codes", lambda: {pk: code for code, pk in locale_ids().items()}
    )
    return codes.get(locale_id)


def page_language(page):
    """``page.locale.language_code`` without a query for the locale."""
    descriptor = getattr(type(page), "locale", None)
    if descriptor is None or getattr(descriptor, "is_cached", lambda _p: True)(page):
        return page.locale.language_code
    return locale_code(page.locale_id)


def locale_for(language_code):
    """The Locale of ``language_code`` (exactly that code), or None."""
    if not active():
        from wagtail.models import Locale

        return Locale.objects.filter(language_code=language_code).first()
    for locale in _locales():
        if locale.language_code == language_code:
            return locale
    return None


def _get_for_language(get_for_language):
    """Wrap ``LocaleManager.get_for_language`` (what ``Locale.get_active()``, Wagtail's
    ``.localized`` and its routing ask for, several times a page): during a public
    request, from the locales read once for that request."""

    def wrapper(self, language_code):
        if not active():
            return get_for_language(self, language_code)
        from wagtail.coreutils import get_supported_content_language_variant
        from wagtail.models import Locale

        code = get_supported_content_language_variant(language_code)
        for locale in _locales():
            if locale.language_code == code:
                return locale
        raise Locale.DoesNotExist(f"No locale for {code!r}")

    wrapper.memoized_per_request = True
    return wrapper


def memoize_locale_lookups():
    """Install the wrapper (called once, when the portal's models load)."""
    from wagtail.models.i18n import LocaleManager

    if not getattr(LocaleManager.get_for_language, "memoized_per_request", False):
        LocaleManager.get_for_language = _get_for_language(
            LocaleManager.get_for_language
        )


def active_locale_id():
    """The id of the locale Wagtail's ``Locale.get_active()`` would return, or None."""
    from django.utils import translation
    from wagtail.coreutils import get_supported_content_language_variant

    ids = locale_ids()
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        code = None
    if code in ids:
        return ids[code]
    try:
        return ids.get(get_supported_content_language_variant(settings.LANGUAGE_CODE))
    except LookupError:
        return None


def localized_pages(pages, prefetch=()):
    """``[page.localized for page in pages]`` (the live translation in the visitor's
    language, else the page itself) in one query, with ``prefetch`` done on the
    translations as well."""
    from django.db.models import prefetch_related_objects

    pages = list(pages)
    locale_id = active_locale_id() if pages else None
    if locale_id is None:
        return [page.localized for page in pages]
    keys = [page.translation_key for page in pages if page.locale_id != locale_id]
    if not keys:
        return pages
    translations = {
        page.translation_key: page
        for page in type(pages[0])
        .objects.filter(locale_id=locale_id, translation_key__in=keys, live=True)
        .select_related("locale")
    }
    if prefetch:
        prefetch_related_objects(list(translations.values()), *prefetch)
    return [
        page
        if page.locale_id == locale_id
        else translations.get(page.translation_key, page)
        for page in pages
    ]
