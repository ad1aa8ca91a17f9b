"""From candidates to results, the same for every backend: one result per service
or page, open-now, facets, scoring with taxonomy and situation boosts, sorting and
paging. A backend finds candidates with a text score; this module does the rest.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils import timezone

from search import facets, geo, hours
from search.analysis import _WORD as WORD
from search.analysis import (
    MAX_WORD_LENGTH,
    AnalysedQuery,
    normalise,
    scope_languages,
    stem,
)

# The text score, scaled to 0..1 over the candidates, counts this much.
TEXT_WEIGHT = 2.0
# Taxonomy codes a query expanded to (a synonym, a term name in another language);
# an audience says less about the help than a category.
CODE_BOOST = 0.8
# ... and more where it is what the help mainly is (its first category).
PRIMARY_CODE_BOOST = 0.6
AUDIENCE_CODE_BOOST = 0.4
# A situation's categories, most important first; then who the help is for.
SITUATION_BOOST = 1.2
SITUATION_DECAY = 0.25
AUDIENCE_MATCH = 0.8
AUDIENCE_FOLLOWING = 0.5
AUDIENCE_CONFLICT = 1.2
# The query's words in the title: all of them add this much.
TITLE_MATCH = 1.0
# Someone describing what happens to them may need help tonight: among equally
# fitting services, those open round the clock come first.
ROUND_THE_CLOCK_IN_SITUATION = 0.4
# When a backend had to accept results that hold only some of the words, those
# holding every word still come first.
PARTIAL_MATCH_PENALTY = 1.5
# With fewer results than this when every word must match, any word may match
# (every backend applies the same rule).
RELAX_BELOW = 3


@dataclass(slots=True)
class Candidate:
    """One matching document, as light as a backend can fetch it."""

    ref: object  # the backend's handle (row id, document id)
    group: str  # translation key: one result per service or page
    language: str
    keys: list[str]  # facet keys (search.facets)
    title: str
    opening: str = ""  # search.hours.opening_key
    latitude: float | None = None
    longitude: float | None = None
    text_score: float = 0.0
    score: float = 0.0
    distance_km: float | None = None
    open_now: bool | None = None
    promoted: bool = False
    # The facet keys as a set, and the title as sorted (case-folded); backends
    # may pass them, or they are derived.
    keyset: frozenset = None  # type: ignore[assignment]
    sort_title: str = ""
    # The analysed title tokens as a set (for the title boost), when known.
    title_tokens: frozenset | None = None
    # False when the backend relaxed "every word" to "any word" and this one
    # does not hold every word.
    all_words: bool = True
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.keyset is None:
            self.keyset = frozenset(self.keys)


@dataclass
class Ranked:
    count: int
    page: list[Candidate]
    facets: dict[str, list[tuple[str, int]]]


def one_per_group(candidates: list[Candidate], language: str) -> list[Candidate]:
    """Keep the query's language where a service or page has it, else the source."""
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        kept = best.get(candidate.group)
        if kept is None or (
            candidate.language == language and kept.language != language
        ):
            best[candidate.group] = candidate
    return list(best.values())


class Booster:
    """The taxonomy, situation and title boosts of one query, compiled once and
    applied to each candidate. Public: every backend scores with it (the
    Elasticsearch backend turns `pairs` and `title_clauses` into score functions).

    - `pairs`: (facet key, weight) added when a candidate carries the key: the
      codes the query expanded to, the situations' categories (most important
      first), round-the-clock help in a situation, and the situations' audiences
      (the first fully, the next ones by AUDIENCE_FOLLOWING: "han slår meg" asks
      for help for victims, and more likely for women than for men).
    - `audiences` / `conflict`: in a situation, help that names audiences but
      none of the situation's is for someone else and loses AUDIENCE_CONFLICT.
    - `title_clauses`: the query's word clauses; the share of them a title holds
      adds up to TITLE_MATCH (a title says what the help is; the text of a small
      directory where every service is about violence does not tell them apart).
    """

    def __init__(self, analysed: AnalysedQuery | None):
        self.pairs: list[tuple[str, float]] = []
        self.audiences: frozenset[str] = frozenset()
        self.conflict = False
        self.title_clauses: list[list[tuple[str, ...]]] = []
        self.title_weight = 0.0
        if analysed is None:
            return
        for code, weight in analysed.codes.items():
            # A code belongs to one taxonomy: only one of these keys can match.
            self.pairs += [
                (f"category:{code}", CODE_BOOST * weight),
                (f"audience:{code}", AUDIENCE_CODE_BOOST * weight),
                (f"feature:{code}", CODE_BOOST * weight / 2),
                (f"primary:{code}", PRIMARY_CODE_BOOST * weight),
            ]
        categories = analysed.situation_categories()
        for position, code in enumerate(categories):
            weight = SITUATION_BOOST * max(0.2, 1 - SITUATION_DECAY * position)
            self.pairs.append((f"category:{code}", weight))
        if categories:
            self.pairs.append(("round_the_clock:true", ROUND_THE_CLOCK_IN_SITUATION))
        audiences = analysed.situation_audiences()
        for position, code in enumerate(audiences):
            weight = AUDIENCE_MATCH * (1.0 if position == 0 else AUDIENCE_FOLLOWING)
            self.pairs.append((f"audience:{code}", weight))
        self.audiences = frozenset(f"audience:{code}" for code in audiences)
        self.conflict = bool(categories)
        self.title_clauses = [
            [alt for alt in clause if alt] for clause in analysed.clauses if clause
        ]
        if self.title_clauses:
            self.title_weight = TITLE_MATCH / len(self.title_clauses)

    def __call__(self, candidate: Candidate) -> float:
        return self.boost(
            candidate.keyset, candidate.all_words, title=candidate.title_tokens
        )

    def title_boost(self, title: frozenset | None) -> float:
        if not title or not self.title_weight:
            return 0.0
        held = 0
        for clause in self.title_clauses:
            for alternative in clause:
                if all(token in title for token in alternative):
                    held += 1
                    break
        return held * self.title_weight

    def boost(
        self,
        keyset: frozenset,
        all_words: bool = True,
        has_audience=None,
        title: frozenset | None = None,
    ) -> float:
        boost = 0.0 if all_words else -PARTIAL_MATCH_PENALTY
        for key, weight in self.pairs:
            if key in keyset:
                boost += weight
        if (
            self.conflict
            and self.audiences
            and self.audiences.isdisjoint(keyset)
            and (
                has_audience
                if has_audience is not None
                else any(k.startswith("audience:") for k in keyset)
            )
        ):
            boost -= AUDIENCE_CONFLICT
        if title:
            boost += self.title_boost(title)
        return boost


def rank(
    candidates: list[Candidate],
    query,
    analysed: AnalysedQuery | None,
    at: dt.datetime | None = None,
) -> Ranked:
    """Open-now, facets, score, sort and page a backend's candidates."""
    at = at or query.at or timezone.now()
    if len(scope_languages(query.language)) > 1:
        candidates = one_per_group(candidates, query.language)
    minute = at.replace(second=0, microsecond=0)
    opened: dict[str, bool] = {}
    for candidate in candidates:
        opening = candidate.opening
        if opening:
            state = opened.get(opening)
            if state is None:
                state = opened[opening] = hours.open_at_minute(opening, minute)
            candidate.open_now = state
        elif "type:service" in candidate.keyset:
            candidate.open_now = False
    if query.filters.open_now is not None:
        wanted = query.filters.open_now
        candidates = [c for c in candidates if c.open_now is wanted]
    facet_counts = facets.count(
        [c.keys for c in candidates],
        [c.open_now for c in candidates],
        [c.keyset for c in candidates],
    )
    top = max((c.text_score for c in candidates), default=0.0) or 1.0
    scale = TEXT_WEIGHT / top
    booster = Booster(analysed)
    if booster.pairs or booster.audiences or analysed is not None:
        for candidate in candidates:
            candidate.score = candidate.text_score * scale + booster(candidate)
    if query.point is not None:
        lat, lon = query.point.lat, query.point.lon
        for candidate in candidates:
            if candidate.latitude is not None:
                candidate.distance_km = geo.haversine_km(
                    lat, lon, candidate.latitude, candidate.longitude
                )
    if query.sort == "distance":
        candidates.sort(
            key=lambda c: (
                c.distance_km is None,
                c.distance_km or 0.0,
                -c.score,
                c.sort_title or c.title.casefold(),
            )
        )
    elif query.sort == "name" or analysed is None or analysed.is_empty:
        candidates.sort(key=lambda c: (c.sort_title or c.title.casefold(), c.language))
    else:
        candidates.sort(key=lambda c: (-c.score, c.sort_title or c.title.casefold()))
    start = (query.page - 1) * query.per_page
    page = candidates[start : start + query.per_page]
    for candidate in page:
        candidate.score = round(candidate.score, 4)
        if candidate.distance_km is not None:
            candidate.distance_km = round(candidate.distance_km, 2)
    return Ranked(count=len(candidates), page=page, facets=facet_counts)


def rank_rows(
    entries, query, analysed: AnalysedQuery | None, at=None, count_facets=None
) -> Ranked:
    """rank() for backends that hold light rows in memory (the database
    backend): the same rules, but Candidate objects only for the page shown.

    `entries` are (ref, text score, all words matched, row) with row = (group,
    language, keys, key set, sort title, opening, latitude, longitude,
    municipality keys, has an audience, title token set). `count_facets(refs,
    open flags)` may count the facets faster than facets.count, with the same
    result.
    """
    at = at or query.at or timezone.now()
    if len(scope_languages(query.language)) > 1:
        best: dict[str, tuple] = {}
        for entry in entries:
            kept = best.get(entry[3][0])
            if kept is None or (
                entry[3][1] == query.language and kept[3][1] != query.language
            ):
                best[entry[3][0]] = entry
        entries = list(best.values())
    minute = at.replace(second=0, microsecond=0)
    opened: dict[str, bool] = {}
    wanted = query.filters.open_now
    kept = []
    for entry in entries:
        row = entry[3]
        opening = row[5]
        if opening:
            state = opened.get(opening)
            if state is None:
                state = opened[opening] = hours.open_at_minute(opening, minute)
        else:
            state = False if "type:service" in row[3] else None
        if wanted is None or state is wanted:
            kept.append((entry, state))
    if count_facets is not None:
        facet_counts = count_facets(
            [entry[0] for entry, _ in kept], [state for _, state in kept]
        )
    else:
        facet_counts = facets.count(
            [entry[3][2] for entry, _ in kept],
            [state for _, state in kept],
            [entry[3][3] for entry, _ in kept],
            [entry[3][8] for entry, _ in kept],
        )
    top = max((entry[1] for entry, _ in kept), default=0.0) or 1.0
    scale = TEXT_WEIGHT / top
    booster = Booster(analysed)
    point = query.point
    by_name = query.sort == "name" or analysed is None or analysed.is_empty
    by_distance = query.sort == "distance"
    # Plain tuples in sort order: compared in C, no key function per row.
    scored = []
    for entry, state in kept:
        ref, text_score, all_words, row = entry
        score = text_score * scale + booster.boost(row[3], all_words, row[9], row[10])
        distance = None
        if point is not None and row[6] is not None:
            distance = geo.haversine_km(point.lat, point.lon, row[6], row[7])
        if by_distance:
            order = (distance is None, distance or 0.0, -score, row[4])
        elif by_name:
            order = (row[4], row[1])
        else:
            order = (-score, row[4])
        scored.append((order, ref, score, distance, state, row))
    start = (query.page - 1) * query.per_page
    chosen = heapq.nsmallest(start + query.per_page, scored)[start:]
    page = [
        Candidate(
            ref=ref,
            group=row[0],
            language=row[1],
            keys=row[2],
            keyset=row[3],
            title=row[4],
            sort_title=row[4],
            opening=row[5],
            latitude=row[6],
            longitude=row[7],
            score=round(score, 4),
            distance_km=round(distance, 2) if distance is not None else None,
            open_now=state,
        )
        for _order, ref, score, distance, state, row in chosen
    ]
    return Ranked(count=len(scored), page=page, facets=facet_counts)


SNIPPET_LENGTH = 200
# Documents whose sentences are kept split and stemmed (a few MB at most): the
# results many visitors see are stemmed once, not on every search.
SENTENCES_KEPT = 256


@lru_cache(maxsize=SENTENCES_KEPT)
def _sentences(text: str, language: str):
    """A text's first 40 sentences, and the stems of each one's words. Keyed by
    the text itself: a changed document is a new entry, never a stale one."""
    sentences = [s.strip() for s in text.replace("\n", ". ").split(". ") if s.strip()]
    head = tuple(sentences[:40])
    # One normalisation pass for all of them (no sentence holds a newline).
    normalised = normalise("\n".join(head)).split("\n")
    if len(normalised) != len(head):
        normalised = [normalise(sentence) for sentence in head]
    stems = tuple(
        frozenset(
            stem(word, language)
            for word in WORD.findall(plain)
            if len(word) <= MAX_WORD_LENGTH
        )
        for plain in normalised
    )
    return head, stems


def snippet(document, analysed: AnalysedQuery | None) -> str:
    """A short piece of the document's text, from the first sentence that holds
    a query word when there is one."""
    text = " ".join(t for t in (document.summary, document.body) if t).strip()
    if not text:
        return ""
    head, stems = _sentences(text, document.language)
    chosen = head[0] if head else text
    if analysed is not None and analysed.groups:
        wanted = {token for group in analysed.groups for token in group}
        for sentence, held in zip(head, stems, strict=True):
            if not wanted.isdisjoint(held):
                chosen = sentence
                break
    if len(chosen) > SNIPPET_LENGTH:
        chosen = chosen[: SNIPPET_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return chosen


def hit_for(candidate: Candidate, document, analysed: AnalysedQuery | None):
    """The public hit for a ranked candidate and its stored document."""
    from search.backends.base import SearchHit

    return SearchHit(
        id=document.key,
        type=document.type,
        title=document.title,
        url=document.url,
        snippet=snippet(document, analysed),
        score=candidate.score,
        document=document,
        distance_km=candidate.distance_km,
        promoted=candidate.promoted,
        open_now=candidate.open_now,
    )


def searched_from(text: str, analysed: AnalysedQuery | None):
    """What the query was understood as (SearchResults.searched)."""
    from search.backends.base import Searched, Situation

    if analysed is None:
        return Searched(text=text)
    return Searched(
        text=text,
        normalised=" ".join(analysed.words),
        tokens=analysed.tokens,
        corrections=dict(analysed.corrections),
        expanded_terms=list(analysed.codes),
        situations=[
            Situation(
                phrase=s.phrase,
                language=s.language,
                categories=s.categories,
                audiences=s.audiences,
            )
            for s in analysed.situations
        ],
    )
