"""Elasticsearch index management: names, mappings, aliases and rebuilds.

Every language has its own index, ``<prefix>-<lang>-v<N>``, reached through the
alias ``<prefix>-<lang>``; searches and single-document writes go through aliases.
A rebuild loads new versions beside the live ones, then moves every alias in one
atomic request and drops the old versions, so searches never see a half-built
index. Writes made while a rebuild runs are not lost at the swap:

- the new versions are created (prepare_rebuild) before the rebuild reads a
  single page, and every incremental write (publish, unpublish, delete) goes to
  every version of its language; a write that looked the versions up just before
  they were created looks again after writing and writes the new ones too;
- documents carry an external version (the time they were written), stamped for
  the rebuild before it reads the pages, so its copy of a page never overwrites a
  later write, and a delete leaves a tombstone that a loading index keeps for
  LOADING_GC_DELETES (not Elasticsearch's default minute), so the rebuild's
  older copy of a deleted page is refused however long the load takes.

The publish/unpublish signal wiring that calls the backend is the search layer's
(search.indexing); it is the same for every backend.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.dsl import Index

from search.backends.base import MAX_PER_PAGE
from search.documents import DOCUMENT_CLASSES, PRE_ANALYSED
from search.query import MAX_PAGE

logger = logging.getLogger(__name__)

DEFAULT_PREFIX = "hjelp"
REQUEST_TIMEOUT = 10.0
PING_TIMEOUT = 2.0
# Creating, refreshing and swapping indexes of 100 000 documents on a busy node
# takes longer than a visitor's search may.
ADMIN_TIMEOUT = 300.0
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
# How long a loading index remembers deletes (see the module docstring).
LOADING_GC_DELETES = "12h"


def index_prefix() -> str:
    return getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", DEFAULT_PREFIX)


@lru_cache(maxsize=8)
def client_for(url: str) -> Elasticsearch:
    """One client (and connection pool) per cluster URL for the process."""
    return Elasticsearch(
        url,
        request_timeout=REQUEST_TIMEOUT,
        max_retries=1,
        retry_on_timeout=False,
    )


def alias_name(prefix: str, language: str) -> str:
    return f"{prefix}-{language}"


def index_name(prefix: str, language: str, version: int) -> str:
    return f"{prefix}-{language}-v{version}"


def parse_index_name(prefix: str, name: str) -> tuple[str, int] | None:
    """(language, version) of one of our index names, else None."""
    match = re.fullmatch(rf"{re.escape(prefix)}-([a-z]{{2,3}})-v(\d+)", name)
    return (match.group(1), int(match.group(2))) if match else None


def language_index(name: str) -> Index:
    """The definition of one language index: settings and both document types."""
    index = Index(name)
    index.settings(
        number_of_shards=1,
        # No replica on a single node, one as soon as there is a second node.
        auto_expand_replicas="0-1",
        # The deepest page a visitor can ask for (search.query).
        max_result_window=MAX_PAGE * MAX_PER_PAGE,
    )
    for document_class in DOCUMENT_CLASSES:
        index.document(document_class)
    return index


@dataclass
class LanguageIndexes:
    """What exists for one language: every version, and the one the alias serves."""

    language: str
    versions: dict[int, str] = field(default_factory=dict)  # version -> name
    live: str | None = None  # the index behind the alias

    @property
    def next_version(self) -> int:
        return max(self.versions, default=0) + 1


@dataclass
class RebuildPlan:
    """A rebuild in progress: its document version and the index it loads for
    each language (created before the pages are read)."""

    version: int
    new: dict[str, str] = field(default_factory=dict)  # language -> index name
    filled: set[str] = field(default_factory=set)  # languages with documents


def existing(client: Elasticsearch, prefix: str) -> dict[str, LanguageIndexes]:
    """Our indexes on the cluster, by language."""
    try:
        found = client.indices.get_alias(
            index=f"{prefix}-*", expand_wildcards="open", allow_no_indices=True
        )
    except NotFoundError:
        return {}
    by_language: dict[str, LanguageIndexes] = {}
    for name, info in found.body.items():
        parsed = parse_index_name(prefix, name)
        if parsed is None:
            continue
        language, version = parsed
        entry = by_language.setdefault(language, LanguageIndexes(language))
        entry.versions[version] = name
        if alias_name(prefix, language) in info.get("aliases", {}):
            entry.live = name
    return by_language


def admin(client: Elasticsearch) -> Elasticsearch:
    """The client for index management, with room for slow cluster operations."""
    return client.options(request_timeout=ADMIN_TIMEOUT)


def create_index(
    client: Elasticsearch, name: str, *, alias: str | None = None, loading=False
) -> None:
    index = language_index(name)
    if alias:
        index.aliases(**{alias: {}})
    if loading:
        # A bulk load is faster without refreshes; finish_loading turns them on.
        # Deletes made during the load must outlive it (module docstring).
        index.settings(refresh_interval="-1", gc_deletes=LOADING_GC_DELETES)
    index.create(using=admin(client))


def finish_loading(client: Elasticsearch, name: str) -> None:
    admin(client).indices.put_settings(
        index=name, settings={"refresh_interval": None, "gc_deletes": None}
    )
    admin(client).indices.refresh(index=name)


def ensure_language_indexes(
    client: Elasticsearch, prefix: str, languages, known=None
) -> dict[str, LanguageIndexes]:
    """Make sure every language has an index behind its alias (first write)."""
    known = existing(client, prefix) if known is None else known
    for language in languages:
        entry = known.get(language)
        if entry is not None and entry.live is not None:
            continue
        if not LANGUAGE_CODE.match(language):
            raise ValueError(f"not a language code: {language!r}")
        entry = entry or LanguageIndexes(language)
        version = entry.next_version
        name = index_name(prefix, language, version)
        try:
            create_index(client, name, alias=alias_name(prefix, language))
        except ApiError as exc:
            # Another process created it a moment ago.
            if "resource_already_exists_exception" not in str(exc):
                raise
            return ensure_language_indexes(client, prefix, languages)
        entry.versions[version] = name
        entry.live = name
        known[language] = entry
        logger.info("Created Elasticsearch index %s behind alias %s", name, language)
    return known


def swap_aliases(client: Elasticsearch, prefix: str, new: dict[str, str]) -> list[str]:
    """Point every language's alias at its new index in one atomic request, then
    drop what is no longer served. Returns the dropped index names."""
    before = existing(client, prefix)
    actions = []
    for language, name in new.items():
        alias = alias_name(prefix, language)
        entry = before.get(language)
        if entry is not None and entry.live is not None:
            actions.append({"remove": {"index": entry.live, "alias": alias}})
        actions.append({"add": {"index": name, "alias": alias}})
    # Languages that have no documents any more lose their alias too.
    for language, entry in before.items():
        if language not in new and entry.live is not None:
            actions.append(
                {"remove": {"index": entry.live, "alias": alias_name(prefix, language)}}
            )
    if actions:
        admin(client).indices.update_aliases(actions=actions)
    keep = set(new.values())
    dropped = [
        name
        for entry in before.values()
        for name in entry.versions.values()
        if name not in keep
    ]
    drop_indexes(client, dropped)
    return dropped


def drop_indexes(client: Elasticsearch, names) -> None:
    # By name, never by wildcard: production clusters refuse wildcard deletes.
    names = sorted(names)
    for start in range(0, len(names), 50):
        admin(client).indices.delete(
            index=",".join(names[start : start + 50]), ignore_unavailable=True
        )


def drop_all(client: Elasticsearch, prefix: str) -> list[str]:
    names = [
        name
        for entry in existing(client, prefix).values()
        for name in entry.versions.values()
    ]
    drop_indexes(client, names)
    return names


def write_version() -> int:
    """External document version: microseconds since the epoch. A later write of
    the same document always wins over an earlier one, whoever sends it last."""
    return time.time_ns() // 1000


def cluster_facts(client: Elasticsearch) -> dict:
    """Version and analysis facts for describe() and the log. GET / is not used:
    the bare test distribution answers it with 405."""
    nodes = client.nodes.info(filter_path="nodes.*.version")["nodes"]
    versions = sorted({node["version"] for node in nodes.values()})
    try:
        client.indices.analyze(analyzer="norwegian", text="krisesenteret")
        native = True
    except (ApiError, TransportError):
        native = False
    return {
        "versions": versions,
        "analysis": (
            f"tokens from search.analysis (Snowball stems, compound parts, "
            f"synonyms at query time) indexed with the built-in {PRE_ANALYSED!r} "
            f"analyzer"
        ),
        "native_language_analyzers": (
            "installed, not used: both backends share search.analysis"
            if native
            else "not installed on this cluster (not needed)"
        ),
    }
