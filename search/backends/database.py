"""The database backend: SQLite FTS5 or PostgreSQL full-text search over the
analysed tokens, with the same contract on both.

SQLite: the FTS5 table portal_search_fts (migration 0002) mirrors the token
columns of IndexEntry; bm25() ranks with field weights. PostgreSQL: a generated
tsvector column ('simple' configuration: the tokens are analysed already) with a
GIN index; ts_rank() ranks with the same weights as A/B/C labels.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Iterable

from django.db import connection, transaction

from search import facets, hours, lexicon
from search.analysis import analyse_query
from search.backends.base import (
    SearchBackend,
    SearchDocument,
    SearchQuery,
    SearchResults,
)
from search.catalogue import Catalogue, bits_of, filter_bits, rank_catalogue
from search.models import IndexEntry, IndexState
from search.ranking import RELAX_BELOW, hit_for, searched_from
from search.suggestions import suggest_titles

# Field weights: a word in the title counts most, then the taxonomy, then the text.
TITLE_WEIGHT, TEXT_WEIGHT, TERM_WEIGHT = 8.0, 1.0, 4.0
# ts_rank weights for labels D, C (text), B (terms), A (title).
POSTGRES_WEIGHTS = "{0.0, 0.125, 0.5, 1.0}"
SAFE_TOKEN = re.compile(r"^[^\W_]+$")
BATCH = 500


def entry_for(document: SearchDocument) -> IndexEntry:
    return IndexEntry(
        doc_id=document.id,
        type=document.type,
        language=document.language,
        page_id=document.page_id,
        group_key=document.translation_key or document.id,
        sort_title=document.title.casefold()[:255],
        facet_keys=facets.encode(facets.document_keys(document)),
        latitude=document.latitude,
        longitude=document.longitude,
        opening=hours.opening_key(document),
        title_tokens=document.title_tokens,
        text_tokens=document.text_tokens,
        term_tokens=document.term_tokens,
        document=document.as_dict(),
    )


class DatabaseBackend(SearchBackend):
    name = "database"
    transactional = True
    _titles_lock = threading.Lock()
    _titles: dict = {"generation": None, "titles": []}

    # --- Writing --------------------------------------------------------------

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        written = 0
        batch: list[SearchDocument] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= BATCH:
                written += self._write(batch)
                batch = []
        if batch:
            written += self._write(batch)
        return written

    def _write(self, batch: list[SearchDocument]) -> int:
        with transaction.atomic():
            IndexEntry.objects.filter(doc_id__in=[d.id for d in batch]).delete()
            IndexEntry.objects.bulk_create([entry_for(d) for d in batch])
            IndexState.bump()
        return len(batch)

    def delete_documents(self, ids: Iterable[str]) -> int:
        deleted = IndexEntry.objects.filter(doc_id__in=list(ids)).delete()[0]
        IndexState.bump()
        return deleted

    def delete_page(self, page_id: int) -> int:
        deleted = IndexEntry.objects.filter(page_id=page_id).delete()[0]
        IndexState.bump()
        return deleted

    def clear(self) -> None:
        IndexEntry.objects.all().delete()
        IndexState.bump()

    # --- Reading --------------------------------------------------------------

    def document_ids(self) -> set[str]:
        return set(IndexEntry.objects.values_list("doc_id", flat=True))

    def get_document(self, doc_id: str) -> SearchDocument | None:
        entry = IndexEntry.objects.filter(doc_id=doc_id).first()
        return SearchDocument.from_dict(entry.document) if entry else None

    def search(self, query: SearchQuery) -> SearchResults:
        # The vocabulary and the catalogue of one generation, read once.
        with lexicon.pinned():
            return self._search(query)

    def _search(self, query: SearchQuery) -> SearchResults:
        text = query.text.strip()
        analysed = None
        if text:
            analysed = analyse_query(text, query.language, lexicon.current_vocabulary())
        searched = searched_from(text, analysed)
        current = _catalogue()
        strict = None
        if analysed is None:
            matched = None
        elif analysed.is_empty:
            matched = {}
        else:
            matched, strict = self._matches(current, query, analysed)
        ranked = rank_catalogue(current, matched, query, analysed, strict)
        documents = current.documents([c.ref for c in ranked.page], _read_documents)
        hits = [hit_for(c, documents[c.ref], analysed) for c in ranked.page]
        return SearchResults(
            count=ranked.count,
            hits=hits,
            facets=ranked.facets,
            searched=searched,
            query=query,
            backend=self.name,
        )

    def _matches(self, current, query, analysed) -> tuple[dict, int | None]:
        """Positions holding every word of the query (each by any alternative)
        with their text scores; when fewer than RELAX_BELOW of them pass the
        filters, those holding any word, with the bits of those that hold every
        word (else None)."""
        matched = self._positions(current, _match_all(analysed.required()))
        allowed = filter_bits(current, query)
        found = (bits_of(matched, current.size) & allowed).bit_count()
        if found < RELAX_BELOW:
            relaxed = self._positions(current, _match_any(analysed.tokens))
            if (bits_of(relaxed, current.size) & allowed).bit_count() > found:
                return relaxed, bits_of(matched, current.size)
        return matched, None

    def _positions(self, current, expression) -> dict[int, float]:
        if not expression:
            return {}
        position = current.position

        def find():
            return {
                position[ref]: score
                for ref, score in self._match(expression)
                if ref in position
            }

        return current.matches((connection.vendor, repr(expression)), find)

    @staticmethod
    def _match(expression) -> list[tuple[int, float]]:
        """(row id, text score) of every entry the boolean expression matches."""
        if connection.vendor == "postgresql":
            sql = (
                "SELECT e.id, ts_rank(%s, e.search_vector, q) "
                "FROM portal_search_indexentry e, to_tsquery('simple', %s) q "
                "WHERE e.search_vector @@ q"
            )
            params = [POSTGRES_WEIGHTS, _render(expression, "&", "|", "{}")]
        else:
            sql = (
                "SELECT rowid, -bm25(portal_search_fts, %s, %s, %s) "
                "FROM portal_search_fts WHERE portal_search_fts MATCH %s"
            )
            match = _render(expression, "AND", "OR", '"{}"')
            params = [TITLE_WEIGHT, TEXT_WEIGHT, TERM_WEIGHT, match]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(ref, float(score or 0.0)) for ref, score in cursor.fetchall()]

    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        generation = lexicon.generation()
        cache = DatabaseBackend._titles
        if cache["generation"] != generation:
            with self._titles_lock:
                titles = list(
                    IndexEntry.objects.values_list("language", "document__title")
                )
                cache.update(generation=generation, titles=titles)
        return suggest_titles(
            cache["titles"], text, language, lexicon.current_vocabulary(), limit
        )


def _read_documents(refs) -> dict[int, SearchDocument]:
    rows = IndexEntry.objects.filter(id__in=refs).values_list("id", "document")
    return {ref: SearchDocument.from_dict(document) for ref, document in rows}


def _match_all(required):
    """Every clause (AND), each by any alternative (OR) of tokens (AND)."""
    clauses = []
    for clause in required:
        alternatives = [
            tuple(alt)
            for alt in clause
            if alt and all(SAFE_TOKEN.match(t) for t in alt)
        ]
        if alternatives:
            clauses.append(alternatives)
    return ("and", clauses) if clauses else None


def _match_any(tokens):
    safe = [(token,) for token in tokens if SAFE_TOKEN.match(token)]
    return ("and", [safe]) if safe else None


def _render(expression, and_, or_, quote) -> str:
    """The full-text query text. Tokens are letters and digits only (SAFE_TOKEN),
    so nothing a visitor types can become query syntax."""
    _, clauses = expression

    def alternative(tokens):
        rendered = f" {and_} ".join(quote.format(t) for t in tokens)
        return f"({rendered})" if len(tokens) > 1 else rendered

    return f" {and_} ".join(
        "(" + f" {or_} ".join(alternative(alt) for alt in clause) + ")"
        for clause in clauses
    )


_catalogue_lock = threading.Lock()
_catalogue_cache: dict = {"generation": None, "catalogue": None}


def _catalogue() -> Catalogue:
    """What ranking needs of every entry (search.catalogue), kept in memory per
    process until the index changes. A query then only asks the database for
    its matches."""
    generation = lexicon.generation()
    if _catalogue_cache["generation"] != generation:
        with _catalogue_lock:
            if _catalogue_cache["generation"] != generation:
                rows = [
                    (
                        ref,
                        group,
                        language,
                        keys := facets.decode(encoded),
                        frozenset(keys),
                        title,
                        opening,
                        lat,
                        lon,
                        frozenset(title_tokens.split()),
                    )
                    for (
                        ref,
                        group,
                        language,
                        encoded,
                        title,
                        opening,
                        lat,
                        lon,
                        title_tokens,
                    ) in IndexEntry.objects.order_by("id").values_list(
                        "id",
                        "group_key",
                        "language",
                        "facet_keys",
                        "sort_title",
                        "opening",
                        "latitude",
                        "longitude",
                        "title_tokens",
                    )
                ]
                _catalogue_cache.update(
                    generation=generation, catalogue=Catalogue(rows)
                )
                # Long-lived: keep the garbage collector from scanning them on
                # every search (a full collection over them costs 100+ ms).
                gc.freeze()
    return _catalogue_cache["catalogue"]
