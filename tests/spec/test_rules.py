"""The declaration rules that the chat and the API both apply (declaration_spec.rules, .receipts)."""

from __future__ import annotations

from datetime import date

import pytest

from declaration_spec import phone, receipts, rules


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("KIM MIN-JUN", None),
        ("Nguyễn Thị Ánh", None),
        ("O'NEIL, Mary.", None),
        ("\u3164\u3164", "name_invisible"),
        ("A\u200bB", "name_invisible"),
        ("-A", "name_start"),
        (" A", "name_start"),
        ("A" + "\u0301" * 4, "name_marks"),
        ("ANNA 2", "name_characters"),
    ],
)
def test_name_problem(name: str, problem: str | None) -> None:
    assert rules.name_problem(name) == problem


@pytest.mark.parametrize(
    ("number", "kind", "problem"),
    [
        ("m1234 5678", "passport", None),
        ("M1234", "passport", None),
        ("M123", "passport", "passport_format"),
        ("M1234567890", "passport", "passport_format"),
        ("AB-1234", "travel_document", None),
        ("AB1", "travel_document", "document_format"),
    ],
)
def test_document_number_problem(number: str, kind: str, problem: str | None) -> None:
    assert rules.document_number_problem(number, kind) == problem


def test_phone_and_plausibility() -> None:
    today = date(2026, 12, 1)
    assert rules.date_of_birth_problem(date(2027, 1, 1), today) == "dob_future"
    assert rules.date_of_birth_problem(date(1900, 1, 1), today) == "dob_implausible"
    assert rules.date_of_birth_problem(date(1990, 3, 5), today) is None
    assert (rules.deadline_hours(False), rules.deadline_hours(True)) == (12, 24)


def test_a_receipt_code_is_found_in_a_sentence_with_the_api_alphabet() -> None:
    code = receipts.new_receipt_code("ha_noi")
    spaced = code.lower().replace("-", " ")
    assert receipts.find_in_text(f"please cancel {spaced} thanks") == code
    assert receipts.has_valid_check(receipts.find_in_text(f"huỷ {code}") or "")
    # I and O are never in a code, so a word like "HOTEL" followed by digits is not taken for one
    assert receipts.find_in_text("room HN IIII OOOO I") is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("0912 345 678", "+84912345678"),
        ("+84 (912) 345-678", "+84912345678"),
        ("0912.345.678", "+84912345678"),
        ("024 3825 1234", "+842438251234"),
        ("+82 10 1234 5678", "+821012345678"),
        ("12345", None),
        ("0912 345", None),
        ("call me maybe", None),
    ],
)
def test_phone_numbers_are_read_with_libphonenumber(typed: str, expected: str | None) -> None:
    assert phone.parse_phone(typed) == expected
    assert phone.phone_problem(typed) == (None if expected else "phone_format")
