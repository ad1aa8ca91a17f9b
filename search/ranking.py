"""From candidates to results, the same for every backend: one result per service
or page, open-now, facets, scoring with taxonomy and situation boosts, sorting and
paging. A backend finds candidates with a text score; this module does the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from search import facets, geo, hours
from search.analysis import AnalysedQuery

# The text score, scaled to 0..1 over the candidates, counts this much.
TEXT_WEIGHT = 2.0
# Taxonomy codes a query expanded to (a synonym, a term name in another language);
# an audience says less about the help than a category.
CODE_BOOST = 0.8
AUDIENCE_CODE_BOOST = 0.4
# A situation's categories, most important first; then who the help is for.
SITUATION_BOOST = 1.2
SITUATION_DECAY = 0.25
AUDIENCE_MATCH = 0.8
AUDIENCE_CONFLICT = 1.2
# Someone describing what happens to them may need help tonight: among equally
# fitting services, those open round the clock come first.
ROUND_THE_CLOCK_IN_SITUATION = 0.4
# When a backend had to accept results that hold only some of the words, those
# holding every word still come first.
PARTIAL_MATCH_PENALTY = 1.5


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
    # False when the backend relaxed "every word" to "any word" and this one
    # does not hold every word.
    all_words: bool = True
    extra: dict = field(default_factory=dict)


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


def _boost(candidate: Candidate, analysed: AnalysedQuery | None) -> float:
    if analysed is None:
        return 0.0
    keys = candidate.keys
    boost = 0.0 if candidate.all_words else -PARTIAL_MATCH_PENALTY
    for code, weight in analysed.codes.items():
        if f"category:{code}" in keys:
            boost += CODE_BOOST * weight
        elif f"audience:{code}" in keys:
            boost += AUDIENCE_CODE_BOOST * weight
        elif f"feature:{code}" in keys:
            boost += CODE_BOOST * weight / 2
    categories = analysed.situation_categories()
    for position, code in enumerate(categories):
        if f"category:{code}" in keys:
            boost += SITUATION_BOOST * max(0.2, 1 - SITUATION_DECAY * position)
    if categories and "round_the_clock:true" in keys:
        boost += ROUND_THE_CLOCK_IN_SITUATION
    audiences = analysed.situation_audiences()
    if audiences:
        own = [k for k in keys if k.startswith("audience:")]
        if any(f"audience:{code}" in own for code in audiences):
            boost += AUDIENCE_MATCH
        elif own and categories:
            boost -= AUDIENCE_CONFLICT
    return boost


def rank(
    candidates: list[Candidate],
    query,
    analysed: AnalysedQuery | None,
    at: dt.datetime | None = None,
) -> Ranked:
    """Open-now, facets, score, sort and page a backend's candidates."""
    at = at or query.at or timezone.now()
    candidates = one_per_group(candidates, query.language)
    minute = at.replace(second=0, microsecond=0)
    for candidate in candidates:
        if candidate.opening:
            candidate.open_now = hours.open_at_minute(candidate.opening, minute)
        elif "type:service" in candidate.keys:
            candidate.open_now = False
    if query.filters.open_now is not None:
        wanted = query.filters.open_now
        candidates = [c for c in candidates if c.open_now is wanted]
    facet_counts = facets.count(
        [c.keys for c in candidates], [c.open_now for c in candidates]
    )
    top = max((c.text_score for c in candidates), default=0.0) or 1.0
    for candidate in candidates:
        boost = _boost(candidate, analysed)
        candidate.score = round(TEXT_WEIGHT * candidate.text_score / top + boost, 4)
    if query.point is not None:
        for candidate in candidates:
            if candidate.latitude is not None:
                candidate.distance_km = round(
                    geo.haversine_km(
                        query.point.lat,
                        query.point.lon,
                        candidate.latitude,
                        candidate.longitude,
                    ),
                    2,
                )
    if query.sort == "distance":
        candidates.sort(
            key=lambda c: (
                c.distance_km is None,
                c.distance_km or 0.0,
                -c.score,
                c.title.casefold(),
            )
        )
    elif query.sort == "name" or analysed is None or analysed.is_empty:
        candidates.sort(key=lambda c: (c.title.casefold(), c.language))
    else:
        candidates.sort(key=lambda c: (-c.score, c.title.casefold()))
    start = (query.page - 1) * query.per_page
    return Ranked(
        count=len(candidates),
        page=candidates[start : start + query.per_page],
        facets=facet_counts,
    )


SNIPPET_LENGTH = 200


def snippet(document, analysed: AnalysedQuery | None) -> str:
    """A short piece of the document's text, from the first sentence that holds
    a query word when there is one."""
    from search.analysis import stem, words

    text = " ".join(t for t in (document.summary, document.body) if t).strip()
    if not text:
        return ""
    sentences = [s.strip() for s in text.replace("\n", ". ").split(". ") if s.strip()]
    chosen = sentences[0] if sentences else text
    if analysed is not None and analysed.groups:
        wanted = {token for group in analysed.groups for token in group}
        for sentence in sentences[:40]:
            if any(stem(w, document.language) in wanted for w in words(sentence)):
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
