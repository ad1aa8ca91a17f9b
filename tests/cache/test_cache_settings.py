"""The caches are shared by every worker: configured from CACHE_URL, files by default,
never a per-process memory cache; the page cache sits below the header middleware."""

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from portal.settings.base import cache_settings


def test_redis_url_gives_redis_caches():
    caches = cache_settings("redis://127.0.0.1:6379/1", "/unused")

    assert set(caches) == {"default", "pages"}
    for config in caches.values():
        assert config["BACKEND"] == "django_redis.cache.RedisCache"
        assert config["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert caches["default"]["KEY_PREFIX"] != caches["pages"]["KEY_PREFIX"]


def test_without_cache_url_the_caches_are_files_under_var(tmp_path):
    caches = cache_settings("", tmp_path / "cache")

    for alias, config in caches.items():
        assert config["BACKEND"].endswith("FileBasedCache")
        assert config["LOCATION"] == str(tmp_path / "cache" / alias)


def test_file_url_names_the_directory():
    caches = cache_settings("file:///srv/portal-cache", "/unused")

    assert caches["pages"]["LOCATION"] == "/srv/portal-cache/pages"


@pytest.mark.parametrize("url", ["memcached://127.0.0.1:11211", "locmem://", "x"])
def test_unknown_cache_url_is_refused_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with"):
        cache_settings(url, "/unused")


def test_no_cache_in_use_is_per_process():
    for config in settings.CACHES.values():
        assert "locmem" not in config["BACKEND"].lower()
        assert "dummy" not in config["BACKEND"].lower()


def test_page_cache_sits_below_every_header_middleware_and_above_sessions():
    order = settings.MIDDLEWARE
    page_cache = order.index("portal.page_cache.PageCacheMiddleware")

    for above in (
        "django.middleware.security.SecurityMiddleware",
        "portal.middleware.ContentSecurityPolicyMiddleware",
        "portal.middleware.PermissionsPolicyMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ):
        assert order.index(above) < page_cache, above
    assert page_cache < order.index("portal.page_cache.PublicGZipMiddleware")
    sessions = order.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert page_cache < sessions


@pytest.mark.django_db
def test_pages_are_served_when_redis_cannot_be_reached(client, home_page, settings):
    from django.core.cache import caches

    from tests.servers.redis_server import free_port

    settings.CACHES = cache_settings(f"redis://127.0.0.1:{free_port()}/0", None)
    settings.PAGE_CACHE = True

    response = client.get("/nb/")

    assert response.status_code == 200
    assert home_page.title in response.text
    assert caches["pages"].get("page-cache:generation") is None  # nothing stored
