"""The checks a declaration's values must pass, written once for the chat (Python 3.10) and the API (3.11).

Each check returns an error code (the catalogue's and the API's messages are keyed by it) or None. The
plausibility bounds are ours, not the law's: they catch typing mistakes, not rare real cases.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

# Law 47/2014/QH13 Art. 33(2): the paper declaration reaches the police within 12 hours of the guest's
# arrival, 24 in remote areas.
DEADLINE_HOURS = 12
REMOTE_DEADLINE_HOURS = 24

MAX_AGE_YEARS = 120
ARRIVAL_CLOCK_SKEW = timedelta(minutes=15)
MAX_ARRIVAL_AGE = timedelta(days=365)
MAX_STAY_DAYS = 3650

NAME_PUNCTUATION = frozenset(" '-.,’")
# Unicode's Default_Ignorable_Code_Point characters that are letters or marks (the others are format
# characters, category Cf, checked by category): Hangul fillers print as nothing, so a name made of
# U+3164 looks empty; the others are invisible joiners and variation selectors.
_INVISIBLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
# Marks stacked on one letter: Vietnamese needs two (ệ = e + dot below + circumflex), a few scripts three.
MAX_MARKS_PER_LETTER = 3

PASSPORT_NUMBER = re.compile(r"[A-Z0-9]{5,9}")
OTHER_DOCUMENT_NUMBER = re.compile(r"[A-Z0-9-]{4,20}")
VISA_NUMBER = re.compile(r"[A-Z0-9-]{4,20}")


def deadline_hours(remote_area: bool) -> int:
    return REMOTE_DEADLINE_HOURS if remote_area else DEADLINE_HOURS


def name_problem(name: str) -> str | None:
    """The error code for a guest name that is not one a document could print, or None.

    Letters of any script, each with at most MAX_MARKS_PER_LETTER combining marks, and the punctuation of
    names (space ' - . , ’) after the first letter."""
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
        if not (after_letter or ch in NAME_PUNCTUATION):
            return "name_characters"
    return None


def normalise_document_number(number: str) -> str:
    """Spaces dropped, upper case: 'm 1234 5678' -> 'M12345678'."""
    return re.sub(r"\s+", "", number).upper()


def document_number_problem(number: str, document_type: str = "passport") -> str | None:
    """'passport_format' / 'document_format' when the (normalised) number cannot be one of that type."""
    normalised = normalise_document_number(number)
    if document_type == "passport":
        return None if PASSPORT_NUMBER.fullmatch(normalised) else "passport_format"
    return None if OTHER_DOCUMENT_NUMBER.fullmatch(normalised) else "document_format"


def visa_number_problem(number: str) -> str | None:
    return None if VISA_NUMBER.fullmatch(normalise_document_number(number)) else "visa_format"


def years_between(earlier: date, later: date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


def date_of_birth_problem(dob: date, today: date) -> str | None:
    if dob > today:
        return "dob_future"
    if years_between(dob, today) > MAX_AGE_YEARS:
        return "dob_implausible"
    return None
