"""Phone numbers are stored as E.164 or as short numbers, and shown as people read
them."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from directory.phones import display_phone, is_placeholder, normalise_phone


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("+47 55 55 55 55", "+4755555555", "55 55 55 55"),
        ("55555555", "+4755555555", "55 55 55 55"),
        ("915 00 000", "+4791500000", "91 50 00 00"),
        ("112", "112", "112"),
        ("116 111", "116111", "116 111"),
        ("116117", "116117", "116 117"),
        ("+47 00 00 00 01", "+4700000001", "00 00 00 01"),
        ("+46 8 123 456 78", "+46812345678", "+46 8 123 456 78"),
    ],
)
def test_numbers_are_normalised_and_displayed(typed, stored, shown):
    assert normalise_phone(typed) == stored
    assert display_phone(stored) == shown


@pytest.mark.parametrize("typed", ["", "abc", "12345", "+47 12", "55 55 55 55 55 55"])
def test_invalid_numbers_get_a_plain_message(typed):
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            normalise_phone(typed)

        assert "phone number" in error.value.messages[0].lower()


def test_placeholder_range_is_recognised_as_example_data():
    assert is_placeholder("+4700000001")
    assert not is_placeholder("+4755555555")
