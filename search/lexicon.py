"""The analyser's vocabulary, loaded from the database and cached per process
until the index, the taxonomy or the situation phrases change.

The index generation (search.models.IndexState) is read from the database on every
search. Inside ``pinned()`` (one search page or API request) it is read once and
every part of that request (the vocabulary, the catalogue, the promotions) uses
the same value.
"""

from __future__ import annotations

import gc
import threading
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar

from search.analysis import SituationText, TermText, Vocabulary

_lock = threading.Lock()
_cache: dict[str, object] = {"generation": None, "vocabulary": None}
_pinned: ContextVar[str | None] = ContextVar("search_index_generation", default=None)


def generation() -> str:
    pinned_now = _pinned.get()
    if pinned_now is not None:
        return pinned_now
    from search.models import IndexState

    return IndexState.current()


@contextmanager
def pinned():
    """Read the index generation once for everything inside the block (one
    request: never longer, or a change would go unnoticed)."""
    token = _pinned.set(generation())
    try:
        yield
    finally:
        _pinned.reset(token)


def load_vocabulary() -> Vocabulary:
    from directory.models import TaxonomyTerm
    from search.models import LexiconEntry, SituationPhrase

    counts: dict[str, Counter] = {}
    for language, text in LexiconEntry.objects.values_list("language", "words"):
        counts.setdefault(language, Counter()).update(text.split())
    terms = [
        TermText(
            code=term.code,
            taxonomy=term.taxonomy,
            language=term.locale.language_code,
            name=term.name,
            synonyms=tuple(term.synonym_list),
        )
        for term in TaxonomyTerm.objects.select_related("locale")
    ]
    situations = [
        SituationText(
            phrase=item.phrase,
            language=item.language,
            categories=tuple(item.category_codes),
            audiences=tuple(item.audience_codes),
        )
        for item in SituationPhrase.objects.all()
    ]
    return Vocabulary(counts, terms, situations)


def current_vocabulary(*, allow_stale: bool = False) -> Vocabulary:
    """The vocabulary for the index as it is now. Indexing may pass allow_stale
    to reuse what is loaded: a document indexed a moment ago need not be part
    of the compound dictionary for the next one."""
    if allow_stale and _cache["vocabulary"] is not None:
        return _cache["vocabulary"]
    now = generation()
    if _cache["generation"] != now or _cache["vocabulary"] is None:
        with _lock:
            if _cache["generation"] != now or _cache["vocabulary"] is None:
                _cache["vocabulary"] = load_vocabulary()
                _cache["generation"] = now
                gc.freeze()  # long-lived: not worth scanning at every collection
    return _cache["vocabulary"]


# (generation, {name: value}), replaced whole so that a thread never files what it
# loaded under another thread's generation.
_shared: list[tuple[str | None, dict]] = [(None, {})]


def shared(name: str, load):
    """`load()`, kept per process until the index generation changes: for data
    that is the same for every visitor (never anything a visitor typed)."""
    now = generation()
    kept, values = _shared[0]
    if kept != now:
        values = {}
        _shared[0] = (now, values)
    if name not in values:
        values[name] = load()
    return values[name]


def forget():
    """Drop the cached vocabulary (tests, and after bulk changes)."""
    _cache["generation"] = None
    _cache["vocabulary"] = None
    _shared[0] = (None, {})
