"""Checks that compare fields or need the clock: dates in order and plausible, document valid on arrival,
nationality code, name characters, document number format. Each returns FieldErrors, never raises."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from api.errors import FieldError
from api.nationality import by_code, search_nationalities
from api.schemas import DeclarationCreate, DocumentType
from api.timeutil import local_date, to_utc

# Plausibility bounds (ours, not the law's): they catch typing mistakes, not rare real cases.
MAX_AGE_YEARS = 120
ARRIVAL_CLOCK_SKEW = timedelta(minutes=15)
MAX_ARRIVAL_AGE_DAYS = 365
MAX_STAY_DAYS = 3650

_NAME_PUNCTUATION = frozenset(" '-.,’")
_PASSPORT = re.compile(r"^[A-Z0-9]{5,9}$")
_OTHER_DOCUMENT = re.compile(r"^[A-Z0-9-]{4,20}$")
_VISA = re.compile(r"^[A-Z0-9-]{4,20}$")
_PHONE = re.compile(r"^\+?[0-9]{8,15}$")


@dataclass(frozen=True)
class Timing:
    """Deadline and lateness of a declaration (Law 47/2014/QH13 Art. 33: 12 hours, 24 in remote areas)."""

    arrival_at: datetime
    deadline_at: datetime
    deadline_hours: int
    late: bool
    hours_after_arrival: float


def timing(arrival_at: datetime, declared_at: datetime, remote_area: bool) -> Timing:
    hours = 24 if remote_area else 12
    arrival = to_utc(arrival_at)
    deadline = arrival + timedelta(hours=hours)
    return Timing(
        arrival_at=arrival,
        deadline_at=deadline,
        deadline_hours=hours,
        late=declared_at > deadline,
        hours_after_arrival=round((declared_at - arrival).total_seconds() / 3600, 2),
    )


def normalise_document_number(number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


def normalise_phone(phone: str) -> str:
    return re.sub(r"[\s().-]+", "", phone)


def phone_errors(phone: str, loc: tuple[str | int, ...]) -> list[FieldError]:
    return [] if _PHONE.match(normalise_phone(phone)) else [FieldError(loc, "phone_format")]


# Unicode's Default_Ignorable_Code_Point characters that are letters or marks (the others are format
# characters, category Cf, checked by category): Hangul fillers print as nothing, so a name made of
# U+3164 looks empty; the others are invisible joiners and variation selectors.
_INVISIBLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
# Marks stacked on one letter: Vietnamese needs two (ệ = e + dot below + circumflex), a few scripts three.
MAX_MARKS_PER_LETTER = 3


def name_problem(name: str) -> str | None:
    """The error code for a guest name that is not one a document could print, or None.

    Letters of any script, each with at most MAX_MARKS_PER_LETTER combining marks, and the punctuation of
    names (space ' - . ,) after the first letter. The chat's validator (actions/declare/forms.py) applies
    the same rule; it cannot import this package (Python 3.10 environment)."""
    if _INVISIBLE.search(name) or any(unicodedata.category(ch) == "Cf" for ch in name):
        return "name_invisible"
    decomposed = unicodedata.normalize("NFD", name)
    if not decomposed or not unicodedata.category(decomposed[0]).startswith("L"):
        return "name_start"
    marks, after_letter = 0, False
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category.startswith("M"):
            marks += 1
            if not after_letter:  # a lone accent on a space or a hyphen
                return "name_characters"
            if marks > MAX_MARKS_PER_LETTER:
                return "name_marks"
            continue
        marks, after_letter = 0, category.startswith("L")
        if not (after_letter or ch in _NAME_PUNCTUATION):
            return "name_characters"
    return None


def nationality_error(value: str, loc: tuple[str | int, ...]) -> FieldError | None:
    if by_code(value) is not None:
        return None
    guesses = search_nationalities(value, limit=3)
    codes = ", ".join(n.code for n in guesses)
    return FieldError(
        loc,
        "nationality_unknown",
        {
            "value": value,
            "suggestion": f" Did you mean {codes}?" if codes else "",
            "suggestion_vi": f" Có phải là {codes}?" if codes else "",
        },
    )


def declaration_errors(
    data: DeclarationCreate, now: datetime, loc: tuple[str | int, ...]
) -> list[FieldError]:
    """All problems of one record, each with its field path under `loc` (e.g. ("body",))."""
    guest_loc = (*loc, "guest")
    errors: list[FieldError] = []
    guest = data.guest
    today = local_date(now)
    arrival = to_utc(data.arrival_at)
    arrival_day = local_date(arrival)

    problem = name_problem(guest.full_name)
    if problem:
        errors.append(FieldError((*guest_loc, "full_name"), problem, {"max_marks": MAX_MARKS_PER_LETTER}))
    nationality = nationality_error(guest.nationality, (*guest_loc, "nationality"))
    if nationality:
        errors.append(nationality)
    errors += _document_errors(guest.document_type, guest.document_number, guest.visa_number, guest_loc)

    if arrival > now + ARRIVAL_CLOCK_SKEW:
        errors.append(FieldError((*loc, "arrival_at"), "arrival_future"))
    elif arrival < now - timedelta(days=MAX_ARRIVAL_AGE_DAYS):
        errors.append(FieldError((*loc, "arrival_at"), "arrival_too_old", {"days": MAX_ARRIVAL_AGE_DAYS}))

    dob = guest.date_of_birth
    if dob > today:
        errors.append(FieldError((*guest_loc, "date_of_birth"), "dob_future"))
    elif _years_between(dob, today) > MAX_AGE_YEARS:
        errors.append(
            FieldError((*guest_loc, "date_of_birth"), "dob_implausible", {"max_age": MAX_AGE_YEARS})
        )
    elif dob > arrival_day:
        errors.append(FieldError((*guest_loc, "date_of_birth"), "dob_after_arrival"))

    if guest.document_expiry < arrival_day:
        errors.append(
            FieldError(
                (*guest_loc, "document_expiry"),
                "document_expired",
                {"expiry": guest.document_expiry.isoformat(), "arrival": arrival_day.isoformat()},
            )
        )
    if data.stay_until < arrival_day:
        errors.append(FieldError((*loc, "stay_until"), "stay_before_arrival"))
    elif (data.stay_until - arrival_day).days > MAX_STAY_DAYS:
        errors.append(FieldError((*loc, "stay_until"), "stay_too_long", {"days": MAX_STAY_DAYS}))

    if guest.entry_date is not None:
        if guest.entry_date > arrival_day:
            errors.append(FieldError((*guest_loc, "entry_date"), "entry_after_arrival"))
        elif guest.entry_date < dob:
            errors.append(FieldError((*guest_loc, "entry_date"), "entry_before_birth"))
    return errors


def _document_errors(
    document_type: DocumentType, number: str, visa: str | None, guest_loc: tuple[str | int, ...]
) -> list[FieldError]:
    errors: list[FieldError] = []
    normalised = normalise_document_number(number)
    if document_type is DocumentType.passport:
        if not _PASSPORT.match(normalised):
            errors.append(FieldError((*guest_loc, "document_number"), "passport_format"))
    elif not _OTHER_DOCUMENT.match(normalised):
        errors.append(FieldError((*guest_loc, "document_number"), "document_format"))
    if visa and not _VISA.match(normalise_document_number(visa)):
        errors.append(FieldError((*guest_loc, "visa_number"), "visa_format"))
    return errors


def _years_between(earlier: date, later: date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years
