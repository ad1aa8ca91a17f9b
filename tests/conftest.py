"""Fixtures shared by the whole suite."""

import pytest
from django.core.management import call_command

# The session-wide Elasticsearch node, and the summary line saying if it ran.
from tests.servers.elasticsearch_fixtures import (  # noqa: F401
    elasticsearch_node,
    pytest_terminal_summary,
)


@pytest.fixture
def portal_site(db):
    """Languages, the default site and its Norwegian home page, as set-up makes them."""
    from portal.management.commands.setup_portal import (
        ensure_home_page,
        ensure_locales,
        ensure_site,
    )

    ensure_locales()
    home = ensure_home_page()
    return ensure_site(home, "localhost", 80) or home.get_site()


@pytest.fixture
def home_page(portal_site):
    from portal.models import HomePage

    return HomePage.objects.get(locale__language_code="nb")


@pytest.fixture
def example_content(portal_site):
    call_command("load_example_content", verbosity=0)


@pytest.fixture(autouse=True)
def empty_caches():
    """Rate limits and cached pages must not leak from one test into the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
