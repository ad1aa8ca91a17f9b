"""Choosing the backend: the database by default; Elasticsearch when configured,
with the database answering whenever Elasticsearch cannot."""

import logging

import pytest

from search.backends import base
from search.backends.base import SearchQuery, get_backend
from search.backends.database import DatabaseBackend

pytestmark = pytest.mark.django_db


def test_the_database_backend_is_the_default(settings):
    settings.SEARCH_BACKEND = "database"

    assert isinstance(get_backend(), DatabaseBackend)


def test_an_unreachable_elasticsearch_falls_back_to_the_database(
    settings, monkeypatch, caplog
):
    class Unreachable(base.SearchBackend):
        name = "elasticsearch"

        def ping(self):
            return False

    original = base.load_backend
    monkeypatch.setattr(
        base,
        "load_backend",
        lambda name: (
            Unreachable.__new__(Unreachable)
            if name == "elasticsearch"
            else original(name)
        ),
    )
    settings.SEARCH_BACKEND = "elasticsearch"

    with caplog.at_level(logging.WARNING):
        backend = get_backend()

    assert isinstance(backend, DatabaseBackend)
    assert "using the database backend" in caplog.text


def test_a_failing_search_is_answered_by_the_database(
    settings, monkeypatch, portal_site, caplog
):
    from search import service

    class Broken(DatabaseBackend):
        name = "elasticsearch"

        def search(self, query):
            raise ConnectionError("down")

    monkeypatch.setattr(service, "_backend", Broken)

    with caplog.at_level(logging.WARNING):
        results = service.run_search(SearchQuery(text="vold"))

    assert results.backend == "database"
    assert "answering from the database" in caplog.text


def test_the_openapi_description_is_served_and_describes_both_endpoints(client):
    response = client.get("/api/search/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/search/", "/api/search/suggest/"} <= set(paths)


def test_an_api_answer_validates_against_the_openapi_schema(client, portal_site):
    jsonschema = pytest.importorskip("jsonschema")
    spec = client.get("/api/search/openapi.json").json()
    schema = dict(spec["components"]["schemas"]["SearchResponse"])
    schema["$defs"] = spec["components"]["schemas"]

    data = client.get("/api/search/", {"q": "vold"}).json()

    resolver_spec = {"components": spec["components"], **schema}
    jsonschema.validate(data, resolver_spec)
