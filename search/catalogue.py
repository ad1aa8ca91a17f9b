"""The database backend's in-memory catalogue: what ranking needs of every index
entry, as bitsets (one Python int per facet key, language, opening hours and title
word, with a bit per entry), so that a broad search (7 000 of 10 000 services)
filters, de-duplicates, decides open-now, counts facets and finds its page with a
few hundred big-integer operations instead of Python work per result.

Scores are those of search.ranking, computed without visiting every result: the
Booster's boosts depend only on which keys an entry holds, so the results are
split into parts of equal boost with bitset operations; since the text score adds
at most TEXT_WEIGHT, only the parts within TEXT_WEIGHT of the page's lowest boost
can reach the page, and only their entries are scored one by one.
"""

from __future__ import annotations

import heapq
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from django.utils import timezone

from directory.areas import areas_covering
from search import facets, geo, hours
from search.analysis import scope_languages
from search.ranking import (
    AUDIENCE_CONFLICT,
    PARTIAL_MATCH_PENALTY,
    TEXT_WEIGHT,
    Booster,
    Candidate,
    Ranked,
)

# Open-now states are kept for this many distinct minutes.
OPEN_STATES_KEPT = 4
# Text matches kept per index generation (most recent first out last), counted
# in matched entries: the broad searches many visitors make ("vold", "hjelp")
# then skip the full-text query. Only the analysed words are kept, in memory,
# with nothing about who searched.
MATCHES_KEPT = 100_000
# Stored documents kept per index generation (most recently shown last out): a
# results page then reads none of its twenty from the database once they have been
# shown. About 5 KB each as JSON: a few MB at most.
DOCUMENTS_KEPT = 1_000


def bits_of(positions, size: int) -> int:
    mask = bytearray(size // 8 + 1)
    for number in positions:
        mask[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(mask, "little")


_BITS_OF_BYTE = [tuple(b for b in range(8) if value >> b & 1) for value in range(256)]


def positions_of(bits: int) -> list[int]:
    """The set bits of an int, lowest first."""
    found: list[int] = []
    extend = found.extend
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        if byte:
            extend(map((index << 3).__add__, _BITS_OF_BYTE[byte]))
    return found


@dataclass
class Catalogue:
    """Every entry of one index generation. `rows[position]` = (ref, group,
    language, keys, key set, sort title, opening, latitude, longitude, title
    tokens); `position` maps a ref (row id) to its position."""

    rows: list[tuple]
    position: dict = field(init=False)
    bits: dict[str, int] = field(init=False)
    counter: facets.BitsetCounter = field(init=False)
    by_name: list[int] = field(init=False)
    openings: dict[str, int] = field(init=False)
    title_positions: dict[str, list[int]] = field(init=False)
    _title_bits: dict[str, int] = field(init=False, default_factory=dict)
    _open: dict = field(init=False, default_factory=dict)
    _source_of_group: dict[str, int] = field(init=False)

    def __post_init__(self):
        self._lock = threading.Lock()
        self._matches: OrderedDict = OrderedDict()
        self._kept = 0
        self._documents: OrderedDict = OrderedDict()
        size = len(self.rows)
        self.size = size
        self.position = {row[0]: number for number, row in enumerate(self.rows)}
        self.counter = facets.BitsetCounter({row[0]: row[4] for row in self.rows})
        self.bits = dict(self.counter.bits)
        by_language: dict[str, list[int]] = {}
        by_opening: dict[str, list[int]] = {}
        audience: list[int] = []
        self.title_positions = {}
        self._source_of_group = {}
        for number, row in enumerate(self.rows):
            by_language.setdefault(row[2], []).append(number)
            if row[6]:
                by_opening.setdefault(row[6], []).append(number)
            if any(key.startswith("audience:") for key in row[3]):
                audience.append(number)
            for token in set(row[9]):
                self.title_positions.setdefault(token, []).append(number)
        for language, numbers in by_language.items():
            self.bits[f"\x00language:{language}"] = bits_of(numbers, size)
        self.bits["\x00audience"] = bits_of(audience, size)
        self.openings = {key: bits_of(n, size) for key, n in by_opening.items()}
        self.by_name = sorted(
            range(size), key=lambda n: (self.rows[n][5], self.rows[n][2])
        )

    def documents(self, refs, read) -> dict:
        """The stored documents of these entries (row ids): `read(refs)` asks the
        database for those not kept; recent ones are kept (DOCUMENTS_KEPT). Kept
        documents are shared between requests and never changed."""
        found = {}
        with self._lock:
            kept = self._documents
            for ref in refs:
                document = kept.get(ref)
                if document is not None:
                    kept.move_to_end(ref)
                    found[ref] = document
        missing = [ref for ref in refs if ref not in found]
        if missing:
            fresh = read(missing)
            with self._lock:
                self._documents.update(fresh)
                while len(self._documents) > DOCUMENTS_KEPT:
                    self._documents.popitem(last=False)
            found.update(fresh)
        return found

    def matches(self, key, find) -> dict[int, float]:
        """Positions and text scores for a full-text expression: `find()` asks
        the database; recent answers are kept (MATCHES_KEPT)."""
        with self._lock:
            found = self._matches.get(key)
            if found is not None:
                self._matches.move_to_end(key)
                return found
        found = find()
        with self._lock:
            self._matches[key] = found
            self._kept += len(found)
            while self._kept > MATCHES_KEPT and len(self._matches) > 1:
                _, dropped = self._matches.popitem(last=False)
                self._kept -= len(dropped)
        return found

    def key_bits(self, key: str) -> int:
        return self.bits.get(key, 0)

    def any_of(self, keys) -> int:
        found = 0
        for key in keys:
            found |= self.bits.get(key, 0)
        return found

    def title_bits(self, token: str) -> int:
        found = self._title_bits.get(token)
        if found is None:
            found = bits_of(self.title_positions.get(token, ()), self.size)
            self._title_bits[token] = found
        return found

    def open_bits(self, minute) -> int:
        """Entries open at this minute."""
        found = self._open.get(minute)
        if found is None:
            found = 0
            for key, bits in self.openings.items():
                if hours.open_at_minute(key, minute):
                    found |= bits
            if len(self._open) >= OPEN_STATES_KEPT:
                self._open.clear()
            self._open[minute] = found
        return found

    def source_of(self, group: str, languages) -> list[int]:
        return [
            n
            for n in self._group_positions().get(group, ())
            if self.rows[n][2] in languages
        ]

    def _group_positions(self) -> dict[str, list[int]]:
        groups = getattr(self, "_groups", None)
        if groups is None:
            groups = {}
            for number, row in enumerate(self.rows):
                groups.setdefault(row[1], []).append(number)
            self._groups = groups
        return groups


def filter_bits(catalogue: Catalogue, query) -> int:
    """The entries the query's scope and filters (all but open-now) allow."""
    allowed = catalogue.any_of(
        f"\x00language:{language}" for language in scope_languages(query.language)
    )
    f = query.filters
    clauses = []
    if f.type:
        clauses.append([facets.key("type", f.type)])
    if f.categories:
        clauses.append([facets.key("category", code) for code in f.categories])
    if f.audiences:
        clauses.append([facets.key("audience", code) for code in f.audiences])
    if f.municipality:
        clauses.append(
            [facets.key("municipality", a) for a in areas_covering(f.municipality)]
        )
    if f.languages_offered:
        clauses.append([facets.key("language", c) for c in f.languages_offered])
    for name in ("free", "anonymous", "round_the_clock"):
        value = getattr(f, name)
        if value is not None:
            clauses.append([facets.key(name, "true" if value else "false")])
    for clause in clauses:
        allowed &= catalogue.any_of(clause)
    return allowed


def rank_catalogue(
    catalogue: Catalogue,
    matched: dict[int, float] | None,
    query,
    analysed,
    strict: int | None = None,
    at=None,
) -> Ranked:
    """search.ranking's rules over the catalogue. `matched` maps the positions
    the text matched to their text scores (None: no text, every entry); `strict`
    the positions holding every word when the backend relaxed to any word."""
    at = at or query.at or timezone.now()
    chosen = filter_bits(catalogue, query)
    if matched is not None:
        chosen &= bits_of(matched, catalogue.size)
    languages = scope_languages(query.language)
    if len(languages) > 1:
        # One result per service or page: the reader's language hides the source.
        own = chosen & catalogue.key_bits(f"\x00language:{query.language}")
        if own:
            hidden = []
            for number in positions_of(own):
                hidden += catalogue.source_of(catalogue.rows[number][1], languages[1:])
            chosen &= ~bits_of(hidden, catalogue.size)
    minute = at.replace(second=0, microsecond=0)
    opened_all = catalogue.open_bits(minute)
    services = catalogue.key_bits("type:service")
    opened = chosen & opened_all
    closed = chosen & services & ~opened_all
    wanted = query.filters.open_now
    if wanted is not None:
        chosen = opened if wanted else closed
        opened, closed = (chosen, 0) if wanted else (0, chosen)
    facet_counts = catalogue.counter.from_bits(
        chosen, opened.bit_count(), closed.bit_count()
    )
    count = chosen.bit_count()
    booster = Booster(analysed)
    text = matched or {}
    data = chosen.to_bytes(catalogue.size // 8 + 1, "little")
    top = max((s for n, s in text.items() if data[n >> 3] >> (n & 7) & 1), default=0.0)
    scale = TEXT_WEIGHT / (top or 1.0)
    wanted_rows = query.page * query.per_page
    by_name = query.sort == "name" or analysed is None or analysed.is_empty

    def state_of(number):
        if (opened_all >> number) & 1:
            return True
        return False if (services >> number) & 1 else None

    def exact_boost(number):
        row = catalogue.rows[number]
        return booster.boost(
            row[4], strict is None or bool((strict >> number) & 1), None, row[9]
        )

    if query.sort == "distance":
        point = query.point
        scored = []
        for number in positions_of(chosen):
            row = catalogue.rows[number]
            score = text.get(number, 0.0) * scale + exact_boost(number)
            distance = None
            if point is not None and row[7] is not None:
                distance = geo.haversine_km(point.lat, point.lon, row[7], row[8])
            order = (distance is None, distance or 0.0, -score, row[5])
            scored.append((order, number, score, distance))
        chosen_rows = heapq.nsmallest(wanted_rows, scored)
    elif by_name:
        chosen_rows = []
        for number in catalogue.by_name:
            if data[number >> 3] >> (number & 7) & 1:
                score = text.get(number, 0.0) * scale + exact_boost(number)
                chosen_rows.append((None, number, score, None))
                if len(chosen_rows) >= wanted_rows:
                    break
    else:
        chosen_rows = _best_by_score(
            catalogue, chosen, text, scale, booster, strict, wanted_rows
        )
    page = []
    for _order, number, score, distance in chosen_rows[wanted_rows - query.per_page :]:
        row = catalogue.rows[number]
        page.append(
            Candidate(
                ref=row[0],
                group=row[1],
                language=row[2],
                keys=row[3],
                keyset=row[4],
                title=row[5],
                sort_title=row[5],
                opening=row[6],
                latitude=row[7],
                longitude=row[8],
                score=round(score, 4),
                distance_km=round(distance, 2) if distance is not None else None,
                open_now=state_of(number),
            )
        )
    return Ranked(count=count, page=page, facets=facet_counts)


def _parts(catalogue, chosen, booster, strict) -> list[tuple[int, float]]:
    """The chosen entries split by boost: [(bits, boost)], one part per value."""
    steps = [(catalogue.key_bits(key), weight) for key, weight in booster.pairs]
    if booster.conflict and booster.audiences:
        own = catalogue.any_of(booster.audiences)
        steps.append((catalogue.key_bits("\x00audience") & ~own, -AUDIENCE_CONFLICT))
    for clause in booster.title_clauses:
        held = 0
        for alternative in clause:
            bits = -1
            for token in alternative:
                bits &= catalogue.title_bits(token)
            held |= bits if bits != -1 else 0
        steps.append((held, booster.title_weight))
    if strict is not None:
        steps.append((~strict, -PARTIAL_MATCH_PENALTY))
    parts = {0.0: chosen}
    for bits, weight in steps:
        if not bits or not weight:
            continue
        split: dict[float, int] = {}
        for boost, members in parts.items():
            inside = members & bits
            outside = members & ~bits
            if inside:
                key = round(boost + weight, 9)
                split[key] = split.get(key, 0) | inside
            if outside:
                split[boost] = split.get(boost, 0) | outside
        parts = split
    return sorted(
        ((members, boost) for boost, members in parts.items()), key=lambda p: -p[1]
    )


def _best_by_score(catalogue, chosen, text, scale, booster, strict, wanted_rows):
    """The best `wanted_rows` entries by (-score, title), scoring only the parts
    that can reach them, and in each part only its best texts (a part shares
    one boost) and whatever ties with them."""
    parts = _parts(catalogue, chosen, booster, strict)
    floor = None
    seen = 0
    for members, boost in parts:
        seen += members.bit_count()
        if seen >= wanted_rows:
            floor = boost - TEXT_WEIGHT - 1e-9
            break
    rows = catalogue.rows
    text_of = text.get
    scored = []
    for members, boost in parts:
        if floor is not None and boost < floor:
            break
        numbers = positions_of(members)
        if len(numbers) > wanted_rows:
            best = heapq.nlargest(wanted_rows, numbers, key=lambda n: text_of(n, 0.0))
            cut = text_of(best[-1], 0.0)
            numbers = [n for n in numbers if text_of(n, 0.0) >= cut]
        for number in numbers:
            score = text_of(number, 0.0) * scale + boost
            # Rounded: equal scores summed in another order tie, and the title
            # decides, as everywhere.
            order = (-round(score, 9), rows[number][5])
            scored.append((order, number, score, None))
    return heapq.nsmallest(wanted_rows, scored)
