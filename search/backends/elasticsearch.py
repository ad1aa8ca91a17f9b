"""The Elasticsearch backend: the same contract as the database backend, answered
by the cluster.

Language analysis stays in Python (search.analysis): documents arrive with their
token fields filled, and queries are analysed the same way before they are sent.
Elasticsearch adds typo tolerance for words the analyser's vocabulary neither knows
nor can correct (fuzziness, with the analyser's own edit limits), and does
filtering, scoring with the taxonomy and situation boosts, facets (terms
aggregations), distance sort, paging and suggestions itself. Only open-now is
decided in Python (search.hours), once per distinct set of opening hours, never
once per service.

Every write is mirrored into the database backend's index, which answers when
the cluster cannot (search.service falls back to it).

A query in another language than Norwegian searches that language and the
Norwegian source, with one result per service or page: a translation that
matches hides its Norwegian original, as search.ranking.one_per_group does.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError, helpers

from directory.areas import areas_covering
from search import geo, hours, lexicon
from search.analysis import (
    AnalysedQuery,
    analyse_query,
    is_stopword,
    scope_languages,
    stem,
    words,
)
from search.backends.base import (
    SearchBackend,
    SearchBackendUnavailable,
    SearchDocument,
    SearchQuery,
    SearchResults,
    load_backend,
)
from search.documents import PRE_ANALYSED, document_from_source, source_for
from search.elasticsearch_indexes import (
    PING_TIMEOUT,
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
from search.facets import BOOLEAN_FACETS, COVERS_ALL, FACETS
from search.ranking import (
    AUDIENCE_CONFLICT,
    AUDIENCE_MATCH,
    CODE_BOOST,
    SITUATION_BOOST,
    SITUATION_DECAY,
    Candidate,
    hit_for,
    rank,
    searched_from,
)
from search.suggestions import MAX_SUGGEST_INPUT, suggest_titles

logger = logging.getLogger(__name__)

# Field weights as the database backend: title 8, taxonomy 4, text 1.
FIELDS = ["title_tokens^8", "term_tokens^4", "text_tokens"]
# Typo tolerance with the analyser's own limits: none up to 4 letters, one edit
# for 5-7, two from 8; the first letter is taken as typed.
FUZZINESS = "AUTO:5,8"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = 20
FUZZY_MIN_LENGTH = 5
BULK_CHUNK = 1000
# Facet keys: about 31 categories, 12 audiences, 45 areas, 22 languages, flags.
FACET_BUCKETS = 1000
# Distinct opening hours per page of the composite aggregation.
OPENING_PAGE = 1000
# Pages carry no opening hours; their bucket in the opening aggregations.
NO_HOURS = "\x00page"
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
            actions = [
                {
                    "_op_type": "index",
                    # Every version of the language: the live one, and one a
                    # rebuild is loading right now, so the swap loses nothing.
                    "_index": name,
                    "_id": document.id,
                    "version": version,
                    "version_type": "external_gte",
                    "_source": source_for(document),
                }
                for document in documents
                for name in known[document.language].versions.values()
            ]
            self._bulk(actions)
        return len(documents)

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
            actions = []
            live = set()
            for doc_id in ids:
                entry = known.get(_language_of(doc_id))
                if entry is None:
                    continue
                live.add(entry.live)
                for name in entry.versions.values():
                    actions.append(
                        {
                            "_op_type": "delete",
                            "_index": name,
                            "_id": doc_id,
                            "version": version,
                            "version_type": "external_gte",
                        }
                    )
            skipped = self._bulk(actions)
        return sum(
            1
            for action in actions
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

    def rebuild(self, documents: Iterable[SearchDocument]) -> int:
        """Load new index versions beside the live ones, then swap every alias in
        one step: searches are answered from the old indexes until the new ones
        are complete, and never from a half-built one."""
        # Stamped before loading: a page published while the load runs is written
        # with a later version, and the load's older copy of it is refused.
        version = write_version()
        started = time.monotonic()
        new: dict[str, str] = {}
        fallback = self._fallback()
        loaded: list[SearchDocument] = []
        with unavailable_on_failure("rebuild the index"):
            before = existing(self.client, self.prefix)

            def actions():
                for document in documents:
                    if fallback is not None:
                        loaded.append(document)
                    language = document.language
                    if language not in new:
                        entry = before.get(language)
                        number = entry.next_version if entry else 1
                        name = index_name(self.prefix, language, number)
                        create_index(self.client, name, loading=True)
                        new[language] = name
                    yield {
                        "_op_type": "index",
                        "_index": new[language],
                        "_id": document.id,
                        "version": version,
                        "version_type": "external_gte",
                        "_source": source_for(document),
                    }

            try:
                count = 0
                for ok, item in helpers.streaming_bulk(
                    self.client,
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
                for name in new.values():
                    finish_loading(self.client, name)
                dropped = swap_aliases(self.client, self.prefix, new)
            except BaseException:
                # The live indexes keep serving; the half-built ones go.
                with contextlib.suppress(*UNAVAILABLE):
                    drop_indexes(self.client, new.values())
                raise
        logger.info(
            "Rebuilt Elasticsearch indexes %s with %d documents in %.1fs "
            "(dropped %s); analysis: pre-analysed tokens, %r analyzer",
            ", ".join(sorted(new.values())) or "(none)",
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
            plan = _Plan(self, query, analysed, vocabulary)
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


class _Plan:
    """One search as up to three requests:

    1. (other languages than Norwegian) which services and pages match in the
       reader's language, so that their Norwegian originals drop out;
    2. (with text, or open-now) the best text score, for scores on the same
       scale as the database backend, and which opening hours are open now;
    3. the page of hits with facets, scored, filtered and sorted.
    """

    def __init__(
        self, backend: ElasticsearchBackend, query: SearchQuery, analysed, vocabulary
    ):
        self.vocabulary = vocabulary
        self.client = backend.client
        self.prefix = backend.prefix
        self.query = query
        self.analysed: AnalysedQuery | None = analysed
        self.has_text = analysed is not None and not analysed.is_empty
        self.at = query.at or timezone.now()
        self.languages = scope_languages(query.language)
        self.indexes = ",".join(
            alias_name(self.prefix, lang) for lang in self.languages
        )
        self.offset = 0.0

    # Query parts ---------------------------------------------------------------

    def filters(self) -> list[dict]:
        f = self.query.filters
        clauses = []
        if f.type:
            clauses.append({"term": {"type": f.type}})
        if f.categories:
            clauses.append({"terms": {"categories": f.categories}})
        if f.audiences:
            clauses.append({"terms": {"audiences": f.audiences}})
        if f.municipality:
            clauses.append(
                {"terms": {"municipalities": areas_covering(f.municipality)}}
            )
        if f.languages_offered:
            clauses.append({"terms": {"languages_offered": f.languages_offered}})
        for name in ("free", "anonymous", "round_the_clock"):
            value = getattr(f, name)
            if value is not None:
                clauses.append({"term": {name: value}})
        return clauses

    def text_query(self) -> dict | None:
        if not self.has_text:
            return None
        exact = {
            "multi_match": {
                "query": " ".join(self.analysed.tokens),
                "fields": FIELDS,
                "type": "most_fields",
                "operator": "or",
                "analyzer": PRE_ANALYSED,
            }
        }
        unknown = self.unknown_words()
        if not unknown:
            return exact
        # Words the analyser neither knew nor could correct (a word the shared
        # vocabulary has not caught up with): Elasticsearch's edit distance.
        # Only these: fuzzy matching costs far more than an exact term.
        fuzzy = {
            "multi_match": {
                **exact["multi_match"],
                "query": " ".join(unknown),
                "fuzziness": FUZZINESS,
                "prefix_length": FUZZY_PREFIX_LENGTH,
                "max_expansions": FUZZY_MAX_EXPANSIONS,
            }
        }
        return {"bool": {"should": [exact, fuzzy], "minimum_should_match": 1}}

    def unknown_words(self) -> list[str]:
        """Stems of the query words that are not in the index's vocabulary and
        that the analyser could not correct."""
        scope = self.languages
        stems: dict[str, None] = {}
        for word in self.analysed.words:
            if (
                len(word) < FUZZY_MIN_LENGTH
                or word.isdigit()
                or word in self.analysed.corrections
                or any(is_stopword(word, lang) for lang in scope)
                or self.vocabulary.knows(word, scope)
                or self.vocabulary.folded_matches(word, scope)
            ):
                continue
            stems.update(dict.fromkeys(stem(word, lang) for lang in scope))
        return list(stems)

    def matching(self, extra_filters=(), exclude=None, boost=1.0) -> dict:
        """Text and filters, without boosts."""
        text = self.text_query()
        query: dict = {"bool": {"filter": [*self.filters(), *extra_filters]}}
        if text is not None:
            query["bool"]["must"] = [text]
            query["bool"]["boost"] = boost
        if exclude:
            query["bool"]["must_not"] = [exclude]
        return query

    def boosts(self) -> list[dict]:
        """search.ranking's taxonomy and situation boosts as score functions.
        Scores cannot go below zero in Elasticsearch, so a conflicting audience
        gets nothing where every other result gets AUDIENCE_CONFLICT; the offset
        is taken off again before scores are shown."""
        analysed = self.analysed
        functions = []
        for code, weight in analysed.codes.items():
            named = {
                "bool": {
                    "should": [
                        {"term": {"categories": code}},
                        {"term": {"audiences": code}},
                    ]
                }
            }
            functions.append({"filter": named, "weight": CODE_BOOST * weight})
            functions.append(
                {
                    "filter": {
                        "bool": {
                            "filter": [{"term": {"features": code}}],
                            "must_not": [named],
                        }
                    },
                    "weight": CODE_BOOST * weight / 2,
                }
            )
        categories = analysed.situation_categories()
        for position, code in enumerate(categories):
            functions.append(
                {
                    "filter": {"term": {"categories": code}},
                    "weight": SITUATION_BOOST
                    * max(0.2, 1 - SITUATION_DECAY * position),
                }
            )
        audiences = analysed.situation_audiences()
        conflict = None
        if audiences:
            matches = {"terms": {"audiences": audiences}}
            functions.append({"filter": matches, "weight": AUDIENCE_MATCH})
            if categories:
                conflict = {
                    "bool": {
                        "filter": [{"exists": {"field": "audiences"}}],
                        "must_not": [matches],
                    }
                }
        if conflict is None:
            # With no function matching, Elasticsearch would add 1.
            functions.append({"filter": {"match_all": {}}, "weight": 0})
        else:
            self.offset = AUDIENCE_CONFLICT
            functions.append({"filter": conflict, "weight": 0})
            functions.append(
                {
                    "filter": {"bool": {"must_not": [conflict]}},
                    "weight": AUDIENCE_CONFLICT,
                }
            )
        return functions

    # Requests ------------------------------------------------------------------

    def _search(self, **body):
        return self.client.search(
            index=self.indexes, ignore_unavailable=True, allow_no_indices=True, **body
        )

    def translated_groups(self) -> list[str]:
        """Groups that match in the reader's own language (step 1)."""
        if len(self.languages) == 1:
            return []
        groups: list[str] = []
        after = None
        while True:
            composite = {
                "size": OPENING_PAGE,
                "sources": [{"group": {"terms": {"field": "group"}}}],
            }
            if after:
                composite["after"] = after
            response = self.client.search(
                index=alias_name(self.prefix, self.query.language),
                query=self.matching(),
                size=0,
                aggs={"groups": {"composite": composite}},
                ignore_unavailable=True,
                allow_no_indices=True,
            )
            aggregation = response.get("aggregations", {}).get("groups")
            if not aggregation:
                return groups
            groups.extend(b["key"]["group"] for b in aggregation["buckets"])
            after = aggregation.get("after_key")
            if not after or len(aggregation["buckets"]) < OPENING_PAGE:
                return groups

    def exclusion(self, groups) -> dict | None:
        if not groups:
            return None
        return {
            "bool": {
                "filter": [
                    {"terms": {"language": [lang for lang in self.languages[1:]]}},
                    {"terms": {"group": groups}},
                ]
            }
        }

    def opening_buckets(self, exclude) -> list[tuple[str, int, float]]:
        """(opening key, services, best text score) over the matching set."""
        buckets = []
        after = None
        while True:
            composite = {
                "size": OPENING_PAGE,
                "sources": [
                    {"opening": {"terms": {"field": "opening", "missing_bucket": True}}}
                ],
            }
            if after:
                composite["after"] = after
            aggregation = {"composite": composite}
            if self.has_text:
                aggregation["aggs"] = {
                    "best": {"top_hits": {"size": 1, "_source": False}}
                }
            response = self._search(
                query=self.matching(exclude=exclude),
                size=0,
                aggs={"opening": aggregation},
                track_total_hits=False,
            )
            found = response.get("aggregations", {}).get("opening")
            if not found:
                return buckets
            for bucket in found["buckets"]:
                key = bucket["key"]["opening"]
                best = bucket.get("best", {}).get("hits", {}).get("max_score") or 0.0
                buckets.append(
                    (NO_HOURS if key is None else key, bucket["doc_count"], best)
                )
            after = found.get("after_key")
            if not after or len(found["buckets"]) < OPENING_PAGE:
                return buckets

    def best_score(self, exclude) -> float:
        response = self._search(
            query=self.matching(exclude=exclude),
            size=1,
            source=False,
            track_total_hits=False,
        )
        return response["hits"].get("max_score") or 0.0

    def run(self):
        query, f = self.query, self.query.filters
        exclude = self.exclusion(self.translated_groups())
        open_filter = []
        top = 1.0
        if f.open_now is not None:
            wanted = [
                (key, best)
                for key, _, best in self.opening_buckets(exclude)
                if key != NO_HOURS and hours.is_open(key, self.at) is f.open_now
            ]
            # No key is open (or closed): filter on a key no service has.
            open_filter = [{"terms": {"opening": [k for k, _ in wanted] or [NO_HOURS]}}]
            top = max((best for _, best in wanted), default=0.0) or 1.0
        elif self.has_text:
            top = self.best_score(exclude) or 1.0

        matching = self.matching(open_filter, exclude, boost=1.0 / top)
        # Further pages of the opening-hours aggregation need the same query.
        self.last_query = matching
        if self.has_text:
            scored = {
                "function_score": {
                    "query": matching,
                    "functions": self.boosts(),
                    "score_mode": "sum",
                    "boost_mode": "sum",
                }
            }
        else:
            scored = {"constant_score": {"filter": matching, "boost": 0.0}}
        response = self._search(
            query=scored,
            sort=self.sort(),
            track_scores=True,
            track_total_hits=True,
            from_=(query.page - 1) * query.per_page,
            size=query.per_page,
            aggs=self.aggregations(),
        )
        return (
            response["hits"]["total"]["value"],
            self.hits(response),
            self.facets(response.get("aggregations", {})),
        )

    def sort(self) -> list:
        query = self.query
        by_name = [{"sort_title": "asc"}, {"language": "asc"}]
        if query.sort == "distance":
            order = [{"_score": "desc"}, {"sort_title": "asc"}]
            if query.point is None:
                return order
            return [
                {
                    "_geo_distance": {
                        "location": {"lat": query.point.lat, "lon": query.point.lon},
                        "order": "asc",
                        "unit": "km",
                        "distance_type": "arc",
                        "ignore_unmapped": True,
                    }
                },
                *order,
            ]
        if query.sort == "name" or not self.has_text:
            return by_name
        return [{"_score": "desc"}, {"sort_title": "asc"}]

    def aggregations(self) -> dict:
        return {
            "keys": {"terms": {"field": "facet_keys", "size": FACET_BUCKETS}},
            # Results for the whole county or country count in every municipality.
            "covering": {
                "filter": {"terms": {"municipalities": list(COVERS_ALL)}},
                "aggs": {
                    "areas": {
                        "terms": {
                            "field": "facet_keys",
                            "include": "municipality:.*",
                            "size": FACET_BUCKETS,
                        }
                    }
                },
            },
            "opening": {
                "composite": {
                    "size": OPENING_PAGE,
                    "sources": [{"opening": {"terms": {"field": "opening"}}}],
                }
            },
        }

    def hits(self, response) -> list:
        point = self.query.point
        hits = []
        for raw in response["hits"]["hits"]:
            document = document_from_source(raw["_source"])
            distance = None
            if point is not None and document.latitude is not None:
                distance = round(
                    geo.haversine_km(
                        point.lat, point.lon, document.latitude, document.longitude
                    ),
                    2,
                )
            score = 0.0
            if self.has_text:
                score = round((raw.get("_score") or 0.0) - self.offset, 4)
            candidate = Candidate(
                ref=raw["_id"],
                group=raw["_source"].get("group", document.id),
                language=document.language,
                keys=[],
                title=document.title,
                score=score,
                distance_km=distance,
                open_now=(
                    hours.is_open(hours.opening_key(document), self.at)
                    if document.type == "service"
                    else None
                ),
            )
            hits.append(hit_for(candidate, document, self.analysed))
        return hits

    def facets(self, aggregations) -> dict[str, list[tuple[str, int]]]:
        """search.facets.count, from aggregated counts instead of documents."""
        counter = {
            b["key"]: b["doc_count"]
            for b in aggregations.get("keys", {}).get("buckets", [])
        }
        covering_agg = aggregations.get("covering", {})
        covering = covering_agg.get("doc_count", 0)
        overlap = {
            b["key"]: b["doc_count"]
            for b in covering_agg.get("areas", {}).get("buckets", [])
        }
        opened = closed = 0
        for key, number in self.all_opening(aggregations.get("opening")):
            if hours.is_open(key, self.at):
                opened += number
            else:
                closed += number
        result: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
        for item, number in counter.items():
            name, _, value = item.partition(":")
            if name in ("category", "audience", "language", *BOOLEAN_FACETS):
                result[name].append((value, number))
            elif name == "municipality" and value not in COVERS_ALL:
                result[name].append((value, number - overlap.get(item, 0) + covering))
        result["open_now"] = [("true", opened), ("false", closed)]
        for name in result:
            if name in BOOLEAN_FACETS:
                result[name] = sorted(result[name], key=lambda item: item[0] != "true")
            else:
                result[name] = sorted(
                    result[name], key=lambda item: (-item[1], item[0])
                )
        return result

    def all_opening(self, first):
        """Every (opening key, services) of the main request's composite
        aggregation, fetching further pages when there are many."""
        page = first
        while page:
            for bucket in page["buckets"]:
                yield bucket["key"]["opening"], bucket["doc_count"]
            after = page.get("after_key")
            if not after or len(page["buckets"]) < OPENING_PAGE:
                return
            page = self.next_opening_page(after)

    def next_opening_page(self, after) -> dict | None:
        response = self._search(
            query=self.last_query,
            size=0,
            track_total_hits=False,
            aggs={
                "opening": {
                    "composite": {
                        "size": OPENING_PAGE,
                        "after": after,
                        "sources": [{"opening": {"terms": {"field": "opening"}}}],
                    }
                }
            },
        )
        return response.get("aggregations", {}).get("opening")
