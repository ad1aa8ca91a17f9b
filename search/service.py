"""What the site and the API call: one search, whatever the backend.

Adds what is the same for every backend: editors' promoted results for a query,
falling back to the database backend when another fails, and counting searches
that found nothing without anything that could identify who searched.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.analysis import normalise
from search.backends.base import (
    SearchBackend,
    SearchQuery,
    SearchResults,
    get_backend,
    load_backend,
)
from search.ranking import hit_for

logger = logging.getLogger(__name__)
ZERO_HIT_MAX_LENGTH = 100


def _backend() -> SearchBackend:
    return get_backend()


def _with_fallback(method: str, *args):
    backend = _backend()
    try:
        return getattr(backend, method)(*args)
    except Exception as exc:
        if backend.name == "database":
            raise
        logger.warning(
            "Search backend %s failed (%s); answering from the database",
            backend.name,
            exc.__class__.__name__,
        )
        return getattr(load_backend("database"), method)(*args)


def run_search(query: SearchQuery) -> SearchResults:
    results = _with_fallback("search", query)
    if query.text.strip() and query.filters.is_empty() and query.sort == "relevance":
        _promote(results, query)
    if results.count == 0 and query.text.strip():
        record_zero_hits(query.text, query.language)
    return results


def suggest(text: str, language: str, limit: int = 8) -> list[str]:
    return _with_fallback("suggest", text, language, limit)


# --- Promotions -----------------------------------------------------------------


def promoted_texts() -> frozenset[str]:
    """The (normalised) query texts editors promoted pages for, kept per index
    generation: saving or deleting a promotion starts a new one
    (search.indexing)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    return frozenset(
        SearchPromotion.objects.values_list("query__query_string", flat=True)
    )


def promoted_pages(text: str):
    """Live pages editors promoted for this query (wagtail search promotions),
    in their order. Looks the query up without creating it: a search never
    stores its text. A text no promotion is for costs no query."""
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    from search import lexicon

    wanted = normalise_query_string(text)
    if wanted not in lexicon.shared("promoted_texts", promoted_texts):
        return []
    found = Query.objects.filter(query_string=wanted).first()
    if found is None:
        return []
    picks = found.editors_picks.filter(page__live=True).select_related("page")
    return [pick.page for pick in picks.order_by("sort_order")]


def _promote(results: SearchResults, query: SearchQuery) -> None:
    from wagtail.models import Locale

    from search.ranking import Candidate
    from search.sources import document_ids_for

    pages = promoted_pages(query.text)
    if not pages:
        return
    backend = _backend()
    locale = Locale.objects.filter(language_code=query.language).first()
    promoted = []
    for page in pages:
        local = page.get_translation_or_none(locale) if locale else None
        for candidate_page in (local, page):
            if candidate_page is None or not candidate_page.live:
                continue
            doc_id = document_ids_for(candidate_page)[0]
            document = backend.get_document(doc_id)
            if document is not None:
                promoted.append(document)
                break
    if not promoted:
        return
    keys = {document.key for document in promoted}
    before = len(results.hits)
    results.hits = [hit for hit in results.hits if hit.id not in keys]
    top = max((hit.score for hit in results.hits), default=0.0)
    hits = []
    for position, document in enumerate(promoted):
        candidate = Candidate(
            ref=document.id,
            group=document.translation_key,
            language=document.language,
            keys=[],
            title=document.title,
            score=round(top + len(promoted) - position, 4),
            promoted=True,
        )
        hits.append(hit_for(candidate, document, None))
    # Promoted results that did not match the text add to the count.
    results.count += len(promoted) - (before - len(results.hits))
    if query.page == 1:
        results.hits = (hits + results.hits)[: query.per_page]


# --- Searches that found nothing --------------------------------------------------


def zero_hit_text(text: str) -> str:
    """The text kept for a search that found nothing: normalised, digits masked
    (phone and ID numbers), at most 100 characters."""
    text = re.sub(r"\d", "#", normalise(text))
    text = re.sub(r"\s+", " ", text).strip()
    return text[:ZERO_HIT_MAX_LENGTH]


def record_zero_hits(text: str, language: str, day: dt.date | None = None) -> None:
    """Count one search without results. Only text, language, day and a count are
    kept; nothing about who searched. Never fails the search."""
    from search.models import ZeroHitQuery

    query = zero_hit_text(text)
    if not query:
        return
    day = day or timezone.localdate()
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    row, created = ZeroHitQuery.objects.get_or_create(
                        query=query, language=language, day=day
                    )
            except IntegrityError:
                row = ZeroHitQuery.objects.get(query=query, language=language, day=day)
                created = False
            ZeroHitQuery.objects.filter(pk=row.pk).update(count=F("count") + 1)
            if created:
                ZeroHitQuery.prune(day)
    except DatabaseError:
        logger.warning("Could not count a search without results")
