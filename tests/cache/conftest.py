"""Fixtures for the page-cache tests: the cache on files (the embedded default) and on
a real Redis server, and a small site whose guidance page lists a service."""

import os

import pytest
from django.core.cache import caches
from wagtail.models import Locale

from portal.settings.base import cache_settings
from tests.cache.support import wait_for_fresh_minute
from tests.servers.redis_server import RedisServer, RedisUnavailable


def _in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def redis_url():
    """A real redis-server on loopback for the whole run; skipped (failed in CI)
    when Debian's redis-server is missing."""
    try:
        server = RedisServer().start()
    except RedisUnavailable as exc:
        if _in_ci():
            pytest.fail(f"Redis unavailable: {exc} (CI=true: nothing may be skipped)")
        pytest.skip(f"Redis unavailable: {exc}")
    yield server.url
    server.stop()


@pytest.fixture(params=["files", "redis"])
def cache_url(request, tmp_path):
    """CACHE_URL of the shared cache under test: the default file cache, or Redis."""
    if request.param == "redis":
        return request.getfixturevalue("redis_url")
    return f"file://{tmp_path / 'cache'}"


@pytest.fixture
def page_cache(settings, cache_url):
    """Whole-page caching on, with the cache under test as the shared cache."""
    settings.CACHES = cache_settings(cache_url, None)
    settings.PAGE_CACHE = True
    for cache in caches.all():
        cache.clear()
    yield caches["pages"]
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def fresh_minute():
    """Start a test that compares two visits well inside one minute."""
    wait_for_fresh_minute()


@pytest.fixture
def site_with_service(home_page, django_capture_on_commit_callbacks):
    """A guidance page that ends with one crisis-shelter service, both published."""
    from directory.models import ServicePage, TaxonomyTerm
    from portal.models import GuidancePage
    from tests.directory import factories

    factories.make_taxonomy()
    record = factories.service_record("Krisesenteret i Testby")
    factories.import_services(record)
    service = ServicePage.objects.get(hsds_id=record["id"])
    guidance = GuidancePage(
        title="Hvor kan jeg bo trygt?",
        slug="bo-trygt",
        summary="Krisesentre tar imot deg.",
        locale=home_page.locale,
    )
    home_page.add_child(instance=guidance)
    guidance.related_categories = TaxonomyTerm.objects.filter(
        code="crisis-shelter", locale=home_page.locale
    )
    guidance.save_revision().publish()
    return guidance, service


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")
