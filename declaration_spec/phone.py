"""Phone numbers, read with Google's libphonenumber (the `phonenumbers` package, the one dependency of
this package beyond the standard library, pinned to the same version in requirements/app.lock and
rasa.lock; tests/test_boundaries.py checks both). A number without a country code is Vietnamese."""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "VN"


def parse_phone(text: str) -> str | None:
    """'0912 345 678', '+84 (912) 345-678' -> '+84912345678' (E.164); None when it is not a number in use."""
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_problem(text: str) -> str | None:
    return None if parse_phone(text) else "phone_format"


def normalise_phone(text: str) -> str:
    """E.164 for a valid number; anything else comes back trimmed (the caller has refused it already)."""
    return parse_phone(text) or text.strip()
