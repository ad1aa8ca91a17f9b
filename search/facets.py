"""Facets: their names, the keys a document carries, and counting them.

A document's facet keys are strings such as "category:crisis-shelter" or
"free:true"; backends store them and filter on them, and counting runs over the
keys of the filtered result set, so every backend counts the same way.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

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
    if document.categories:
        # The first category is what the help mainly is (ranking, not a facet).
        keys.append(f"primary:{document.categories[0]}")
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


def count(
    key_lists, open_flags, keysets=None, municipality_lists=None
) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over a result set: `key_lists` holds each result's keys,
    `open_flags` whether it is open now (None for pages); optionally `keysets`,
    the same keys as sets, and `municipality_lists`, each result's municipality
    keys.

    Municipalities count as the municipality filter matches: a service for the
    whole county or country counts in every municipality that appears.
    """
    counter = Counter(chain.from_iterable(key_lists))
    county, national = (key("municipality", area) for area in COVERS_ALL)
    # Municipality keys of county- or country-wide results, which already count
    # in every municipality.
    overlap: Counter = Counter()
    covering = 0
    if counter[county] or counter[national]:
        if keysets is None:
            keysets = [frozenset(keys) for keys in key_lists]
        if municipality_lists is None:
            municipality_lists = [
                [k for k in keys if k.startswith("municipality:")] for keys in key_lists
            ]
        for keys, municipalities in zip(keysets, municipality_lists, strict=True):
            if county in keys or national in keys:
                covering += 1
                overlap.update(municipalities)
    return assemble(
        counter.items(),
        opened=sum(1 for flag in open_flags if flag),
        closed=sum(1 for flag in open_flags if flag is False),
        covering=covering,
        overlap=overlap,
    )


def assemble(
    counts, *, opened: int, closed: int, covering: int = 0, overlap=None
) -> dict[str, list[tuple[str, int]]]:
    """The facets answer from (facet key, results holding it) pairs, however a
    backend counted them (Python, bitsets, Elasticsearch aggregations).

    With `overlap` (municipality key -> county- or country-wide results that
    also name it) and `covering` (how many results cover everything), each
    municipality's count becomes the results the municipality filter would
    match; without it, municipality counts are taken as already adjusted.
    """
    facets: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    for item, number in counts:
        name, _, value = item.partition(":")
        if name == "municipality":
            if value in COVERS_ALL:
                continue
            if overlap is not None:
                number = number - overlap.get(item, 0) + covering
            facets[name].append((value, number))
        elif name in _COUNTED:
            facets[name].append((value, number))
    facets["open_now"] = [("true", opened), ("false", closed)]
    for name in facets:
        if name in BOOLEAN_FACETS:
            facets[name] = sorted(facets[name], key=lambda item: item[0] != "true")
        else:
            facets[name] = sorted(facets[name], key=lambda item: (-item[1], item[0]))
    return facets


_COUNTED = frozenset(("category", "audience", "language", *BOOLEAN_FACETS))


class BitsetCounter:
    """Facet counts by bit operations, for a backend that keeps every entry in
    memory: one integer per facet key with a bit per entry. Same results as
    count(), in a few hundred big-integer operations instead of one dictionary
    update per key of every result."""

    def __init__(self, rows: dict):
        """`rows` maps an entry's ref to its facet keys."""
        self.position = {ref: number for number, ref in enumerate(rows)}
        size = len(rows) // 8 + 1
        masks: dict[str, bytearray] = {}
        for number, keys in enumerate(rows.values()):
            byte, bit = number >> 3, 1 << (number & 7)
            for item in keys:
                mask = masks.get(item)
                if mask is None:
                    mask = masks[item] = bytearray(size)
                mask[byte] |= bit
        self.size = size
        self.bits = {item: int.from_bytes(m, "little") for item, m in masks.items()}
        self.covering = 0
        for area in COVERS_ALL:
            self.covering |= self.bits.get(key("municipality", area), 0)

    def __call__(self, refs, open_flags) -> dict[str, list[tuple[str, int]]]:
        mask = bytearray(self.size)
        position = self.position
        for ref in refs:
            number = position[ref]
            mask[number >> 3] |= 1 << (number & 7)
        return self.from_bits(
            int.from_bytes(mask, "little"),
            sum(1 for flag in open_flags if flag),
            sum(1 for flag in open_flags if flag is False),
        )

    def from_bits(
        self, chosen: int, opened: int, closed: int
    ) -> dict[str, list[tuple[str, int]]]:
        """The facets of the entries whose bits are set in `chosen` (positions
        as in `rows`), `opened` and `closed` of them open now or not."""
        covering = self.covering & chosen
        counts = []
        for item, bits in self.bits.items():
            name, _, value = item.partition(":")
            if name == "municipality":
                own = bits & chosen
                if value in COVERS_ALL or not own:
                    continue  # only municipalities that appear in the results
                number = (own | covering).bit_count()
            elif name in _COUNTED:
                number = (bits & chosen).bit_count()
            else:
                continue
            if number:
                counts.append((item, number))
        return assemble(counts, opened=opened, closed=closed)
