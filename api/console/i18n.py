"""The console's language (Vietnamese by default, English by a switch) and Viet Nam formats.

Dates read dd/mm/yyyy and numbers 1.234,5 in both languages (Babel's vi_VN locale), since officers
compare them with Vietnamese paperwork. Sentences come from the catalogue domain "console".
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent
from fastapi import Request

from api.nationality import by_code
from api.timeutil import to_local

CONSOLE_LANGUAGES = ("vi", "en")
DEFAULT = "vi"
LANG_COOKIE = "console_lang"
_LOCALE = "vi_VN"


def request_language(request: Request) -> str:
    """`?lang=` (the switch) wins over the cookie that remembers it; anything else is Vietnamese."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return chosen if chosen in CONSOLE_LANGUAGES else DEFAULT


def number(value: float | int) -> str:
    return format_decimal(value, locale=_LOCALE)


def percent(share: float) -> str:
    return format_percent(share, format="#,##0.#%", locale=_LOCALE)


def day(value: date | None) -> str:
    return "" if value is None else format_date(value, "dd/MM/yyyy", locale=_LOCALE)


def moment(value: datetime | None) -> str:
    """A stored UTC time as Viet Nam local time."""
    return "" if value is None else format_datetime(to_local(value), "dd/MM/yyyy HH:mm", locale=_LOCALE)


def nationality_name(code: str, lang: str) -> str:
    found = by_code(code)
    if found is None:
        return code
    return found.name_vi if lang == "vi" else found.name_en
