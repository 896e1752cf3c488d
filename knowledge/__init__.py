"""Knowledge base generated from the provincial decrees and national laws: ask(), province names, search.

Everything here outside `knowledge.builder` is standard library only and imports on Python 3.10 and 3.11.
The artifact (knowledge/data/kb.json) is loaded lazily, once, on the first ask(), answer() or search().
ask() answers the question asked (kb contract); answer()/render_answer() remain for the dialogue until it moves.
"""

from __future__ import annotations

from knowledge.answers import answer
from knowledge.compose import ask, not_covered_text
from knowledge.errors import KnowledgeError, UnknownFacetError, UnknownRoleError, UnknownTopicError
from knowledge.facets import FACETS, NAMING_WEIGHT, detect_facet, detect_topic, named_topics
from knowledge.model import AgencyRef, Answer, Citation, Hit, Reply, StatedValue
from knowledge.provinces import (
    Province,
    all_provinces,
    find_province_in_text,
    resolve_area,
    resolve_province,
)
from knowledge.render import render_answer, render_hit, render_quote, render_reply
from knowledge.search import search
from knowledge.templates import ROLES, TOPICS

__all__ = [
    "FACETS",
    "NAMING_WEIGHT",
    "ROLES",
    "TOPICS",
    "AgencyRef",
    "Answer",
    "Citation",
    "Hit",
    "KnowledgeError",
    "Province",
    "Reply",
    "StatedValue",
    "UnknownFacetError",
    "UnknownRoleError",
    "UnknownTopicError",
    "all_provinces",
    "answer",
    "ask",
    "detect_facet",
    "detect_topic",
    "find_province_in_text",
    "named_topics",
    "not_covered_text",
    "render_answer",
    "render_hit",
    "render_quote",
    "render_reply",
    "resolve_area",
    "resolve_province",
    "search",
]
