"""Knowledge base generated from the provincial decrees: province names, answers and search.

Everything here outside `knowledge.builder` is standard library only and imports on Python 3.10 and 3.11.
The artifact (knowledge/data/kb.json) is loaded lazily, once, on the first answer() or search().
"""

from __future__ import annotations

from knowledge.answers import answer
from knowledge.errors import KnowledgeError, UnknownRoleError, UnknownTopicError
from knowledge.model import AgencyRef, Answer, Citation, Hit
from knowledge.provinces import (
    Province,
    all_provinces,
    find_province_in_text,
    resolve_area,
    resolve_province,
)
from knowledge.render import render_answer, render_hit, render_quote
from knowledge.search import search
from knowledge.templates import ROLES, TOPICS

__all__ = [
    "ROLES",
    "TOPICS",
    "AgencyRef",
    "Answer",
    "Citation",
    "Hit",
    "KnowledgeError",
    "Province",
    "UnknownRoleError",
    "UnknownTopicError",
    "all_provinces",
    "answer",
    "find_province_in_text",
    "render_answer",
    "render_hit",
    "render_quote",
    "resolve_area",
    "resolve_province",
    "search",
]
