"""Parts of the site shell that are the same for every visitor (the language links
of a page, the home page's kinds of help, the quick-exit address, the page served and
the way to it), kept in the shared "pages" cache so that an uncached page does not
work them out afresh.

Each entry is stamped with the page cache's generation token (portal/page_cache.py),
which is replaced once any change that can show on a public page is committed: a page
published, unpublished, moved or deleted in any language, a taxonomy term, a setting,
a site or a locale saved. An entry made before that is never read again, in any worker
or server, so a publish shows at once in these parts as in the page. Entries also end
within a minute, like cached pages (a change made without a signal shows by then,
give or take the few seconds a worker keeps its own copy: ``_ProcessCopies``).

Only what is the same for every visitor goes in here: keys name the part, the language
and, where the part depends on it, the page, host and path; never a visitor's query,
cookie or anything about them. Off in the test settings unless a test turns it on
(PORTAL_SHELL_CACHE), as the page cache is.
"""

import copyreg
import io
import logging
import pickle
import secrets
import time
from hashlib import sha256

from django.conf import settings
from django.core.cache import caches
from django.db.models import Model
from django.db.models.base import model_unpickle
from django.utils.safestring import SafeString

from portal import request_cache
from portal.page_cache import ALIAS, GENERATION_KEY

logger = logging.getLogger(__name__)

TIMEOUT = 60
# Each process also keeps what it read for a few seconds (``_ProcessCopies``): a
# change no signal sees shows within TIMEOUT + LOCAL_SECONDS.
LOCAL_SECONDS = 5
LOCAL_ENTRIES = 2000
_MISSING = object()
_clock = time.monotonic


def enabled():
    return getattr(settings, "PORTAL_SHELL_CACHE", True) and request_cache.active()


def _generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # The page cache's own token, made the same way if nothing made it yet.
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def generation():
    """The current generation token (read once per request), or None if the cache
    cannot be reached."""

    def read():
        try:
            return _generation(caches[ALIAS])
        except Exception:
            logger.exception("Shared cache unavailable; the site shell is not cached")
            return None

    return request_cache.memoized("shell-cache-generation", read)


class _ProcessCopies:
    """What this process last read from the shared cache, for the current generation
    only (the token is still read from the shared cache once per request, so a
    publish anywhere empties this at the next request) and for ``LOCAL_SECONDS`` at
    most. Text is kept as it is; anything else as pickled bytes, so that every
    request gets its own objects to change. Bounded: emptied when full."""

    def __init__(self):
        self.generation, self.entries = None, {}

    def get(self, key):
        found = self.entries.get(key)
        if found is None or found[0] < _clock():
            return _MISSING
        value = found[1]
        return pickle.loads(value) if type(value) is bytes else value  # noqa: S301

    def put(self, token, key, value):
        if token != self.generation or len(self.entries) >= LOCAL_ENTRIES:
            self.generation, self.entries = token, {}
        if type(value) not in (str, SafeString):
            value = _dumps(value)
        self.entries[key] = (_clock() + LOCAL_SECONDS, value)


class _CopyPickler(pickle.Pickler):
    """Pickles model instances for a copy read back by this same process: by their
    class itself, where Django's own pickling names the model for a look-up in the
    app registry on every load (a third of the time of loading a page with its
    parts). The state, and Django's check of it on loading, are Django's."""

    def reducer_override(self, obj):
        if isinstance(obj, Model):
            reduced = obj.__reduce__()
            # Django's own form only (a model that pickles itself otherwise keeps it).
            if len(reduced) == 3 and reduced[0] is model_unpickle:
                return copyreg.__newobj__, (type(obj),), reduced[2]
        return NotImplemented


def _dumps(value):
    buffer = io.BytesIO()
    _CopyPickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


_process_copies = _ProcessCopies()


def cached(name, parts, compute, keep=None):
    """``compute()``, kept in the shared cache under ``name`` and ``parts`` (all that
    the value depends on besides the data a publish changes) for this generation;
    only if ``keep(value)`` says so, when ``keep`` is given."""
    token = generation() if enabled() else None
    if token is None:
        return compute()
    digest = sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"shell:{name}:{token}:{digest}"
    value = _process_copies.get(key)  # the key holds the token
    if value is not _MISSING:
        return value
    cache = caches[ALIAS]
    try:
        value = cache.get(key, _MISSING)
    except Exception:
        logger.exception("Could not read the site shell from the shared cache")
        return compute()
    if value is not _MISSING:
        _process_copies.put(token, key, value)
        return value
    value = compute()
    if keep is not None and not keep(value):
        return value
    try:
        cache.set(key, value, timeout=TIMEOUT)
    except Exception:
        logger.exception("Could not store a part of the site shell")
    else:
        _process_copies.put(token, key, value)
    return value


def localized(page, read):
    """``page.localized`` (``read``: the live translation in the visitor's language,
    else the page itself; one query when the language is not the page's own): during
    a public request, from the shared cache for this generation, as the specific
    page."""
    from portal.translations import text_language

    locale_id = request_cache.active_locale_id() if enabled() else None
    if locale_id is None or locale_id == page.locale_id:
        return read()

    def specific():
        found = read().specific
        text_language(found)  # kept with the page (an alias reads its source's)
        return found

    return cached("localized", (page.pk, locale_id), specific)


def _site_for_hostname(get_site_for_hostname):
    """Wrap Wagtail's look-up of the site a request is for (one query with a
    ranking, on every page): during a public request, from the shared cache. A site
    saved or any page published makes it stale, as every other part here."""

    def lookup(hostname, port):
        site = get_site_for_hostname(hostname, port)
        if site is not None and site.root_page is not None:
            # Wagtail routes every request from ``root_page.localized.specific``
            # (one more query): kept with the site as its specific home page, whose
            # ``localized`` comes from the shared cache too (``localized`` above).
            site.root_page = site.root_page.specific
        return site

    def wrapper(hostname, port):
        if not enabled():
            return get_site_for_hostname(hostname, port)
        return cached(
            "site-for-hostname", (hostname, port), lambda: lookup(hostname, port)
        )

    wrapper.shared_cache = True
    return wrapper


def cache_site_lookups():
    """Install the wrapper (called once, when the portal's models load)."""
    from wagtail.models import sites

    if not getattr(sites.get_site_for_hostname, "shared_cache", False):
        sites.get_site_for_hostname = _site_for_hostname(sites.get_site_for_hostname)


def view_restrictions(page, read):
    """``page.get_view_restrictions()`` (``read``) for a public request, checked by
    Wagtail before every page is served (two queries): the ids of the restrictions
    on the page and its ancestors, kept per page. Saving or deleting a restriction,
    or moving or publishing a page, replaces the generation, so a new restriction
    holds from the next request; each restriction found is still read and checked
    against the request as Wagtail does."""
    from wagtail.models import PageViewRestriction

    if not enabled():
        return read()
    ids = cached(
        "view-restrictions",
        (page.pk,),
        lambda: list(read().order_by("pk").values_list("pk", flat=True)),
    )
    if not ids:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(pk__in=ids)
