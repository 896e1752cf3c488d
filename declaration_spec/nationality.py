"""Nationality codes (ISO 3166-1 alpha-3 plus the ICAO Doc 9303 extras) and names in English and Vietnamese.

The table is data (`data/nationalities.csv`: code;name_en;name_vi;aliases separated by |).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.text import fold

_DATA = Path(__file__).with_name("data") / "nationalities.csv"


@dataclass(frozen=True)
class Nationality:
    code: str
    name_en: str
    name_vi: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def all_nationalities() -> tuple[Nationality, ...]:
    with _DATA.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        return tuple(
            Nationality(
                code=row["code"],
                name_en=row["name_en"],
                name_vi=row["name_vi"],
                aliases=tuple(a for a in (row["aliases"] or "").split("|") if a),
            )
            for row in rows
        )


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Nationality]:
    return {n.code: n for n in all_nationalities()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Nationality]:
    """Folded name or alias -> nationality. Where two share a name, the ISO entry (3 letters) wins."""
    names: dict[str, Nationality] = {}
    for nationality in sorted(all_nationalities(), key=lambda n: len(n.code) == 3, reverse=True):
        for name in (nationality.name_en, nationality.name_vi, *nationality.aliases):
            names.setdefault(fold(name), nationality)
    return names


def by_code(code: str) -> Nationality | None:
    """Exact code lookup ('KOR', 'D', 'XXA'); case-insensitive."""
    return _by_code().get(code.strip().upper())


def is_valid_code(code: str) -> bool:
    return by_code(code) is not None


def resolve_nationality(text: str) -> Nationality | None:
    """'Korea', 'Hàn Quốc', 'kor', 'German', 'Đức' -> one nationality; None when unknown."""
    cleaned = text.strip()
    if not cleaned:
        return None
    hit = by_code(cleaned)
    if hit is not None and (len(cleaned) == 3 or cleaned.upper() == cleaned):
        return hit
    return _by_name().get(fold(cleaned)) or hit


def search_nationalities(text: str, limit: int = 10) -> list[Nationality]:
    """Best matches first: exact code or name, then names that start with, then contain the query."""
    query = fold(text)
    if not query:
        return []
    exact = resolve_nationality(text)
    found: list[Nationality] = [exact] if exact else []
    starts: list[Nationality] = []
    contains: list[Nationality] = []
    for nationality in all_nationalities():
        if nationality in found:
            continue
        names = [fold(n) for n in (nationality.name_en, nationality.name_vi, *nationality.aliases)]
        if any(name.startswith(query) for name in names):
            starts.append(nationality)
        elif any(query in name for name in names):
            contains.append(nationality)
    return (found + starts + contains)[:limit]
