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

from directory.areas import areas_covering
from search import facets, hours, lexicon
from search.analysis import analyse_query, scope_languages
from search.backends.base import (
    SearchBackend,
    SearchDocument,
    SearchQuery,
    SearchResults,
)
from search.models import IndexEntry, IndexState
from search.ranking import hit_for, rank_rows, searched_from
from search.suggestions import suggest_titles

# Field weights: a word in the title counts most, then the taxonomy, then the text.
TITLE_WEIGHT, TEXT_WEIGHT, TERM_WEIGHT = 8.0, 1.0, 4.0
# ts_rank weights for labels D, C (text), B (terms), A (title).
POSTGRES_WEIGHTS = "{0.0, 0.125, 0.5, 1.0}"
SAFE_TOKEN = re.compile(r"^[^\W_]+$")
# With fewer results than this when every word must match, any word may match.
RELAX_BELOW = 3
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
        text = query.text.strip()
        analysed = None
        if text:
            analysed = analyse_query(text, query.language, lexicon.current_vocabulary())
        searched = searched_from(text, analysed)
        if analysed is not None and analysed.is_empty:
            candidates = []
        else:
            candidates = self._candidates(query, analysed)
        ranked = rank_rows(candidates, query, analysed, count_facets=_facet_counter())
        documents = dict(
            IndexEntry.objects.filter(id__in=[c.ref for c in ranked.page]).values_list(
                "id", "document"
            )
        )
        hits = [
            hit_for(c, SearchDocument.from_dict(documents[c.ref]), analysed)
            for c in ranked.page
        ]
        return SearchResults(
            count=ranked.count,
            hits=hits,
            facets=ranked.facets,
            searched=searched,
            query=query,
            backend=self.name,
        )

    def _candidates(self, query, analysed) -> list[tuple]:
        """Entries that hold every word of the query (each by any alternative);
        when that finds fewer than RELAX_BELOW, entries that hold any word, those
        with every word marked. Entries are (ref, score, all words, row)."""
        if analysed is None:
            return self._filtered(query, None)
        entries = self._filtered(query, _match_all(analysed.required()))
        if len(entries) < RELAX_BELOW:
            relaxed = self._filtered(query, _match_any(analysed.tokens))
            if len(relaxed) > len(entries):
                strict = {entry[0] for entry in entries}
                return [(e[0], e[1], e[0] in strict, e[3]) for e in relaxed]
        return entries

    def _filtered(self, query, expression) -> list[tuple]:
        catalogue = _catalogue()
        # With no words to look up, every entry is a candidate.
        scored = (
            self._match(expression) if expression else [(r, 0.0) for r in catalogue]
        )
        languages = set(scope_languages(query.language))
        clauses = _filter_clauses(query)
        entries = []
        for ref, score in scored:
            row = catalogue.get(ref)
            if row is None or row[1] not in languages:
                continue
            if clauses and any(clause.isdisjoint(row[3]) for clause in clauses):
                continue
            entries.append((ref, score, True, row))
        return entries

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


def _filter_clauses(query: SearchQuery) -> list[frozenset[str]]:
    """Every filter but open-now as a set of facet keys, any of which matches."""
    f = query.filters
    clauses = []
    if f.type:
        clauses.append({facets.key("type", f.type)})
    if f.categories:
        clauses.append({facets.key("category", code) for code in f.categories})
    if f.audiences:
        clauses.append({facets.key("audience", code) for code in f.audiences})
    if f.municipality:
        clauses.append(
            {facets.key("municipality", a) for a in areas_covering(f.municipality)}
        )
    if f.languages_offered:
        clauses.append({facets.key("language", c) for c in f.languages_offered})
    for name in ("free", "anonymous", "round_the_clock"):
        value = getattr(f, name)
        if value is not None:
            clauses.append({facets.key(name, "true" if value else "false")})
    return [frozenset(clause) for clause in clauses]


_catalogue_lock = threading.Lock()
_catalogue_cache: dict = {"generation": None, "rows": {}, "counter": None}


def _catalogue() -> dict[int, tuple]:
    """What ranking needs of every entry, kept in memory per process until the
    index changes: row id -> (group, language, keys, key set, title, opening,
    latitude, longitude, municipality keys, has an audience). A query then only
    asks the database for its matches."""
    generation = lexicon.generation()
    if _catalogue_cache["generation"] != generation:
        with _catalogue_lock:
            if _catalogue_cache["generation"] != generation:
                rows = {}
                entries = IndexEntry.objects.values_list(
                    "id",
                    "group_key",
                    "language",
                    "facet_keys",
                    "sort_title",
                    "opening",
                    "latitude",
                    "longitude",
                )
                for ref, group, language, keys, title, opening, lat, lon in entries:
                    decoded = facets.decode(keys)
                    rows[ref] = (
                        group,
                        language,
                        decoded,
                        frozenset(decoded),
                        title,
                        opening,
                        lat,
                        lon,
                        [k for k in decoded if k.startswith("municipality:")],
                        any(k.startswith("audience:") for k in decoded),
                    )
                counter = facets.BitsetCounter(
                    {ref: row[3] for ref, row in rows.items()}
                )
                _catalogue_cache.update(
                    generation=generation, rows=rows, counter=counter
                )
                # Long-lived: keep the garbage collector from scanning them on
                # every search (a full collection over them costs 100+ ms).
                gc.freeze()
    return _catalogue_cache["rows"]


def _facet_counter():
    return _catalogue_cache["counter"]
