"""ICAO Doc 9303 TD3 (passport) machine-readable zone: two lines of 44 characters.

Check digits: weights 7, 3, 1 repeating; '<' = 0, digits as themselves, A=10 ... Z=35; sum mod 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_ALLOWED = re.compile(r"[A-Z0-9<]")


def check_digit(field: str) -> str:
    total = 0
    for i, ch in enumerate(field):
        if ch.isdigit():
            value = int(ch)
        elif ch.isalpha():
            value = ord(ch) - ord("A") + 10
        else:
            value = 0
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


@dataclass(frozen=True)
class MrzProblem:
    """Why the lines cannot be read: which line ("line1"/"line2"), an error code, its values."""

    line: str
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MrzResult:
    document_type: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    date_of_birth: date | None
    sex: str
    document_expiry: date | None
    personal_number: str
    checks: dict[str, bool]


def clean_line(line: str) -> str:
    """Upper case, spaces removed (people paste MRZ lines with stray spaces)."""
    return re.sub(r"\s+", "", line).upper()


def _line_errors(line: str, name: str) -> list[MrzProblem]:
    errors: list[MrzProblem] = []
    if len(line) != 44:
        errors.append(MrzProblem(name, "mrz_length", {"length": len(line)}))
    bad = next((ch for ch in line if not _ALLOWED.fullmatch(ch)), None)
    if bad is not None:
        errors.append(MrzProblem(name, "mrz_characters", {"char": bad}))
    return errors


def _date(yymmdd: str, *, future_allowed: bool, today: date) -> date | None:
    """Two-digit years: birth dates are never in the future; expiry dates are 20YY."""
    if not yymmdd.isdigit():
        return None
    yy, mm, dd = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    century = 2000 if future_allowed or yy <= today.year % 100 else 1900
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        return None


def _names(field: str) -> tuple[str, str]:
    surname, _, given = field.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def parse_td3(line1: str, line2: str, today: date) -> tuple[MrzResult | None, list[MrzProblem]]:
    """Parse both lines; returns problems instead when the lines cannot be a TD3 MRZ at all."""
    line1, line2 = clean_line(line1), clean_line(line2)
    errors = _line_errors(line1, "line1") + _line_errors(line2, "line2")
    if line1 and not line1.startswith("P"):
        errors.append(MrzProblem("line1", "mrz_not_passport"))
    if errors:
        return None, errors
    number_field, number_check = line2[0:9], line2[9]
    dob_field, dob_check = line2[13:19], line2[19]
    expiry_field, expiry_check = line2[21:27], line2[27]
    personal_field, personal_check = line2[28:42], line2[42]
    composite_field = line2[0:10] + line2[13:20] + line2[21:43]
    checks = {
        "document_number": check_digit(number_field) == number_check,
        "date_of_birth": check_digit(dob_field) == dob_check,
        "document_expiry": check_digit(expiry_field) == expiry_check,
        # An empty personal number may carry '<' instead of 0 as its check digit (Doc 9303 part 4).
        "personal_number": check_digit(personal_field) == personal_check
        or (personal_field == "<" * 14 and personal_check == "<"),
        "composite": check_digit(composite_field) == line2[43],
    }
    dob = _date(dob_field, future_allowed=False, today=today)
    expiry = _date(expiry_field, future_allowed=True, today=today)
    for name, raw, parsed in (
        ("date_of_birth", dob_field, dob),
        ("document_expiry", expiry_field, expiry),
    ):
        if parsed is None:
            errors.append(MrzProblem("line2", "mrz_bad_date", {"value": raw, "field": name}))
    surname, given = _names(line1[5:44])
    sex = {"M": "M", "F": "F"}.get(line2[20], "X")
    result = MrzResult(
        document_type=line1[0:2].replace("<", ""),
        issuing_state=line1[2:5].replace("<", ""),
        surname=surname,
        given_names=given,
        document_number=number_field.replace("<", ""),
        nationality=line2[10:13].replace("<", ""),
        date_of_birth=dob,
        sex=sex,
        document_expiry=expiry,
        personal_number=personal_field.replace("<", ""),
        checks=checks,
    )
    return result, errors
