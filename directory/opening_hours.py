"""Is a service open at a given moment? Weekly hours in Europe/Oslo, overnight hours,
24/7, closed days and Norwegian public holidays."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

# python-dateutil comes with `holidays` (pyproject.toml), which the tests use to check
# the dates below.
from dateutil.easter import easter

OSLO = ZoneInfo("Europe/Oslo")
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
MIDNIGHT = dt.time(0, 0)
LAST_MINUTE = dt.time(23, 59)


@dataclass(frozen=True)
class WeeklyHours:
    """Opening hours on some weekdays; closes_at before opens_at runs past midnight."""

    days: frozenset
    opens_at: dt.time
    closes_at: dt.time
    # For monthly and every-other-week rules: does the opening happen on this date?
    applies: Callable[[dt.date], bool] | None = None

    def starts_on(self, day):
        if WEEKDAYS[day.weekday()] not in self.days:
            return False
        return self.applies is None or self.applies(day)

    @property
    def overnight(self):
        return self.closes_at <= self.opens_at and self.closes_at != MIDNIGHT


@lru_cache(maxsize=8)
def _norwegian_holidays(year):
    """Norway's public holidays in `year` (helligdagsloven, and 1 and 17 May since
    1947), Sundays aside: the dates `holidays.Norway(include_sundays=False)` gives,
    which tests/directory/test_public_holidays.py checks year by year. Worked out here
    because importing the `holidays` package loads the rules of every country it
    knows: about 400 modules and 15 MB in every server process."""
    easter_sunday = easter(year)
    days = {
        dt.date(year, 1, 1),
        *(easter_sunday + dt.timedelta(days=n) for n in (-3, -2, 0, 1, 39, 49, 50)),
        dt.date(year, 12, 25),
        dt.date(year, 12, 26),
    }
    if year >= 1947:
        days |= {dt.date(year, 5, 1), dt.date(year, 5, 17)}
    return frozenset(days)


def is_public_holiday(day):
    return day in _norwegian_holidays(day.year)


def is_round_the_clock(hours):
    """True when the hours cover every minute of every day of the week."""
    return any(
        h.applies is None
        and h.days == frozenset(WEEKDAYS)
        and h.opens_at == MIDNIGHT
        and h.closes_at in (LAST_MINUTE, MIDNIGHT)
        for h in hours
    )


def _day_counts(day, closed_days, open_on_holidays):
    """Whether an opening that starts on `day` happens at all."""
    if day in closed_days:
        return False
    return open_on_holidays or not is_public_holiday(day)


def _covers_same_day(hours, now):
    if hours.overnight or hours.closes_at in (LAST_MINUTE, MIDNIGHT):
        return now >= hours.opens_at
    return hours.opens_at <= now < hours.closes_at


def is_open(hours, at, *, closed_days=frozenset(), open_on_holidays=False):
    """Is a service with these weekly hours open at the aware datetime `at`?"""
    hours = list(hours)
    if not hours:
        return False
    local = at.astimezone(OSLO)
    today, now = local.date(), local.time().replace(second=0, microsecond=0)
    if is_round_the_clock(hours):
        return today not in closed_days
    yesterday = today - dt.timedelta(days=1)
    for h in hours:
        if (
            h.starts_on(today)
            and _covers_same_day(h, now)
            and _day_counts(today, closed_days, open_on_holidays)
        ):
            return True
        # The tail of last night's opening, e.g. 15:00–03:00 seen at 01:30.
        if (
            h.overnight
            and h.starts_on(yesterday)
            and now < h.closes_at
            and _day_counts(yesterday, closed_days, open_on_holidays)
        ):
            return True
    return False


def hours_from_rule(*, freq, interval, dtstart, byday, opens_at, closes_at):
    """WeeklyHours from an HSDS schedule rule: WEEKLY (every `interval` weeks from
    `dtstart`) or MONTHLY with ordinal days such as `1WE` (first Wednesday)."""
    codes = [code.strip().upper() for code in byday.split(",") if code.strip()]
    if freq == "MONTHLY":
        ordinals = {(int(code[:-2] or 0), code[-2:]) for code in codes}

        def applies(day):
            nth = (day.day - 1) // 7 + 1
            return (nth, WEEKDAYS[day.weekday()]) in ordinals or (
                0,
                WEEKDAYS[day.weekday()],
            ) in ordinals

        days = frozenset(code[-2:] for code in codes)
        return WeeklyHours(days, opens_at, closes_at, applies)
    applies = None
    if interval and interval > 1 and dtstart:

        def applies(day):
            return ((day - dtstart).days // 7) % interval == 0

    return WeeklyHours(frozenset(codes), opens_at, closes_at, applies)
