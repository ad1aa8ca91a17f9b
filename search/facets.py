"""Facets: their names, the keys a document carries, and counting them.

A document's facet keys are strings such as "category:crisis-shelter" or
"free:true"; backends store them and filter on them, and counting runs over the
keys of the filtered result set, so every backend counts the same way.
"""

from __future__ import annotations

from collections import Counter

from directory.areas import COUNTY, NATIONAL

FACETS = (
    "category",
    "audience",
    "municipality",
    "language",
    "free",
    "anonymous",
    "open_now",
    "round_the_clock",
)
BOOLEAN_FACETS = ("free", "anonymous", "open_now", "round_the_clock")
COVERS_ALL = (COUNTY, NATIONAL)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def document_keys(document) -> list[str]:
    keys = [f"type:{document.type}"]
    keys += [f"category:{code}" for code in document.categories]
    keys += [f"audience:{code}" for code in document.audiences]
    keys += [f"feature:{code}" for code in document.features]
    keys += [f"municipality:{name}" for name in document.municipalities]
    keys += [f"language:{code}" for code in document.languages_offered]
    if document.type == "service":
        keys += [
            f"free:{_flag(document.free)}",
            f"anonymous:{_flag(document.anonymous)}",
            f"round_the_clock:{_flag(document.round_the_clock)}",
        ]
    return keys


def encode(keys: list[str]) -> str:
    """Stored form: delimited at both ends so `|key|` finds a whole key."""
    return "|" + "|".join(keys) + "|"


def decode(stored: str) -> list[str]:
    return [key for key in stored.split("|") if key]


def key(name: str, value: str) -> str:
    return f"{name}:{value}"


def count(key_lists, open_flags) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over a result set: `key_lists` holds each result's keys,
    `open_flags` whether it is open now (None for pages).

    Municipalities count as the municipality filter matches: a service for the
    whole county or country counts in every municipality that appears.
    """
    counter: Counter = Counter()
    covering_keys = {key("municipality", area) for area in COVERS_ALL}
    covering = 0
    # Municipality keys of county- or country-wide results, which already count
    # in every municipality.
    overlap: Counter = Counter()
    for keys in key_lists:
        counter.update(keys)
        if covering_keys.intersection(keys):
            covering += 1
            overlap.update(k for k in keys if k.startswith("municipality:"))
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for item, number in counter.items():
        name, _, value = item.partition(":")
        if name in ("category", "audience", "language", *BOOLEAN_FACETS):
            facets[name].append((value, number))
        elif name == "municipality" and value not in COVERS_ALL:
            facets[name].append((value, number - overlap[item] + covering))
    opened = sum(1 for flag in open_flags if flag)
    closed = sum(1 for flag in open_flags if flag is False)
    facets["open_now"] = [("true", opened), ("false", closed)]
    for name in facets:
        if name in BOOLEAN_FACETS:
            facets[name] = sorted(facets[name], key=lambda item: item[0] != "true")
        else:
            facets[name] = sorted(facets[name], key=lambda item: (-item[1], item[0]))
    return facets
