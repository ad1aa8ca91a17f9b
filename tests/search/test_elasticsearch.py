"""The Elasticsearch backend's own promises, beyond the shared contract: versioned
indexes behind aliases, rebuilds that never leave visitors without results, and
the database answering when the cluster is gone."""

import threading
import uuid

import pytest

from search.analysis import Vocabulary, analyse_document
from search.backends.base import (
    SearchBackendUnavailable,
    SearchDocument,
    SearchQuery,
    document_id,
    get_backend,
    load_backend,
)
from search.backends.elasticsearch import ElasticsearchBackend, redacted
from search.elasticsearch_indexes import existing, parse_index_name
from search.service import run_search
from tests.servers.elasticsearch_node import _free_port

node = pytest.mark.elasticsearch


def service(number, language="nb", title=None, **fields):
    key = str(uuid.UUID(int=number))
    values = {
        "summary": "Et trygt sted å bo for deg som er utsatt for vold.",
        "categories": ["crisis-shelter"],
        "municipalities": ["Bergen"],
        "latitude": 60.39,
        "longitude": 5.32,
        **fields,
    }
    document = SearchDocument(
        id=document_id("service", key, language),
        type="service",
        language=language,
        page_id=number,
        hsds_id=key,
        translation_key=f"group-{number}",
        title=title or f"Krisesenter nummer {number}",
        url=f"/{language}/tjeneste-{number}/",
        **values,
    )
    analyse_document(document, Vocabulary())
    return document


@pytest.fixture
def backend(elasticsearch_node, db):
    """A backend with indexes of its own on the session's node."""
    backend = ElasticsearchBackend(prefix=f"test-own-{uuid.uuid4().hex[:8]}")
    yield backend
    backend.clear()


def live_indexes(backend):
    return {
        language: entry.live
        for language, entry in existing(backend.client, backend.prefix).items()
    }


def count(backend, text=""):
    return backend.search(SearchQuery(text=text, language="nb", per_page=1)).count


# --- Indexes, aliases and versions ------------------------------------------------


@node
def test_each_language_has_a_versioned_index_behind_its_alias(backend):
    backend.index_documents([service(1), service(1, "en", "Crisis shelter")])
    assert live_indexes(backend) == {
        "nb": f"{backend.prefix}-nb-v1",
        "en": f"{backend.prefix}-en-v1",
    }

    backend.rebuild([service(1), service(2)])

    assert live_indexes(backend) == {"nb": f"{backend.prefix}-nb-v2"}
    names = backend.client.indices.get(index=f"{backend.prefix}-*").body
    assert sorted(names) == [f"{backend.prefix}-nb-v2"]


@node
def test_the_mapping_has_position_suggestions_and_facet_keywords(backend):
    backend.index_documents([service(1)])
    mapping = backend.client.indices.get_mapping(index=f"{backend.prefix}-nb").body
    (properties,) = [m["mappings"]["properties"] for m in mapping.values()]

    assert properties["location"]["type"] == "geo_point"
    assert properties["suggest"]["type"] == "completion"
    for name in ("categories", "audiences", "municipalities", "facet_keys"):
        assert properties[name]["type"] == "keyword"
    # The text was analysed by search.analysis; the index only splits tokens.
    assert properties["title_tokens"]["analyzer"] == "whitespace"


@node
def test_describe_says_which_analysis_the_index_uses(backend, caplog):
    backend.index_documents([service(1)])
    info = backend.describe()

    assert "search.analysis" in info["analysis"]
    assert "'whitespace' analyzer" in info["analysis"]
    assert info["aliases"] == {f"{backend.prefix}-nb": f"{backend.prefix}-nb-v1"}
    assert info["elasticsearch"]


# --- Rebuilding without downtime -----------------------------------------------------


@node
def test_a_rebuild_keeps_the_alias_serving_the_old_index_until_the_swap(backend):
    backend.index_documents([service(n) for n in range(1, 101)])
    alias = f"{backend.prefix}-nb"
    seen, errors = [], []
    stop = threading.Event()

    def visitor():
        # A visitor searching all the time the rebuild runs.
        while not stop.is_set():
            try:
                seen.append(backend.client.count(index=alias)["count"])
            except Exception as exc:  # noqa: BLE001 - every failure is a finding
                errors.append(exc)
            stop.wait(0.01)

    def new_documents():
        for number in range(1, 1201):
            if number == 1100:
                # Mid-way, with the new index half loaded: still the old one.
                assert count(backend) == 100
                assert live_indexes(backend) == {"nb": f"{alias}-v1"}
            yield service(number)

    thread = threading.Thread(target=visitor)
    thread.start()
    try:
        assert backend.rebuild(new_documents()) == 1200
    finally:
        stop.set()
        thread.join()

    assert not errors
    assert seen and set(seen) <= {100, 1200}
    assert seen.index(1200) > 0 and set(seen[seen.index(1200) :]) == {1200}
    assert count(backend) == 1200
    assert live_indexes(backend) == {"nb": f"{alias}-v2"}


@node
def test_a_publish_or_delete_during_a_rebuild_is_not_undone_by_it(backend):
    backend.index_documents([service(1), service(2)])

    def new_documents():
        yield service(3)
        # An editor publishes a change to 1 and deletes 2 while the rebuild runs;
        # the rebuild then sends the copies it read before.
        backend.index_documents([service(1, title="Krisesenter med nytt navn")])
        backend.delete_documents([service(2).id])
        yield service(1)
        yield service(2)

    backend.rebuild(new_documents())

    assert backend.get_document(service(1).id).title == "Krisesenter med nytt navn"
    assert backend.get_document(service(2).id) is None
    assert backend.document_ids() == {service(1).id, service(3).id}


@node
def test_writes_made_after_a_rebuild_began_reach_the_new_index(backend):
    backend.index_documents([service(n) for n in (1, 2, 3)])
    # As search.indexing.rebuild: prepare, then read the pages, then load. An
    # editor publishes, changes and deletes after the rebuild began; the pages
    # the rebuild read include a copy of 1 from before the change.
    prepared = backend.prepare_rebuild()
    stale_copy = service(1)
    backend.index_documents([service(4), service(1, title="Krisesenter, nytt navn")])
    backend.delete_documents([service(2).id])
    # Deletes must outlive a long load: the tombstone is kept, not dropped after
    # Elasticsearch's default minute.
    name = prepared.new["nb"]
    settings = backend.client.indices.get_settings(index=name)[name]["settings"]
    assert settings["index"]["gc_deletes"] == "12h"

    backend.rebuild([stale_copy, service(2), service(3)], prepared)

    assert backend.document_ids() == {service(n).id for n in (1, 3, 4)}
    assert backend.get_document(service(1).id).title == "Krisesenter, nytt navn"
    assert live_indexes(backend) == {"nb": name}
    settings = backend.client.indices.get_settings(index=name)[name]["settings"]
    assert "gc_deletes" not in settings["index"]


@node
def test_nothing_written_while_a_rebuild_runs_is_lost_at_the_swap(backend):
    # Two threads share the test's database transaction poorly: the cluster
    # alone here (the database mirror has its own test).
    backend = ElasticsearchBackend(prefix=backend.prefix, mirror=False)
    backend.index_documents([service(n) for n in range(1, 51)])
    written, errors = [], []
    started = threading.Event()

    def editor():
        # Publishing all the time the rebuild loads and swaps, in another thread
        # (after it began: what was published before, it read).
        started.set()
        for number in range(2001, 2041):
            try:
                backend.index_documents([service(number)])
                written.append(number)
            except Exception as exc:  # noqa: BLE001 - every failure is a finding
                errors.append(exc)

    prepared = backend.prepare_rebuild()
    thread = threading.Thread(target=editor)
    thread.start()
    started.wait()
    try:
        backend.rebuild((service(n) for n in range(1, 801)), prepared)
    finally:
        thread.join()

    assert not errors
    assert written == list(range(2001, 2041))
    assert {service(n).id for n in written} <= backend.document_ids()
    assert count(backend) == 800 + len(written)


@node
def test_a_failed_rebuild_leaves_the_live_index_as_it_was(backend):
    backend.index_documents([service(1), service(2)])

    def broken():
        yield service(3)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        backend.rebuild(broken())

    assert count(backend) == 2
    assert live_indexes(backend) == {"nb": f"{backend.prefix}-nb-v1"}
    names = backend.client.indices.get(index=f"{backend.prefix}-*").body
    assert sorted(names) == [f"{backend.prefix}-nb-v1"]


@node
def test_every_write_also_keeps_the_database_fallback_current(backend):
    database = load_backend("database")

    backend.index_documents([service(1), service(2)])
    assert {service(1).id, service(2).id} <= database.document_ids()
    backend.delete_documents([service(2).id])
    assert service(2).id not in database.document_ids()
    backend.rebuild([service(3)])
    assert database.document_ids() == {service(3).id}


# --- Searching ----------------------------------------------------------------------


@node
def test_a_typo_the_vocabulary_does_not_know_is_found_by_fuzziness(backend):
    # Indexed straight into the backend: no word of it is in the vocabulary, so
    # the analyser cannot correct the typo and Elasticsearch must.
    backend.index_documents([service(1, title="Sebrastripetelefonen")])

    results = backend.search(SearchQuery(text="sebrastripetelefomen", language="nb"))

    assert results.searched.corrections == {}
    assert [hit.document.id for hit in results.hits] == [service(1).id]


@node
def test_distance_is_measured_from_the_masked_public_position(backend):
    from search.backends.base import Point

    near = service(1, title="Nær")
    far = service(2, title="Langt unna", latitude=61.45, longitude=5.85)
    nowhere = service(3, title="Telefon", latitude=None, longitude=None)
    backend.index_documents([far, nowhere, near])

    results = backend.search(
        SearchQuery(point=Point(60.39, 5.32), sort="distance", language="nb")
    )

    assert [hit.title for hit in results.hits] == ["Nær", "Langt unna", "Telefon"]
    assert results.hits[0].distance_km == 0.0
    assert results.hits[2].distance_km is None


# --- When the cluster is gone: the database answers -----------------------------------


@pytest.fixture
def dead_cluster(settings):
    """Elasticsearch configured, on a port where nothing listens."""
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://user:secret@127.0.0.1:{_free_port()}"
    ElasticsearchBackend.forget_health()
    yield settings.ELASTICSEARCH_URL
    ElasticsearchBackend.forget_health()


def test_an_unreachable_cluster_falls_back_to_the_database_and_says_so(
    dead_cluster, db, caplog
):
    backend = get_backend()

    assert backend.name == "database"
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert "unreachable" in logged and "database backend" in logged
    assert "secret" not in logged


def test_a_visitor_gets_results_while_the_cluster_is_down(
    dead_cluster, client, caplog, example_search_content
):
    response = client.get("/api/search/", {"q": "krisesenter", "lang": "nb"})

    assert response.status_code == 200
    assert response.json()["count"] >= 1
    page = client.get("/nb/sok/", {"q": "krisesenter"})
    assert page.status_code == 200
    assert "using the database backend" in caplog.text
    assert "krisesenter" not in caplog.text  # nobody's search is logged


def test_a_cluster_failing_mid_search_is_answered_by_the_database(
    dead_cluster, db, caplog, monkeypatch
):
    # The health check passed a moment ago; then the search itself fails.
    monkeypatch.setattr(ElasticsearchBackend, "ping", lambda self: True)
    with pytest.raises(SearchBackendUnavailable):
        ElasticsearchBackend().search(SearchQuery(text="vold"))

    results = run_search(SearchQuery(text="vold"))

    assert results.backend == "database"
    assert "answering from the database" in caplog.text


@pytest.fixture
def example_search_content(db, portal_site):
    """A service in the database backend's index, which answers in the outage."""
    from search import indexing
    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(factories.service_record("Krisesenteret i Bergen"))
    indexing.rebuild(load_backend("database"))


def test_logs_never_show_the_clusters_password():
    assert redacted("https://user:pw@es.example.org:9243/x") == (
        "https://es.example.org:9243/x"
    )


def test_only_our_own_versioned_names_count_as_our_indexes():
    assert parse_index_name("hjelp", "hjelp-nb-v12") == ("nb", 12)
    assert parse_index_name("hjelp", "hjelp-nb") is None
    assert parse_index_name("hjelp", "hjelp-other-nb-v1") is None
