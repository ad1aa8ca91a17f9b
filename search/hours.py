"""Open now, from the opening rules stored in a search document.

Many services share the same hours, so rules are keyed by their compact JSON and
each key is parsed once and answered once per minute.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

from django.utils import timezone

from directory import opening_hours


def opening_key(document) -> str:
    """Compact, canonical JSON of a document's hours; "" when it has none."""
    if not document.opening_rules:
        return ""
    rules = [
        [r.freq, r.interval, r.dtstart, r.byday, r.opens_at, r.closes_at]
        for r in document.opening_rules
    ]
    return json.dumps(
        {"r": rules, "c": document.closed_days, "h": document.open_on_public_holidays},
        separators=(",", ":"),
        sort_keys=True,
    )


@lru_cache(maxsize=4096)
def _parsed(key: str):
    data = json.loads(key)
    hours = [
        opening_hours.hours_from_rule(
            freq=freq,
            interval=interval,
            dtstart=dt.date.fromisoformat(dtstart) if dtstart else None,
            byday=byday,
            opens_at=dt.time.fromisoformat(opens),
            closes_at=dt.time.fromisoformat(closes),
        )
        for freq, interval, dtstart, byday, opens, closes in data["r"]
    ]
    closed = frozenset(dt.date.fromisoformat(day) for day in data["c"])
    return hours, closed, bool(data["h"])


@lru_cache(maxsize=20_000)
def open_at_minute(key: str, minute: dt.datetime) -> bool:
    """is_open() for a moment already cut to the minute (cached per minute)."""
    hours, closed, holidays = _parsed(key)
    return opening_hours.is_open(
        hours, minute, closed_days=closed, open_on_holidays=holidays
    )


def is_open(key: str, at: dt.datetime | None = None) -> bool:
    """Is a service with these hours (opening_key) open at `at` (default now)?"""
    if not key:
        return False
    at = at or timezone.now()
    return open_at_minute(key, at.replace(second=0, microsecond=0))
