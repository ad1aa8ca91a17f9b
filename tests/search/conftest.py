"""Fixtures for the search contract: a backend, and a small indexed directory that
is built once per module and rolled back afterwards.

The same contract tests (contract.py) run against every backend in BACKENDS; the
Elasticsearch backend adds itself here with the `elasticsearch` mark.
"""

import pytest
from django.db import transaction

from search import indexing, lexicon
from search.backends.base import load_backend
from tests.search import dataset

BACKENDS = [
    pytest.param("database", id="database"),
    pytest.param("elasticsearch", id="elasticsearch", marks=pytest.mark.elasticsearch),
]


@pytest.fixture(scope="module", params=BACKENDS)
def search_backend_name(request):
    if request.param == "elasticsearch":
        # The session's real node (tests/servers/elasticsearch_fixtures.py).
        request.getfixturevalue("elasticsearch_node")
    return request.param


@pytest.fixture(scope="module")
def indexed_directory(search_backend_name, django_db_setup, django_db_blocker):
    """The dataset, imported and indexed once per module and backend. It lives in
    an outer transaction that is rolled back at the end; each test runs in a
    savepoint inside it, so tests can change pages without affecting others."""
    from portal.management.commands.setup_portal import (
        ensure_home_page,
        ensure_locales,
        ensure_site,
    )
    from search.situations_seed import load_situations

    backend = load_backend(search_backend_name)
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            ensure_locales()
            home = ensure_home_page()
            ensure_site(home, "localhost", 80)
            load_situations()
            with indexing.paused():
                guidance = dataset.build()
            indexing.rebuild(backend)
            yield {"backend": backend, "guidance": guidance}
        finally:
            backend.clear()
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            lexicon.forget()


@pytest.fixture
def search_backend(indexed_directory, search_backend_name, db, settings):
    """The backend under test, also the one the site and the API use."""
    settings.SEARCH_BACKEND = search_backend_name
    return indexed_directory["backend"]
