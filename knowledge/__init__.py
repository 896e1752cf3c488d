"""Knowledge base generated from the provincial decrees: province names, answers and search.

Everything here outside `knowledge.builder` is standard library only and imports on Python 3.10 and 3.11.
"""

from __future__ import annotations

from knowledge.provinces import (
    Province,
    all_provinces,
    find_province_in_text,
    resolve_area,
    resolve_province,
)

__all__ = [
    "Province",
    "all_provinces",
    "find_province_in_text",
    "resolve_area",
    "resolve_province",
]
