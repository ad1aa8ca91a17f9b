"""Norway's public holidays, worked out in directory/opening_hours.py without importing
the `holidays` package at run time, are exactly the dates that package gives."""

import datetime as dt

import holidays

from directory.opening_hours import _norwegian_holidays, is_public_holiday


def test_every_year_from_1940_to_2100_matches_the_holidays_package():
    for year in range(1940, 2101):
        expected = set(holidays.Norway(years=year, include_sundays=False))

        assert set(_norwegian_holidays(year)) == expected, year


def test_known_dates_of_2026():
    assert is_public_holiday(dt.date(2026, 4, 2))  # Maundy Thursday
    assert is_public_holiday(dt.date(2026, 5, 14))  # Ascension Day
    assert is_public_holiday(dt.date(2026, 5, 25))  # Whit Monday
    assert is_public_holiday(dt.date(2026, 5, 17))
    assert not is_public_holiday(dt.date(2026, 12, 24))  # Christmas Eve
    assert not is_public_holiday(dt.date(2026, 5, 3))  # an ordinary Sunday
