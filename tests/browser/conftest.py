"""Fixtures for the browser tests: one headless Chromium and the example content,
both set up once for the session and served by pytest-django's live server.

Loading the example content takes most of a minute, so it is loaded once and copied
aside with SQLite's backup API. pytest-django gives every live-server test
transactional database access, which empties the database after each test (and runs
these tests after all tests in a rolled-back transaction, which never see them); the
copy is put back before each test, in milliseconds.
"""

import os
import sqlite3
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import connection

from tests.browser import chromium
from tests.browser.pages import GUIDANCE_PATHS, NEUTRAL_PATH, PAGES


@pytest.fixture(scope="session")
def chromium_present():
    """Skip with the reason when Chromium is missing; in CI, fail instead."""
    reason = chromium.missing_reason()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI: {reason}", pytrace=False)
        pytest.skip(f"no headless Chromium: {reason}")


@pytest.fixture(scope="session")
def browser(chromium_present, live_server, tmp_path_factory):
    # After the live server, so that it is closed first: a connection it still holds
    # open would outlive the server.
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"))
    yield driver
    driver.quit()


class Snapshot:
    """The whole test database, copied aside and put back (SQLite only)."""

    def __init__(self):
        connection.ensure_connection()
        self.copy = sqlite3.connect(":memory:")
        connection.connection.backup(self.copy)

    def restore(self):
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import caches

        connection.ensure_connection()
        self.copy.backup(connection.connection)
        # The emptied database was refilled with new content type ids meanwhile.
        ContentType.objects.clear_cache()
        for cache in caches.all():
            cache.clear()


def load_example_content(neutral_url):
    from portal.management.commands.setup_portal import (
        ensure_home_page,
        ensure_locales,
        ensure_site,
    )
    from portal.models import HomePage, SafetySettings

    ensure_locales()
    ensure_site(ensure_home_page(), "localhost", 80)
    call_command("load_example_content", verbosity=0)
    call_command("rebuild_search_index", verbosity=0)
    site = HomePage.objects.get(locale__language_code="nb").get_site()
    SafetySettings.objects.update_or_create(
        site=site, defaults={"quick_exit_url": neutral_url}
    )


@dataclass
class Portal:
    base_url: str
    neutral_url: str

    def url(self, path, language="nb"):
        return self.base_url + path.format(language=language)


@pytest.fixture(scope="session")
def example_site(chromium_present, django_db_setup, django_db_blocker, live_server):
    portal = Portal(live_server.url, live_server.url + NEUTRAL_PATH)
    with django_db_blocker.unblock():
        load_example_content(portal.neutral_url)
        check_pages_exist()
        loaded = Snapshot() if connection.vendor == "sqlite" else None

    def restore():
        if loaded:
            loaded.restore()
        else:
            # Another database: the content again, slowly (bin/test runs the
            # browser tests on SQLite only).
            load_example_content(portal.neutral_url)

    return portal, restore


def check_pages_exist():
    """Fail here, and clearly, if the example content no longer has these pages."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    pages = [(path, language) for path in PAGES for language in ("nb", "en", "ar")]
    # English has translated services but no guidance yet.
    pages += [(path, language) for path in GUIDANCE_PATHS for language in ("nb", "ar")]
    for path, language in pages:
        url = path.format(language=language)
        status = client.get(url).status_code
        assert status == 200, f"{url} answered {status}: example content changed?"


@pytest.fixture
def portal(example_site, transactional_db):
    """The example site, as loaded, for one test."""
    site, restore = example_site
    restore()
    return site
