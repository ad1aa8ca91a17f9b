"""Elasticsearch documents for services and guidance pages (elasticsearch.dsl).

One index per language holds both kinds. The text is analysed in Python by
search.analysis, the same as for the database backend, so the token fields hold
ready-made stems and compound parts and need only splitting on spaces: the
built-in ``whitespace`` analyzer, which every Elasticsearch node has (the bare
test distribution has no language analyzers at all).

``_source`` keeps the whole SearchDocument, so a hit comes back as the document
that was indexed; only the fields below are searchable.
"""

from __future__ import annotations

from dataclasses import fields

from elasticsearch.dsl import (
    Boolean,
    Completion,
    Document,
    GeoPoint,
    Integer,
    Keyword,
    MetaField,
    Text,
)

from search import facets, hours
from search.analysis import words
from search.backends.base import SearchDocument

# Tokens arrive analysed (lower case, stemmed, compounds split): split on spaces only.
PRE_ANALYSED = "whitespace"
# Suggestion inputs are normalised words joined by spaces (see suggestion_inputs).
SUGGEST_ANALYZER = "whitespace"
SUGGEST_MAX_INPUT = 100
_DOCUMENT_FIELDS = frozenset(f.name for f in fields(SearchDocument))


class IndexedPage(Document):
    """What services and guidance pages share."""

    type = Keyword()
    language = Keyword()
    page_id = Integer()
    hsds_id = Keyword()
    # One result per service or page: its translations share the group.
    group = Keyword()
    sort_title = Keyword()
    # Weighted at query time: title 8, terms 4, text 1 (as the database backend).
    title_tokens = Text(analyzer=PRE_ANALYSED)
    text_tokens = Text(analyzer=PRE_ANALYSED)
    term_tokens = Text(analyzer=PRE_ANALYSED)
    # Every facet key ("category:crisis-shelter", "free:true"): one terms
    # aggregation counts them all, the way search.facets counts them.
    facet_keys = Keyword()
    categories = Keyword()
    audiences = Keyword()
    features = Keyword()
    municipalities = Keyword()
    languages_offered = Keyword()
    suggest = Completion(
        analyzer=SUGGEST_ANALYZER,
        search_analyzer=SUGGEST_ANALYZER,
        max_input_length=SUGGEST_MAX_INPUT,
    )

    class Meta:
        # The rest of the SearchDocument is stored in _source, never indexed.
        dynamic = MetaField(False)


class ServiceDocument(IndexedPage):
    """A help service in one language."""

    free = Boolean()
    anonymous = Boolean()
    round_the_clock = Boolean()
    # The public position only: directory.confidentiality has masked it already.
    location = GeoPoint()
    # search.hours.opening_key: services with the same hours share one key, so
    # open-now is decided once per key, not once per service.
    opening = Keyword()


class GuidancePageDocument(IndexedPage):
    """A plain-language guidance page in one language."""


DOCUMENT_CLASSES = (ServiceDocument, GuidancePageDocument)


def suggestion_inputs(title: str, language: str) -> list[dict]:
    """Completion inputs for a title: the title from each of its words on, so that
    "berg" suggests "Krisesenter i Bergen". Inputs that start the title weigh
    more, and shorter titles more than longer ones (as search.suggestions)."""
    title_words = words(title, language)[:12]
    inputs = []
    for position in range(len(title_words)):
        text = " ".join(title_words[position:])[:SUGGEST_MAX_INPUT]
        weight = max(1, 1000 - len(title)) + (1000 if position == 0 else 0)
        inputs.append({"input": [text], "weight": weight})
    return inputs


def source_for(document: SearchDocument) -> dict:
    """The stored form of a document: the SearchDocument plus the indexed extras.

    Built as a plain dict rather than through a Document instance: bulk indexing
    100 000 services spends its time here, and the mapping above is the schema.
    """
    source = document.as_dict()
    source["group"] = document.translation_key or document.id
    source["sort_title"] = document.title.casefold()
    source["facet_keys"] = facets.document_keys(document)
    source["suggest"] = suggestion_inputs(document.title, document.language)
    if document.type == "service":
        source["opening"] = hours.opening_key(document)
        if document.latitude is not None and document.longitude is not None:
            source["location"] = {"lat": document.latitude, "lon": document.longitude}
    return source


def document_from_source(source: dict) -> SearchDocument:
    """The SearchDocument a stored source was made from."""
    return SearchDocument.from_dict(
        {key: value for key, value in source.items() if key in _DOCUMENT_FIELDS}
    )
