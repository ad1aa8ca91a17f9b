"""The Elasticsearch backend: the same contract as the database backend, answered
by the cluster. Index management is in search.elasticsearch_indexes, the mapping in
search.documents, and how one search becomes requests in
search.backends.elasticsearch_query.

Language analysis stays in Python (search.analysis): documents arrive with their
token fields filled, and queries are analysed the same way before they are sent, so
the cluster needs no language plug-in. Every write is mirrored into the database
backend's index, which answers when the cluster cannot (search.service falls back
to it).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError, helpers

from search import lexicon
from search.analysis import analyse_query, scope_languages, words
from search.backends.base import (
    SearchBackend,
    SearchBackendUnavailable,
    SearchDocument,
    SearchQuery,
    SearchResults,
    load_backend,
)
from search.backends.elasticsearch_query import SearchPlan
from search.documents import PRE_ANALYSED, document_from_source, source_for
from search.elasticsearch_indexes import (
    PING_TIMEOUT,
    RebuildPlan,
    admin,
    alias_name,
    client_for,
    cluster_facts,
    create_index,
    drop_all,
    drop_indexes,
    ensure_language_indexes,
    existing,
    finish_loading,
    index_name,
    index_prefix,
    swap_aliases,
    write_version,
)
from search.ranking import rank, searched_from
from search.suggestions import MAX_SUGGEST_INPUT, suggest_titles

logger = logging.getLogger(__name__)

BULK_CHUNK = 1000
# Completion candidates; search.suggestions then applies the shared rules.
SUGGEST_CANDIDATES = 60
PING_CACHE_SECONDS = 5.0
# Cluster failures that mean "answer from the database instead".
UNAVAILABLE = (TransportError, ApiError)


def redacted(url: str) -> str:
    """The cluster URL without user name or password, for logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


@contextlib.contextmanager
def unavailable_on_failure(action: str):
    """Turn a cluster failure into SearchBackendUnavailable, which the search
    layer answers from the database backend."""
    try:
        yield
    except NotFoundError:
        raise
    except UNAVAILABLE as exc:
        raise SearchBackendUnavailable(
            f"Elasticsearch could not {action}: {exc.__class__.__name__}"
        ) from exc


class ElasticsearchBackend(SearchBackend):
    name = "elasticsearch"
    # Written after the site's transaction commits (search.indexing).
    transactional = False
    _health: dict[str, tuple[float, bool]] = {}
    _described: set[str] = set()
    _lock = threading.Lock()

    def __init__(
        self,
        url: str | None = None,
        prefix: str | None = None,
        client=None,
        mirror: bool = True,
    ):
        self.url = url or settings.ELASTICSEARCH_URL
        self.prefix = prefix or index_prefix()
        self.client = client or client_for(self.url)
        # Every write also goes to the database backend's index: it answers when
        # the cluster is down, and must not be stale or empty then.
        self.mirror = mirror

    def _fallback(self) -> SearchBackend | None:
        return load_backend("database") if self.mirror else None

    # --- Health ---------------------------------------------------------------

    def ping(self) -> bool:
        """Is the cluster there and able to answer? Checked at most every few
        seconds per process; a visitor never waits for a dead cluster twice."""
        now = time.monotonic()
        checked = self._health.get(self.url)
        if checked is not None and now - checked[0] < PING_CACHE_SECONDS:
            return checked[1]
        try:
            health = self.client.options(
                request_timeout=PING_TIMEOUT, max_retries=0
            ).cluster.health()
            healthy = health["status"] in ("green", "yellow")
            problem = f"cluster status {health['status']}"
        except UNAVAILABLE as exc:
            healthy = False
            problem = exc.__class__.__name__
        if not healthy:
            logger.error(
                "Elasticsearch at %s is unreachable (%s): searches are answered "
                "by the database backend until it is back",
                redacted(self.url),
                problem,
            )
        with self._lock:
            self._health[self.url] = (now, healthy)
            first = healthy and self.url not in self._described
            if first:
                self._described.add(self.url)
        if first:
            with contextlib.suppress(*UNAVAILABLE):
                logger.info("Search backend: %s", self.describe_line())
        return healthy

    @classmethod
    def forget_health(cls) -> None:
        """Check the cluster again at the next ping (tests, after an outage)."""
        with cls._lock:
            cls._health.clear()

    def describe(self) -> dict:
        """Where the indexes are and how their text was analysed."""
        facts = cluster_facts(self.client)
        indexes = existing(self.client, self.prefix)
        return {
            "backend": self.name,
            "url": redacted(self.url),
            "elasticsearch": ", ".join(facts["versions"]),
            "aliases": {
                alias_name(self.prefix, language): entry.live
                for language, entry in sorted(indexes.items())
            },
            "analysis": facts["analysis"],
            "native_language_analyzers": facts["native_language_analyzers"],
        }

    def describe_line(self) -> str:
        info = self.describe()
        aliases = ", ".join(f"{a} -> {i}" for a, i in info["aliases"].items())
        return (
            f"elasticsearch {info['elasticsearch']} at {info['url']}; "
            f"indexes: {aliases or 'none yet'}; analysis: {info['analysis']}; "
            f"native language analyzers: {info['native_language_analyzers']}"
        )

    # --- Writing --------------------------------------------------------------

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        documents = list(documents)
        if not documents:
            return 0
        if fallback := self._fallback():
            fallback.index_documents(documents)
        with unavailable_on_failure("index documents"):
            known = ensure_language_indexes(
                self.client, self.prefix, {d.language for d in documents}
            )
            version = write_version()

            def actions(names_of):
                # Every version of the language: the live one, and one a
                # rebuild is loading right now, so the swap loses nothing.
                return [
                    {
                        "_op_type": "index",
                        "_index": name,
                        "_id": document.id,
                        "version": version,
                        "version_type": "external_gte",
                        "_source": source_for(document),
                    }
                    for document in documents
                    for name in names_of(document.language)
                ]

            self._bulk(actions(lambda language: known[language].versions.values()))
            self._catch_up(known, actions)
        return len(documents)

    def _catch_up(self, known, actions) -> None:
        """A rebuild may have created its new versions between our look-up and
        our write: look again, and write to what is new."""
        now = existing(self.client, self.prefix)

        def missed(language):
            had = known.get(language)
            seen = set(had.versions.values()) if had else set()
            entry = now.get(language)
            names = entry.versions.values() if entry else ()
            return [name for name in names if name not in seen]

        late = actions(missed)
        if late:
            self._bulk(late)

    def delete_documents(self, ids: Iterable[str]) -> int:
        ids = list(dict.fromkeys(ids))
        if fallback := self._fallback():
            fallback.delete_documents(ids)
        return self._delete_ids(ids)

    def _delete_ids(self, ids: list[str]) -> int:
        if not ids:
            return 0
        with unavailable_on_failure("delete documents"):
            known = existing(self.client, self.prefix)
            version = write_version()

            def actions(names_of):
                return [
                    {
                        "_op_type": "delete",
                        "_index": name,
                        "_id": doc_id,
                        "version": version,
                        "version_type": "external_gte",
                    }
                    for doc_id in ids
                    for name in names_of(_language_of(doc_id))
                ]

            def known_names(language):
                entry = known.get(language)
                return entry.versions.values() if entry else ()

            done = actions(known_names)
            skipped = self._bulk(done)
            self._catch_up(known, actions)
        live = {entry.live for entry in known.values()}
        return sum(
            1
            for action in done
            if action["_index"] in live
            and (action["_index"], action["_id"]) not in skipped
        )

    def delete_page(self, page_id: int) -> int:
        if fallback := self._fallback():
            fallback.delete_page(page_id)
        with unavailable_on_failure("delete a page"):
            response = self.client.search(
                index=f"{self.prefix}-*",
                query={"term": {"page_id": page_id}},
                _source=False,
                size=1000,
                ignore_unavailable=True,
                allow_no_indices=True,
            )
        return self._delete_ids(list({hit["_id"] for hit in response["hits"]["hits"]}))

    def clear(self) -> None:
        if fallback := self._fallback():
            fallback.clear()
        with unavailable_on_failure("clear the index"):
            dropped = drop_all(self.client, self.prefix)
        if dropped:
            logger.info("Dropped Elasticsearch indexes %s", ", ".join(dropped))

    def prepare_rebuild(self) -> RebuildPlan:
        """Stamp the rebuild's document version and create the new index of
        every language served now, before the rebuild reads any page: from here
        on, every write also reaches the new indexes (search.elasticsearch_indexes
        explains why nothing written meanwhile is lost at the swap)."""
        plan = RebuildPlan(version=write_version())
        with unavailable_on_failure("prepare a rebuild"):
            try:
                for language, entry in sorted(
                    existing(self.client, self.prefix).items()
                ):
                    self._create_loading(plan, language, entry.next_version)
            except BaseException:
                self.abandon_rebuild(plan)
                raise
        return plan

    def _create_loading(self, plan, language: str, version: int) -> str:
        name = index_name(self.prefix, language, version)
        create_index(self.client, name, loading=True)
        plan.new[language] = name
        return name

    def abandon_rebuild(self, prepared) -> None:
        if prepared and prepared.new:
            with contextlib.suppress(*UNAVAILABLE):
                drop_indexes(self.client, prepared.new.values())
            prepared.new.clear()

    def rebuild(self, documents: Iterable[SearchDocument], prepared=None) -> int:
        """Load new index versions beside the live ones, then swap every alias in
        one step: searches are answered from the old indexes until the new ones
        are complete, and never from a half-built one. Languages served before
        but without documents now lose their alias."""
        plan = prepared if prepared is not None else self.prepare_rebuild()
        started = time.monotonic()
        fallback = self._fallback()
        loaded: list[SearchDocument] = []
        with unavailable_on_failure("rebuild the index"):

            def actions():
                for document in documents:
                    if fallback is not None:
                        loaded.append(document)
                    language = document.language
                    if language not in plan.new:
                        # A language with no index when the rebuild began; a
                        # write may have created its first version meanwhile.
                        entry = existing(self.client, self.prefix).get(language)
                        self._create_loading(
                            plan, language, entry.next_version if entry else 1
                        )
                    plan.filled.add(language)
                    yield {
                        "_op_type": "index",
                        "_index": plan.new[language],
                        "_id": document.id,
                        "version": plan.version,
                        "version_type": "external_gte",
                        "_source": source_for(document),
                    }

            try:
                count = 0
                for ok, item in helpers.streaming_bulk(
                    admin(self.client),
                    actions(),
                    chunk_size=BULK_CHUNK,
                    raise_on_error=False,
                    max_retries=2,
                ):
                    result = next(iter(item.values()))
                    if ok:
                        count += 1
                    elif result.get("status") != 409:
                        raise SearchBackendUnavailable(
                            f"Elasticsearch refused a document: {result.get('error')}"
                        )
                served = {
                    language: name
                    for language, name in plan.new.items()
                    if language in plan.filled
                }
                for name in served.values():
                    finish_loading(self.client, name)
                dropped = swap_aliases(self.client, self.prefix, served)
            except BaseException:
                # The live indexes keep serving; the half-built ones go.
                self.abandon_rebuild(plan)
                raise
        logger.info(
            "Rebuilt Elasticsearch indexes %s with %d documents in %.1fs "
            "(dropped %s); analysis: pre-analysed tokens, %r analyzer",
            ", ".join(sorted(served.values())) or "(none)",
            count,
            time.monotonic() - started,
            ", ".join(dropped) or "nothing",
            PRE_ANALYSED,
        )
        if fallback is not None:
            fallback.rebuild(loaded)
        return count

    def _bulk(self, actions) -> set[tuple[str, str]]:
        """Send actions, visible to searches at once. A newer version already
        stored (409) and a document that is not there (404) are fine; anything
        else is an error. Returns the (index, id) pairs that were not applied."""
        if not actions:
            return set()
        _, errors = helpers.bulk(
            self.client, actions, refresh=True, raise_on_error=False
        )
        skipped = set()
        for error in errors:
            result = next(iter(error.values()))
            if result.get("status") not in (404, 409):
                raise SearchBackendUnavailable(
                    f"Elasticsearch refused a write: {result.get('error')}"
                )
            skipped.add((result.get("_index"), result.get("_id")))
        return skipped

    # --- Reading --------------------------------------------------------------

    def document_ids(self) -> set[str]:
        with unavailable_on_failure("list documents"):
            return {
                hit["_id"]
                for hit in helpers.scan(
                    self.client,
                    index=self._aliases(existing(self.client, self.prefix)),
                    query={"query": {"match_all": {}}},
                    _source=False,
                    ignore_unavailable=True,
                    allow_no_indices=True,
                )
            }

    def _aliases(self, known) -> str:
        names = [alias_name(self.prefix, language) for language in sorted(known)]
        # An index name no one uses: searching nothing at all finds nothing.
        return ",".join(names) or f"{self.prefix}-none"

    def get_document(self, doc_id: str) -> SearchDocument | None:
        alias = alias_name(self.prefix, _language_of(doc_id))
        with unavailable_on_failure("read a document"):
            try:
                found = self.client.get(index=alias, id=doc_id)
            except NotFoundError:
                return None
        return document_from_source(found["_source"])

    def search(self, query: SearchQuery) -> SearchResults:
        text = query.text.strip()
        analysed = vocabulary = None
        if text:
            vocabulary = lexicon.current_vocabulary()
            analysed = analyse_query(text, query.language, vocabulary)
        searched = searched_from(text, analysed)
        if analysed is not None and analysed.is_empty:
            ranked = rank([], query, analysed)
            return SearchResults(
                count=0,
                hits=[],
                facets=ranked.facets,
                searched=searched,
                query=query,
                backend=self.name,
            )
        with unavailable_on_failure("search"):
            plan = SearchPlan(self.client, self.prefix, query, analysed, vocabulary)
            count, hits, facet_counts = plan.run()
        return SearchResults(
            count=count,
            hits=hits,
            facets=facet_counts,
            searched=searched,
            query=query,
            backend=self.name,
        )

    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        typed = words(text[:MAX_SUGGEST_INPUT], language, limit=6)
        if not typed or len("".join(typed)) < 2:
            return []
        # Titles with a word that starts like the longest typed word; the shared
        # rules then keep those where every typed word begins a word.
        prefix = max(typed, key=len)
        indexes = ",".join(
            alias_name(self.prefix, lang) for lang in scope_languages(language)
        )
        with unavailable_on_failure("suggest"):
            response = self.client.search(
                index=indexes,
                suggest={
                    "titles": {
                        "prefix": prefix,
                        "completion": {
                            "field": "suggest",
                            "size": max(SUGGEST_CANDIDATES, limit * 5),
                        },
                    }
                },
                source=["title", "language"],
                ignore_unavailable=True,
                allow_no_indices=True,
            )
        titles = [
            (option["_source"]["language"], option["_source"]["title"])
            for entry in response.get("suggest", {}).get("titles", [])
            for option in entry["options"]
        ]
        return suggest_titles(
            titles, text, language, lexicon.current_vocabulary(), limit
        )


def _language_of(doc_id: str) -> str:
    return doc_id.rsplit(":", 1)[-1]
