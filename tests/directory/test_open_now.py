"""A service is "open now" by its weekly hours in Norwegian time, holidays included."""

import datetime as dt

from directory.opening_hours import OSLO, WeeklyHours, hours_from_rule, is_open

WEEKDAYS = frozenset({"MO", "TU", "WE", "TH", "FR"})
EVERY_DAY = frozenset({"MO", "TU", "WE", "TH", "FR", "SA", "SU"})


def oslo(*args):
    return dt.datetime(*args, tzinfo=OSLO)


def office_hours():
    return [WeeklyHours(WEEKDAYS, dt.time(8), dt.time(15, 30))]


def test_office_hours_are_open_inside_and_closed_outside():
    wednesday = (2026, 11, 25)

    assert is_open(office_hours(), oslo(*wednesday, 8, 0))
    assert is_open(office_hours(), oslo(*wednesday, 15, 29))
    assert not is_open(office_hours(), oslo(*wednesday, 15, 30))
    assert not is_open(office_hours(), oslo(*wednesday, 7, 59))
    assert not is_open(office_hours(), oslo(2026, 11, 28, 12, 0))  # Saturday


def test_time_is_read_in_oslo_whatever_the_timezone_given():
    # 07:30 UTC on a winter Wednesday is 08:30 in Oslo.
    moment = dt.datetime(2026, 11, 25, 7, 30, tzinfo=dt.UTC)

    assert is_open(office_hours(), moment)


def test_round_the_clock_is_always_open_even_on_christmas_day():
    hours = [WeeklyHours(EVERY_DAY, dt.time(0, 0), dt.time(23, 59))]

    assert is_open(hours, oslo(2026, 12, 25, 3, 0))
    assert is_open(hours, oslo(2026, 12, 25, 23, 59))


def test_overnight_hours_run_past_midnight_into_the_next_day():
    # Open Monday to Friday 15:00–03:00.
    hours = [WeeklyHours(WEEKDAYS, dt.time(15), dt.time(3))]

    assert is_open(hours, oslo(2026, 11, 23, 23, 0))  # Monday night
    assert is_open(hours, oslo(2026, 11, 24, 1, 30))  # early Tuesday, from Monday
    assert not is_open(hours, oslo(2026, 11, 24, 3, 0))
    assert is_open(hours, oslo(2026, 11, 28, 2, 0))  # early Saturday, from Friday
    assert not is_open(hours, oslo(2026, 11, 30, 2, 0))  # early Monday: Sunday closed


def test_public_holidays_close_services_that_do_not_open_on_holidays():
    christmas_eve_is_not_a_holiday = oslo(2026, 12, 24, 10, 0)  # Thursday
    christmas_day = oslo(2026, 12, 25, 10, 0)  # Friday, a public holiday
    constitution_day = oslo(2026, 5, 17, 10, 0)  # Sunday anyway
    ascension_day = oslo(2026, 5, 14, 10, 0)  # Thursday

    assert is_open(office_hours(), christmas_eve_is_not_a_holiday)
    assert not is_open(office_hours(), christmas_day)
    assert not is_open(office_hours(), ascension_day)
    assert not is_open(office_hours(), constitution_day)
    assert is_open(office_hours(), christmas_day, open_on_holidays=True)


def test_overnight_opening_that_starts_on_a_holiday_does_not_happen():
    hours = [WeeklyHours(WEEKDAYS, dt.time(15), dt.time(3))]

    assert not is_open(hours, oslo(2026, 12, 26, 1, 0))  # from Christmas Day


def test_closed_days_override_the_weekly_hours():
    closed = frozenset({dt.date(2026, 11, 25)})

    assert not is_open(office_hours(), oslo(2026, 11, 25, 10), closed_days=closed)
    assert is_open(office_hours(), oslo(2026, 11, 26, 10), closed_days=closed)


def test_daylight_saving_change_keeps_local_opening_hours():
    # Summer time starts 29 March 2026 at 02:00; Monday 30 March is a normal day.
    before = dt.datetime(2026, 3, 27, 7, 30, tzinfo=dt.UTC)  # 08:30 CET, Friday
    after = dt.datetime(2026, 3, 30, 6, 30, tzinfo=dt.UTC)  # 08:30 CEST, Monday
    too_early = dt.datetime(2026, 3, 30, 5, 30, tzinfo=dt.UTC)  # 07:30 CEST

    assert is_open(office_hours(), before)
    assert is_open(office_hours(), after)
    assert not is_open(office_hours(), too_early)


def test_overnight_hours_across_the_autumn_clock_change():
    # Winter time starts 25 October 2026 at 03:00 (clocks go back to 02:00).
    hours = [WeeklyHours(EVERY_DAY - {"SA"}, dt.time(22), dt.time(4))]
    at_half_past_two_summer = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    at_half_past_three_winter = dt.datetime(2026, 10, 25, 2, 30, tzinfo=dt.UTC)
    after_closing = dt.datetime(2026, 10, 25, 3, 30, tzinfo=dt.UTC)  # 04:30 CET

    assert is_open(hours, oslo(2026, 10, 24, 23, 0)) is False  # Saturday evening
    hours = [WeeklyHours(EVERY_DAY, dt.time(22), dt.time(4))]
    assert is_open(hours, at_half_past_two_summer)
    assert is_open(hours, at_half_past_three_winter)
    assert not is_open(hours, after_closing)


def test_first_wednesday_of_the_month_rule():
    hours = [
        hours_from_rule(
            freq="MONTHLY",
            interval=1,
            dtstart=None,
            byday="1WE",
            opens_at=dt.time(18),
            closes_at=dt.time(20),
        )
    ]

    assert is_open(hours, oslo(2026, 12, 2, 19, 0))  # first Wednesday of December
    assert not is_open(hours, oslo(2026, 12, 9, 19, 0))  # second Wednesday


def test_every_other_week_rule_counts_from_the_start_date():
    hours = [
        hours_from_rule(
            freq="WEEKLY",
            interval=2,
            dtstart=dt.date(2026, 11, 2),
            byday="TU",
            opens_at=dt.time(17),
            closes_at=dt.time(19),
        )
    ]

    assert is_open(hours, oslo(2026, 11, 3, 18, 0))
    assert not is_open(hours, oslo(2026, 11, 10, 18, 0))
    assert is_open(hours, oslo(2026, 11, 17, 18, 0))


def test_no_hours_means_never_open():
    assert not is_open([], oslo(2026, 11, 25, 12, 0))
