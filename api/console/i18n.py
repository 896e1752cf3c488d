"""The console's language (Vietnamese by default, English by a switch) and Viet Nam formats.

Dates read dd/mm/yyyy and numbers 1.234,5 in both languages (the vi_VN conventions, checked against
Babel's in the tests), since officers compare them with Vietnamese paperwork. Sentences come from the catalogue domain "console".
"""

from __future__ import annotations

from datetime import date, datetime

from fastapi import Request

from api.timeutil import to_local
from declaration_spec.nationality import by_code

CONSOLE_LANGUAGES = ("vi", "en")
DEFAULT = "vi"
LANG_COOKIE = "console_lang"


def request_language(request: Request) -> str:
    """`?lang=` (the switch) wins over the cookie that remembers it; anything else is Vietnamese."""
    chosen = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE)
    return chosen if chosen in CONSOLE_LANGUAGES else DEFAULT


def number(value: float | int) -> str:
    """1234567 -> '1.234.567', 1234.5 -> '1.234,5' (Viet Nam: '.' groups thousands, ',' marks decimals).

    Written out rather than through Babel's format_decimal, which costs ~30 µs a call: a report page
    formats hundreds of numbers. tests/console/test_formats.py checks both agree."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    whole, _, fraction = f"{value:,.3f}".rstrip("0").rstrip(".").partition(".")
    grouped = whole.replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def percent(share: float) -> str:
    """0.256 -> '25,6%' (one decimal at most, as Babel's '#,##0.#%' in vi_VN)."""
    return number(round(share * 100, 1)) + "%"


def day(value: date | None) -> str:
    """dd/mm/yyyy, the order of Vietnamese forms (Babel's vi_VN 'dd/MM/yyyy')."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def moment(value: datetime | None) -> str:
    """A stored UTC time as Viet Nam local time, dd/mm/yyyy HH:MM."""
    return "" if value is None else to_local(value).strftime("%d/%m/%Y %H:%M")


def nationality_name(code: str, lang: str) -> str:
    found = by_code(code)
    if found is None:
        return code
    return found.name_vi if lang == "vi" else found.name_en
