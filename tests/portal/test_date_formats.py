"""Dates read naturally in every language of the portal: "Last verified" lines and
translation notices show a date a visitor cannot misread."""

import datetime

import pytest
from django.template.defaultfilters import date as format_date
from django.utils import translation

from portal.languages import LANGUAGES

DAY = datetime.date(2026, 10, 1)


def long_date(language):
    with translation.override(language):
        return format_date(DAY, "DATE_FORMAT")


def short_date(language):
    with translation.override(language):
        return format_date(DAY, "SHORT_DATE_FORMAT")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "1. oktober 2026"),
        ("nn", "1. oktober 2026"),
        ("en", "1 October 2026"),
        ("pl", "1 października 2026"),  # the month in the genitive, as Polish says it
        ("so", "01.10.2026"),  # no month names in Somali: numbers, Norwegian order
        ("ti", "01.10.2026"),
        ("se", "01.10.2026"),
    ],
)
def test_a_long_date_in_each_language(language, expected):
    assert long_date(language) == expected


def test_no_language_falls_back_to_american_english():
    for code, _name in LANGUAGES:
        assert long_date(code) != "Oct. 1, 2026", code
        assert short_date(code) not in ("10/01/2026", "10/01/26"), code


def test_english_short_date_names_the_month():
    assert short_date("en") == "1 Oct 2026"
