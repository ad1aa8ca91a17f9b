"""Whole public pages for anonymous visitors, from the shared cache, and purging them.

Precision was traded for simplicity on purpose: one generation token in the shared
"pages" cache stamps every cached page, and any change that can show on a public page
(a page published, unpublished, moved or deleted, in any language; a taxonomy term, a
setting, a site, a locale or a page's view restriction saved) replaces the token once
the database commits. Every page cached before it is then stale at once, for every
worker and every server that shares the cache. A render is cheap next to a burst of
visitors, so re-rendering every page once after a publish costs little, and it cannot
miss a page that shows a service, a translation link or a term.

Entries also end at the next whole minute: service and search pages say "open now",
which the portal works out to the minute, and a change made without a signal (an SQL
update) shows within a minute.

Only what is the same for every visitor is cached: a GET without a query string,
cookie or Authorization header, for a Wagtail page or the search page, answered 200
with no cookie, no per-request CSP nonce and nothing private in Cache-Control. A
visitor with any cookie (an editor) neither reads nor fills the cache. Responses are
stored gzipped or not, by what the visitor accepts, so a hit costs no compression; the
security headers are added afresh to every response by the middleware above this one.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import re
import secrets
import threading
import time
from hashlib import sha256

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import cc_delim_re, patch_vary_headers
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.middleware import is_admin_path

logger = logging.getLogger(__name__)

ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
CACHED_VIEWS = {"wagtail_serve", "find_help"}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Vary values a cached page may carry: every hit is for a request without cookies, and
# the gzip variant is part of the key.
ALLOWED_VARY = {"cookie", "accept-encoding"}
PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store", "max-age=0"}
# Attributes other middleware read from a response object, which a cached copy would
# lose: such responses are not cached.
RESPONSE_MARKERS = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_exempt",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt_ro",
    "xframe_options_exempt",
)


def _cache():
    return caches[ALIAS]


def _language_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _page_key(request, gzip):
    # Scheme and host are part of the page (absolute hreflang links); the path carries
    # the language prefix.
    address = f"{request.scheme}://{request.get_host()}{request.path}"
    digest = sha256(address.encode()).hexdigest()
    return f"page-cache:page:{digest}:{'gzip' if gzip else 'identity'}"


def _new_generation():
    return secrets.token_hex(8)


def purge_all():
    """Make every cached page stale, in every worker and on every server."""
    try:
        _cache().set(GENERATION_KEY, _new_generation(), timeout=None)
    except Exception:
        # Pages still end at the next minute; publishing must not fail on the cache.
        logger.exception("Could not purge the page cache")


_batch = threading.local()


def purge_after_commit():
    """Purge once the change is committed, so that no request can render the old
    data after the purge (a rolled-back change purges nothing)."""
    if getattr(_batch, "open", False):
        _batch.wanted = True
        return
    transaction.on_commit(purge_all, robust=True)


@contextlib.contextmanager
def one_purge():
    """Changes inside the block ask for one purge, registered as the block ends
    (inside the caller's transaction: it runs after the commit, or never if that
    rolls back). For bulk work such as an import publishing thousands of pages in
    one transaction, which would otherwise keep one waiting callback per page."""
    if getattr(_batch, "open", False):
        yield
        return
    _batch.open, _batch.wanted = True, False
    try:
        yield
    finally:
        _batch.open = False
    if _batch.wanted:
        transaction.on_commit(purge_all, robust=True)


def _request_is_cacheable(request):
    meta = request.META
    return (
        getattr(settings, "PAGE_CACHE", False)
        and request.method == "GET"
        and not meta.get("QUERY_STRING")
        and not meta.get("HTTP_COOKIE")
        and not meta.get("HTTP_AUTHORIZATION")
        and request.path.startswith(_language_prefixes())
        and not is_admin_path(request.path)
    )


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in CACHED_VIEWS:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    # A nonce made for this request is in the page: it cannot serve another one.
    if isinstance(getattr(request, "_csp_nonce", None), str):
        return False
    if any(hasattr(response, marker) for marker in RESPONSE_MARKERS):
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    if vary - {""} - ALLOWED_VARY:
        return False
    cache_control = {
        v.strip().lower() for v in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not cache_control & PRIVATE_CACHE_CONTROL


class PageCacheMiddleware:
    """Serve and fill the shared page cache (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        gzip = bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        key = _page_key(request, gzip)
        try:
            generation, entry = self._lookup(key)
        except Exception:
            logger.exception("Page cache unavailable; serving without it")
            return self.get_response(request)
        if entry is not None:
            return self._response_from(entry)
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            self._store(key, generation, response)
        return response

    @staticmethod
    def _lookup(key):
        cache = _cache()
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY)
        if generation is None:
            cache.add(GENERATION_KEY, _new_generation(), timeout=None)
            return cache.get(GENERATION_KEY), None
        entry = found.get(key)
        if (
            entry is not None
            and entry["generation"] == generation
            and time.time() < entry["expires"]
        ):
            return generation, entry
        return generation, None

    @staticmethod
    def _store(key, generation, response):
        now = time.time()
        # Until the next whole minute ("open now" is worked out to the minute).
        expires = (int(now) // 60 + 1) * 60
        entry = {
            # Read before the page was rendered: a purge during the render leaves this
            # entry stale, never a new token on an old page.
            "generation": generation,
            "expires": expires,
            "headers": list(response.items()),
            "content": response.content,
        }
        try:
            _cache().set(key, entry, timeout=int(expires - now) + 1)
        except Exception:
            logger.exception("Could not store a page in the page cache")

    @staticmethod
    def _response_from(entry):
        response = HttpResponse(entry["content"])
        for header in list(response.headers):
            del response.headers[header]
        for name, value in entry["headers"]:
            response.headers[name] = value
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip for public responses; not the admin, whose pages hold CSRF
    tokens (BREACH). Public pages hold no secret and set no cookie.

    A page that may go into the page cache is compressed once, at Django's level 6,
    and served so from then on. What is compressed for one answer only (search
    results, every page when the page cache is off) uses zlib's fastest level, as
    nginx does by default: a 21 KB results page comes to 5.4 KB instead of 4.8 KB,
    in less than half the time (at level 6 that time was an eighth of the page's).
    """

    def process_response(self, request, response):
        if is_admin_path(request.path_info):
            return response
        if response.streaming or _request_is_cacheable(request):
            return super().process_response(request, response)
        return _compress_once(request, response)


# zlib's fastest level, for what is compressed for one answer only.
FAST_LEVEL = 1


def _compress_once(request, response):
    """GZipMiddleware.process_response for a complete response, at FAST_LEVEL:
    the same checks, headers and BREACH padding (a random-length name in the gzip
    header), only the level differs."""
    if len(response.content) < 200 or response.has_header("Content-Encoding"):
        return response
    patch_vary_headers(response, ("Accept-Encoding",))
    if not ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return response
    compressed = memoryview(
        gzip.compress(response.content, compresslevel=FAST_LEVEL, mtime=0)
    )
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    padding = b"a" * secrets.randbelow(GZipMiddleware.max_random_bytes) + b"\x00"
    content = bytes(header) + padding + compressed[10:]
    if len(content) >= len(response.content):
        return response
    response.content = content
    response.headers["Content-Length"] = str(len(content))
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response.headers["ETag"] = "W/" + etag
    response.headers["Content-Encoding"] = "gzip"
    return response


# --- Purging ----------------------------------------------------------------------

# Saved outside page publishing but shown on public pages (or deciding who may see
# them: a page that gets a view restriction must leave the cache at once). Every site
# and generic setting counts as well.
PURGING_MODELS = (
    "directory.TaxonomyTerm",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",
)


def _on_page_change(sender, instance=None, **kwargs):
    purge_after_commit()


def connect():
    """Wire the purge to Wagtail's and Django's signals (called once, at start-up)."""
    from django.apps import apps

    page_published.connect(_on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_change, dispatch_uid="page_cache_moved")
    # Per model, never for every model: a receiver for all would stop Django's fast
    # bulk deletes everywhere. Saving a page is not enough (drafts); publishing is.
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(
                _on_page_change,
                sender=model,
                dispatch_uid=f"page_cache_delete_{model._meta.label}",
            )
    settings_models = [
        model
        for model in apps.get_models()
        if issubclass(model, (BaseSiteSetting, BaseGenericSetting))
    ]
    for model in [*map(apps.get_model, PURGING_MODELS), *settings_models]:
        label = model._meta.label
        post_save.connect(
            _on_page_change, sender=model, dispatch_uid=f"page_cache_save_{label}"
        )
        post_delete.connect(
            _on_page_change, sender=model, dispatch_uid=f"page_cache_delete_{label}"
        )
