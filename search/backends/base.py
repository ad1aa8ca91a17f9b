"""The one search interface: documents, queries, results and the backend contract.

The site, the JSON API and every backend (database, Elasticsearch) speak these types.
Backend-independent logic lives beside this module and is shared by every backend:

- ``search.analysis``   normalising, stemming, compounds, typos, synonyms, situations
- ``search.sources``   building ``SearchDocument`` objects from pages
- ``search.facets``     facet names, keys, counting (plain and bitset)
- ``search.ranking``    one result per translation, open-now, boosts, sort, page
- ``search.query``      parsing and validating request parameters into ``SearchQuery``
- ``search.hours``      open-now from the opening-hours rules stored in a document
- ``search.geo``        haversine distance for sort=distance
- ``search.service``    ``run_search()``: backend choice and fallback, promotions,
  privacy-safe zero-hit counting; what views call.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Literal

from django.conf import settings

logger = logging.getLogger(__name__)

DocumentType = Literal["service", "page"]
SortOrder = Literal["relevance", "distance", "name"]
SORT_ORDERS = ("relevance", "distance", "name")
MAX_PER_PAGE = 50


def document_id(kind: str, key: object, language: str) -> str:
    """``service:<hsds_id>:<lang>`` for services, ``page:<page_id>:<lang>`` for
    pages."""
    return f"{kind}:{key}:{language}"


@dataclass(frozen=True)
class OpeningRule:
    """One HSDS schedule rule, as plain values (see directory.opening_hours)."""

    freq: str  # "WEEKLY" | "MONTHLY"
    interval: int
    dtstart: str | None  # ISO date or None
    byday: str  # "MO,TU" or "1WE"
    opens_at: str  # "HH:MM"
    closes_at: str  # "HH:MM"


@dataclass
class SearchDocument:
    """What is indexed: one service or guidance page in one language.

    Everything here is public. A confidential location contributes only its
    municipality and the masked ~1 km position from directory.confidentiality;
    no street address, postal code or exact coordinates ever appear in a document.
    """

    id: str  # "service:<hsds_id>:<lang>" or "page:<page_id>:<lang>"
    type: DocumentType
    language: str  # the page's locale: nb, nn, en, ...
    page_id: int
    title: str
    url: str  # path, e.g. /nb/hjelp/org/tjeneste/
    hsds_id: str | None = None  # services only
    translation_key: str = ""
    # Plain text, as shown (snippets are cut from these).
    alternate_name: str = ""
    summary: str = ""  # service description or page summary
    body: str = ""  # eligibility, fees, how to get help, page body text ...
    organisation: str = ""
    # The taxonomy as readable text, in the document's language and in Norwegian.
    term_names: str = ""
    # Taxonomy codes (stable across languages).
    categories: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    # Service-area names; "Vestland" and "Hele landet" cover every municipality.
    municipalities: list[str] = field(default_factory=list)
    languages_offered: list[str] = field(default_factory=list)
    free: bool = False
    anonymous: bool = False
    round_the_clock: bool = False
    # Masked public position (directory.confidentiality.public_location), or None.
    latitude: float | None = None
    longitude: float | None = None
    # For open-now: the weekly rules, closed days (ISO dates), holiday opening.
    opening_rules: list[OpeningRule] = field(default_factory=list)
    closed_days: list[str] = field(default_factory=list)
    open_on_public_holidays: bool = False
    # Analysed token strings from search.analysis (space-separated stems and
    # compound parts, lower case). Backends index these, not the plain text.
    title_tokens: str = ""
    text_tokens: str = ""  # alternate_name + summary + body + organisation
    term_tokens: str = ""  # term names, synonyms and the codes themselves
    # Normalised surface words (unstemmed) for the typo and compound lexicon.
    words: str = ""

    @property
    def key(self) -> str:
        """The id the API shows: the HSDS id for services, the page id for pages."""
        return self.hsds_id if self.type == "service" else str(self.page_id)

    def as_dict(self) -> dict:
        from dataclasses import asdict

        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> SearchDocument:
        data = dict(data)
        data["opening_rules"] = [
            rule if isinstance(rule, OpeningRule) else OpeningRule(**rule)
            for rule in data.get("opening_rules") or []
        ]
        return cls(**data)


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


@dataclass
class SearchFilters:
    """Every filter is optional; lists match any of their values."""

    type: DocumentType | None = None
    categories: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    # One municipality; matches services whose areas include it, Vestland or
    # Hele landet (directory.areas.areas_covering).
    municipality: str | None = None
    languages_offered: list[str] = field(default_factory=list)
    free: bool | None = None
    anonymous: bool | None = None
    open_now: bool | None = None
    round_the_clock: bool | None = None

    def is_empty(self) -> bool:
        return self == SearchFilters()


@dataclass
class SearchQuery:
    text: str = ""
    language: str = "nb"
    filters: SearchFilters = field(default_factory=SearchFilters)
    point: Point | None = None
    sort: SortOrder = "relevance"
    page: int = 1
    per_page: int = 20
    # The moment for open_now; None means now. Tests pass a fixed time.
    at: object | None = None


@dataclass
class Situation:
    """A situation phrase the query matched ("han slår meg")."""

    phrase: str
    language: str
    categories: list[str]
    audiences: list[str]


@dataclass
class Searched:
    """What the query was understood as; shown as "showing results for ..."."""

    text: str  # the query as typed (trimmed)
    normalised: str = ""
    tokens: list[str] = field(default_factory=list)  # analysed query tokens
    corrections: dict[str, str] = field(default_factory=dict)  # typo -> word
    expanded_terms: list[str] = field(default_factory=list)  # taxonomy codes
    situations: list[Situation] = field(default_factory=list)


@dataclass
class SearchHit:
    id: str  # the API id: HSDS id for services, page id for pages
    type: DocumentType
    title: str
    url: str
    snippet: str
    score: float
    document: SearchDocument
    distance_km: float | None = None
    promoted: bool = False
    open_now: bool | None = None


@dataclass
class SearchResults:
    count: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]]
    searched: Searched
    query: SearchQuery
    backend: str = ""

    @property
    def situations(self) -> list[Situation]:
        return self.searched.situations


class SearchBackendUnavailable(Exception):
    """The backend cannot answer now (e.g. Elasticsearch is down)."""


class SearchBackend(abc.ABC):
    """What every backend does. Documents come ready-analysed (search.analysis);
    the backend stores them and answers queries with the same semantics:

    - text: match the analysed query (search.analysis.analyse_query) against
      title_tokens, text_tokens and term_tokens, weighting titles and terms higher.
      Every clause of AnalysedQuery.required() must match (one per word, any of
      its alternatives; plus the situations' codes); when that finds fewer than 3,
      any token may match and results holding every word still rank first
      (Candidate.all_words). Boosts for expanded codes and situations as in
      search.ranking. With no text every document matches.
    - filters as in SearchFilters; open_now via search.hours (may post-filter).
    - facets (search.facets.FACETS) counted over the filtered result set.
    - sort relevance | distance (search.geo; no position last) | name.
    """

    name = "base"
    # True when writes share the site's database transaction (the database
    # backend); others are written after the transaction commits.
    transactional = False

    def ping(self) -> bool:
        """Can the backend answer now? get_backend() falls back when not."""
        return True

    @abc.abstractmethod
    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        """Add or replace documents by id; return how many were written."""

    @abc.abstractmethod
    def delete_documents(self, ids: Iterable[str]) -> int:
        """Remove documents by id; unknown ids are ignored."""

    @abc.abstractmethod
    def delete_page(self, page_id: int) -> int:
        """Remove every document of one page (any language)."""

    @abc.abstractmethod
    def clear(self) -> None:
        """Remove every document."""

    def prepare_rebuild(self) -> object | None:
        """Called before a rebuild reads the pages: a backend that keeps serving
        while it rebuilds gets ready here for the writes made meanwhile. The
        answer goes to rebuild() as `prepared`."""
        return None

    def abandon_rebuild(self, prepared: object | None) -> None:
        """The rebuild prepared for will not happen (reading the pages failed)."""
        return None

    def rebuild(
        self, documents: Iterable[SearchDocument], prepared: object | None = None
    ) -> int:
        """Replace the whole index with these documents."""
        self.clear()
        return self.index_documents(documents)

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResults:
        """Answer a validated query; never raises on odd text."""

    @abc.abstractmethod
    def suggest(self, text: str, language: str, limit: int = 8) -> list[str]:
        """Completions for what has been typed so far: titles and term names."""

    @abc.abstractmethod
    def document_ids(self) -> set[str]:
        """Every indexed id (for tests and consistency checks)."""

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> SearchDocument | None:
        """One stored document, as indexed."""


_BACKENDS = {
    "database": "search.backends.database.DatabaseBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
}


def load_backend(name: str) -> SearchBackend:
    module_name, class_name = _BACKENDS[name].rsplit(".", 1)
    return getattr(import_module(module_name), class_name)()


def get_backend(name: str | None = None) -> SearchBackend:
    """The configured backend (settings.SEARCH_BACKEND). If Elasticsearch cannot be
    loaded or reached, fall back to the database backend and log it."""
    name = name or getattr(settings, "SEARCH_BACKEND", "database")
    if name == "database":
        return load_backend("database")
    try:
        backend = load_backend(name)
        if hasattr(backend, "ping") and not backend.ping():
            raise SearchBackendUnavailable(f"{name} did not answer")
        return backend
    except Exception as exc:  # any failure means: use the database
        logger.warning(
            "Search backend %r unavailable (%s); using the database backend",
            name,
            exc.__class__.__name__,
        )
        return load_backend("database")
