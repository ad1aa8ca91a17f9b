"""Phone numbers: validate, store as E.164 (or as the short number), show nicely."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import shortnumberinfo

# Example data uses +47 00 xx xx xx: not a real Norwegian range, so it can never reach
# a person by mistake.
PLACEHOLDER = re.compile(r"^\+4700\d{6}$")


def normalise_phone(raw):
    """Return the number to store: E.164 (`+4755555555`) or a national short number
    (`116111`). Raise ValidationError with a plain message when it is not a number."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Enter a phone number."))
    try:
        number = phonenumbers.parse(text, "NO")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("“%(number)s” is not a phone number."), params={"number": text}
        ) from exc
    if shortnumberinfo.is_valid_short_number(number) and not text.startswith("+"):
        return str(number.national_number)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number) or PLACEHOLDER.match(e164):
        return e164
    raise ValidationError(
        _("“%(number)s” is not a valid phone number. Use the form +47 12 34 56 78."),
        params={"number": text},
    )


def is_placeholder(stored):
    return bool(PLACEHOLDER.match(stored or ""))


def display_phone(stored):
    """How a stored number is shown: `55 55 55 55`, `116 111`, `112`."""
    if not stored:
        return ""
    if not stored.startswith("+"):
        if len(stored) == 6:
            return f"{stored[:3]} {stored[3:]}"
        return stored
    if stored.startswith("+47") and len(stored) == 11:
        digits = stored[3:]
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    number = phonenumbers.parse(stored)
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )


def tel_href(stored):
    return f"tel:{stored}"
