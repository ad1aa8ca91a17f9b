"""How one search becomes Elasticsearch requests, with the rules every backend
shares (search.ranking, search.facets, search.hours) expressed as queries,
score functions and aggregations instead of Python over every candidate.

The rules, as the database backend applies them:

- every word of the query must match (each by any of its alternatives: stems,
  spelling, a correction, compound parts, a term code); when that finds fewer than
  RELAX_BELOW results, any word may match, and results without every word are
  ranked PARTIAL_MATCH_PENALTY lower;
- one result per service or page: a match in the reader's language hides the
  Norwegian original;
- score = text score scaled to TEXT_WEIGHT over the results, plus the taxonomy and
  situation boosts (search.ranking's booster, as score functions on facet keys);
- open-now from the opening hours, decided once per distinct set of hours;
- facets counted over the filtered results; sort by relevance, name or distance.

A search takes up to four requests: which rule applies (with the reader's-language
matches), the best text score and the open hours, then the page with its facets.
"""

from __future__ import annotations

from django.utils import timezone

from directory.areas import areas_covering
from search import geo, hours
from search.analysis import AnalysedQuery, is_stopword, scope_languages, stem
from search.backends.base import SearchBackendUnavailable, SearchQuery
from search.documents import PRE_ANALYSED
from search.elasticsearch_indexes import alias_name
from search.facets import COVERS_ALL, assemble
from search.ranking import (
    AUDIENCE_CONFLICT,
    PARTIAL_MATCH_PENALTY,
    RELAX_BELOW,
    TEXT_WEIGHT,
    Booster,
    Candidate,
    hit_for,
)

# Field weights as the database backend: title 8, taxonomy 4, text 1.
FIELDS = ["title_tokens^8", "term_tokens^4", "text_tokens"]
# Typo tolerance for words the analyser's vocabulary neither knows nor can
# correct, with the analyser's own limits: none up to 4 letters, one edit for 5-7,
# two from 8; the first letter is taken as typed.
FUZZINESS = "AUTO:5,8"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = 20
FUZZY_MIN_LENGTH = 5
# Facet keys: about 31 categories, 12 audiences, 45 areas, 22 languages, flags.
FACET_BUCKETS = 1000
# Distinct opening hours (or groups) per page of a composite aggregation.
COMPOSITE_PAGE = 1000
# Pages carry no opening hours; their bucket in the opening aggregation.
NO_HOURS = "\x00page"
# A hit needs what is shown, not the tokens it was found by.
HIT_SOURCE_EXCLUDES = ["*_tokens", "words", "suggest", "facet_keys"]


class SearchPlan:
    def __init__(self, client, prefix, query: SearchQuery, analysed, vocabulary):
        self.client = client
        self.prefix = prefix
        self.query = query
        self.analysed: AnalysedQuery | None = analysed
        self.vocabulary = vocabulary
        self.has_text = analysed is not None and not analysed.is_empty
        self.at = query.at or timezone.now()
        self.languages = scope_languages(query.language)
        self.indexes = ",".join(alias_name(prefix, lang) for lang in self.languages)
        # Score functions cannot be negative: a penalty is given as the same
        # amount to everything else, and taken off again before scores are shown.
        self.offset = 0.0
        self.relaxed = False
        self.best = 0.0
        self.fuzzy = self.unknown_words() if self.has_text else []

    # --- Query parts -------------------------------------------------------------

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
            areas = areas_covering(f.municipality)
            clauses.append({"terms": {"municipalities": areas}})
        if f.languages_offered:
            clauses.append({"terms": {"languages_offered": f.languages_offered}})
        for name in ("free", "anonymous", "round_the_clock"):
            value = getattr(f, name)
            if value is not None:
                clauses.append({"term": {name: value}})
        return clauses

    def unknown_words(self) -> list[str]:
        """Stems of the query words that are not in the index's vocabulary and
        that the analyser could not correct: Elasticsearch's edit distance gets a
        go at those, and only those (fuzzy matching costs far more than a term)."""
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

    def _tokens(self, tokens, **options) -> dict:
        return {
            "multi_match": {
                "query": " ".join(tokens),
                "fields": FIELDS,
                "analyzer": PRE_ANALYSED,
                **options,
            }
        }

    def _fuzzy(self, tokens) -> dict:
        return self._tokens(
            tokens,
            type="most_fields",
            fuzziness=FUZZINESS,
            prefix_length=FUZZY_PREFIX_LENGTH,
            max_expansions=FUZZY_MAX_EXPANSIONS,
        )

    def scoring(self, boost=1.0) -> dict:
        """Any word, scored: what the text score comes from in both rules."""
        exact = self._tokens(self.analysed.tokens, type="most_fields", boost=boost)
        if not self.fuzzy:
            return exact
        fuzzy = self._fuzzy(self.fuzzy)
        return {
            "bool": {
                "should": [exact, fuzzy],
                "minimum_should_match": 1,
                "boost": boost,
            }
        }

    def every_word(self) -> list[dict]:
        """One filter per required clause: any alternative, and an alternative's
        tokens (a compound's parts) all, each in any field."""
        clauses = []
        for clause in self.analysed.required():
            options = [
                self._tokens(alternative, type="cross_fields", operator="and")
                for alternative in clause
                if alternative
            ]
            options += [
                self._fuzzy(alternative)
                for alternative in clause
                if len(alternative) == 1 and alternative[0] in self.fuzzy
            ]
            if options:
                clauses.append({"bool": {"should": options, "minimum_should_match": 1}})
        return clauses

    def matching(self, *, open_filter=(), exclude=None, boost=1.0) -> dict:
        """Text (by the rule in force), filters and the one-per-group exclusion,
        without boosts."""
        query: dict = {"bool": {"filter": [*self.filters(), *open_filter]}}
        if self.has_text:
            query["bool"]["must"] = [self.scoring(boost)]
            if not self.relaxed:
                query["bool"]["filter"] += self.every_word()
        if exclude:
            query["bool"]["must_not"] = [exclude]
        return query

    def boosts(self) -> list[dict]:
        """search.ranking's Booster as score functions on the facet keys and the
        title tokens."""
        booster = Booster(self.analysed)
        functions = [
            {"filter": {"term": {"facet_keys": key}}, "weight": weight}
            for key, weight in booster.pairs
        ]
        for clause in booster.title_clauses:
            in_title = {
                "bool": {
                    "should": [
                        {
                            "match": {
                                "title_tokens": {
                                    "query": " ".join(alternative),
                                    "operator": "and",
                                    "analyzer": PRE_ANALYSED,
                                }
                            }
                        }
                        for alternative in clause
                    ],
                    "minimum_should_match": 1,
                }
            }
            functions.append({"filter": in_title, "weight": booster.title_weight})
        # Penalties, turned round: the same amount for everything not penalised.
        spared = []
        self.offset = 0.0
        if booster.audiences and booster.conflict:
            # Help for someone else: an audience, but not the situation's.
            own = {"terms": {"facet_keys": sorted(booster.audiences)}}
            no_audience = {"bool": {"must_not": [{"exists": {"field": "audiences"}}]}}
            spared.append(({"bool": {"should": [own, no_audience]}}, AUDIENCE_CONFLICT))
        if self.relaxed:
            every_word = {"bool": {"filter": self.every_word()}}
            spared.append((every_word, PARTIAL_MATCH_PENALTY))
        for condition, weight in spared:
            functions.append({"filter": condition, "weight": weight})
            self.offset += weight
        # Where no function matches, Elasticsearch would add 1.
        functions.append({"filter": {"match_all": {}}, "weight": 0})
        return functions

    # --- Requests ------------------------------------------------------------------

    def _search(self, index=None, **body):
        return self.client.search(
            index=index or self.indexes,
            ignore_unavailable=True,
            allow_no_indices=True,
            **body,
        )

    def choose_rule(self) -> list[str]:
        """Every word, or any word (request 1); returns the groups that match in
        the reader's own language under the rule chosen, and notes the rule's
        best text score."""
        translated = len(self.languages) > 1
        requests = []
        for relaxed in (False, True):
            self.relaxed = relaxed
            requests += [
                {
                    "index": self.indexes,
                    "ignore_unavailable": True,
                    "allow_no_indices": True,
                },
                {
                    "query": self.matching(),
                    # The best hit gives the best score; counting may stop early.
                    "size": 1,
                    "_source": False,
                    "track_total_hits": RELAX_BELOW,
                    **({"aggs": self._groups_aggregation()} if translated else {}),
                },
            ]
        responses = self.client.msearch(searches=requests)["responses"]
        for response in responses:
            if "error" in response:
                raise SearchBackendUnavailable(
                    f"Elasticsearch refused a search: {response['error']}"
                )
        strict, relaxed = (r["hits"]["total"]["value"] for r in responses)
        # As the database backend: any word, when every word finds too few and
        # any word finds more.
        self.relaxed = strict < RELAX_BELOW and relaxed > strict
        chosen = responses[1 if self.relaxed else 0]
        self.best = chosen["hits"].get("max_score") or 0.0
        return self._all_groups(chosen) if translated else []

    def _groups_aggregation(self, after=None) -> dict:
        composite = {
            "size": COMPOSITE_PAGE,
            "sources": [{"group": {"terms": {"field": "group"}}}],
        }
        if after:
            composite["after"] = after
        # Only the reader's language: its matches hide their originals.
        return {
            "own": {
                "filter": {"term": {"language": self.query.language}},
                "aggs": {"groups": {"composite": composite}},
            }
        }

    def _all_groups(self, response) -> list[str]:
        groups = []
        while True:
            found = response.get("aggregations", {}).get("own", {}).get("groups")
            if not found:
                return groups
            groups += [bucket["key"]["group"] for bucket in found["buckets"]]
            after = found.get("after_key")
            if not after or len(found["buckets"]) < COMPOSITE_PAGE:
                return groups
            response = self._search(
                query=self.matching(),
                size=0,
                track_total_hits=False,
                aggs=self._groups_aggregation(after),
            )

    def exclusion(self, groups) -> dict | None:
        """The Norwegian originals of what matched in the reader's language."""
        if not groups:
            return None
        return {
            "bool": {
                "filter": [
                    {"terms": {"language": self.languages[1:]}},
                    {"terms": {"group": groups}},
                ]
            }
        }

    def opening_buckets(self, exclude) -> list[tuple[str, float]]:
        """(opening hours key, best text score) over the matching set."""
        buckets = []
        after = None
        while True:
            composite = {
                "size": COMPOSITE_PAGE,
                "sources": [
                    {"opening": {"terms": {"field": "opening", "missing_bucket": True}}}
                ],
            }
            if after:
                composite["after"] = after
            aggregation: dict = {"composite": composite}
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
                buckets.append((NO_HOURS if key is None else key, best))
            after = found.get("after_key")
            if not after or len(found["buckets"]) < COMPOSITE_PAGE:
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
        query, wanted = self.query, self.query.filters.open_now
        groups = self.choose_rule() if self.has_text else self._plain_groups()
        exclude = self.exclusion(groups)
        open_filter = []
        top = 0.0
        if wanted is not None:
            chosen = [
                (key, best)
                for key, best in self.opening_buckets(exclude)
                if key != NO_HOURS and hours.is_open(key, self.at) is wanted
            ]
            # When no hours qualify, filter on a key no service has.
            keys = [key for key, _ in chosen] or [NO_HOURS]
            open_filter = [{"terms": {"opening": keys}}]
            top = max((best for _, best in chosen), default=0.0)
        elif self.has_text:
            # Without originals to hide, the best score of request 1 holds.
            top = self.best_score(exclude) if exclude else self.best

        matching = self.matching(
            open_filter=open_filter,
            exclude=exclude,
            boost=TEXT_WEIGHT / (top or 1.0),
        )
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
            source_excludes=HIT_SOURCE_EXCLUDES,
            aggs=self.aggregations(),
        )
        return (
            response["hits"]["total"]["value"],
            self.hits(response),
            self.facets(response.get("aggregations", {})),
        )

    def _plain_groups(self) -> list[str]:
        """Without text: groups with a document in the reader's language."""
        if len(self.languages) == 1:
            return []
        response = self._search(
            query=self.matching(),
            size=0,
            track_total_hits=False,
            aggs=self._groups_aggregation(),
        )
        return self._all_groups(response)

    def sort(self) -> list:
        query = self.query
        by_name = [{"sort_title": "asc"}, {"language": "asc"}]
        by_score = [{"_score": "desc"}, {"sort_title": "asc"}]
        if query.sort == "distance":
            if query.point is None:
                return by_score
            distance = {
                "_geo_distance": {
                    "location": {"lat": query.point.lat, "lon": query.point.lon},
                    "order": "asc",
                    "unit": "km",
                    "distance_type": "arc",
                    "ignore_unmapped": True,
                }
            }
            return [distance, *by_score]
        if query.sort == "name" or not self.has_text:
            return by_name
        return by_score

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
            "opening": self._opening_aggregation(),
        }

    def _opening_aggregation(self, after=None) -> dict:
        composite = {
            "size": COMPOSITE_PAGE,
            "sources": [{"opening": {"terms": {"field": "opening"}}}],
        }
        if after:
            composite["after"] = after
        return {"composite": composite}

    # --- Answers -------------------------------------------------------------------

    def hits(self, response) -> list:
        from search.documents import document_from_source

        point = self.query.point
        hits = []
        for raw in response["hits"]["hits"]:
            document = document_from_source(raw["_source"])
            distance = None
            if point is not None and document.latitude is not None:
                distance = geo.haversine_km(
                    point.lat, point.lon, document.latitude, document.longitude
                )
                distance = round(distance, 2)
            score = 0.0
            if self.has_text:
                score = round((raw.get("_score") or 0.0) - self.offset, 4)
            open_now = None
            if document.type == "service":
                open_now = hours.is_open(hours.opening_key(document), self.at)
            candidate = Candidate(
                ref=raw["_id"],
                group=raw["_source"].get("group", document.id),
                language=document.language,
                keys=[],
                title=document.title,
                score=score,
                distance_km=distance,
                open_now=open_now,
            )
            hits.append(hit_for(candidate, document, self.analysed))
        return hits

    def facets(self, aggregations) -> dict[str, list[tuple[str, int]]]:
        """search.facets.assemble, from aggregated counts instead of documents."""
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
        return assemble(
            counter.items(),
            opened=opened,
            closed=closed,
            covering=covering,
            overlap=overlap,
        )

    def all_opening(self, page):
        """Every (opening hours key, services) of the main request, fetching
        further pages of the aggregation when there are many."""
        while page:
            for bucket in page["buckets"]:
                yield bucket["key"]["opening"], bucket["doc_count"]
            after = page.get("after_key")
            if not after or len(page["buckets"]) < COMPOSITE_PAGE:
                return
            response = self._search(
                query=self.last_query,
                size=0,
                track_total_hits=False,
                aggs={"opening": self._opening_aggregation(after)},
            )
            page = response.get("aggregations", {}).get("opening")
