"""Editors get clear messages for impossible details, never a crash."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from directory.models import Location, Schedule, ServicePage

pytestmark = pytest.mark.django_db


def messages(error, field):
    return " ".join(error.value.message_dict[field])


def test_closing_before_opening_asks_whether_it_runs_past_midnight():
    schedule = Schedule(byday="MO", opens_at=dt.time(15), closes_at=dt.time(3))

    with pytest.raises(ValidationError) as error:
        schedule.full_clean(exclude=["service"])

    assert "past midnight" in messages(error, "closes_at")
    schedule.runs_past_midnight = True
    schedule.full_clean(exclude=["service"])


def test_unknown_days_are_refused():
    schedule = Schedule(byday="Monday", opens_at=dt.time(8), closes_at=dt.time(9))

    with pytest.raises(ValidationError) as error:
        schedule.full_clean(exclude=["service"])

    assert "MO,TU" in messages(error, "byday")


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [(48.85, 2.35, "latitude"), (60.39, 40.0, "longitude"), (60.39, None, "longitude")],
)
def test_coordinates_outside_norway_are_refused(latitude, longitude, field):
    location = Location(municipality="Bergen", latitude=latitude, longitude=longitude)

    with pytest.raises(ValidationError) as error:
        location.full_clean(exclude=["service"])

    assert field in error.value.message_dict


def test_maximum_age_below_minimum_age_is_refused():
    service = ServicePage(
        title="T",
        slug="t",
        description="d",
        assured_date=dt.date(2026, 1, 1),
        minimum_age=18,
        maximum_age=12,
    )

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            service.clean()

        assert "maximum age" in messages(error, "maximum_age").lower()
