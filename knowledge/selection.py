"""Which clause units answer a (topic, facet): in force on the day asked, ranked by what the question says.

Standard library only. Indexes are built once per loaded knowledge base; a question then touches only the
units of its topic and facet, which keeps ask() well under a millisecond.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from knowledge.store import Kb, terms
from knowledge.text import fold

Unit = dict[str, Any]
MIN_TOPIC_SCORE = 2

# Parts of a procedure that are a different paper than the one a question names unless it names them: a
# question about the work permit's validity is not about the exemption certificate's, nor the extension's.
_SUB_PROCEDURES: dict[str, tuple[str, ...]] = {
    "xac nhan khong thuoc dien": (
        "exempt",
        "exemption",
        "not required",
        "khong thuoc dien",
        "mien",
        "免",
        "면제",
    ),
    "cap lai": ("reissue", "re issue", "lost", "damaged", "cap lai", "补发", "재발급"),
    "gia han": ("extend", "extension", "renew", "gia han", "延期", "续签", "연장", "갱신"),
    "thu hoi": ("revoke", "revocation", "withdraw", "thu hoi", "吊销", "취소"),
}


def topic_score(unit: Unit, topic: str) -> int:
    topics = unit.get("topics") or {}
    if isinstance(topics, dict):
        return int(topics.get(topic, 0))
    return MIN_TOPIC_SCORE if topic in topics else 0


def _day(text: Any) -> date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def in_force(kb: Kb, unit: Unit, on: date) -> bool:
    """The unit's rule applies on `on`: within its effective dates and not superseded (drafts are kept for the
    provinces, where they are all there is, and always come with a caveat)."""
    doc = kb.documents.get(unit["doc_id"], {})
    status = unit.get("status") or doc.get("status")
    start = _day(unit.get("effective_from")) or _day(doc.get("effective_from"))
    end = _day(unit.get("effective_to")) or _day(doc.get("effective_to"))
    if start and on < start:
        return False
    if end and on >= end:
        return False
    return status != "superseded" or (end is not None and on < end)


def is_national(unit: Unit) -> bool:
    return unit.get("source") == "national"


@dataclass
class Index:
    """(topic, facet) -> unit positions; each unit's folded terms; the lead-in of points."""

    by_topic_facet: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    unit_terms: dict[int, frozenset[str]] = field(default_factory=dict)
    title_terms: dict[int, frozenset[str]] = field(default_factory=dict)
    by_article: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)

    def parent_of(self, kb: Kb, unit: Unit) -> int | None:
        """The clause unit a point belongs to (its id without the '/diem-x' part), when there is one."""
        if not unit.get("point") or "/" not in unit["id"]:
            return None
        position = self.by_id.get(unit["id"].rsplit("/", 1)[0])
        return position if position is not None and not kb.units[position].get("point") else None


def _topic_names(unit: Unit) -> list[str]:
    topics = unit.get("topics") or {}
    return list(topics) if isinstance(topics, list) else [t for t in topics if topic_score(unit, t) >= 1]


_INDEXES: dict[int, Index] = {}


def index_for(kb: Kb) -> Index:
    cached = _INDEXES.get(id(kb))
    if cached is not None:
        return cached
    index = Index()
    for position, unit in enumerate(kb.units):
        index.by_id[unit["id"]] = position
        index.by_article.setdefault((unit["doc_id"], unit["article"]), []).append(position)
    for position, unit in enumerate(kb.units):
        facets = unit.get("facets") or []
        names = _topic_names(unit)
        parent = index.parent_of(kb, unit)
        if (
            parent is not None
        ):  # a point is about what its clause is about ('Thời hạn của giấy phép...: a) ...')
            names = list(dict.fromkeys([*names, *_topic_names(kb.units[parent])]))
        for topic in names:
            for facet in facets:
                index.by_topic_facet.setdefault((topic, facet), []).append(position)
        index.unit_terms[position] = frozenset(
            terms(" ".join([unit["text"], unit.get("article_title", ""), unit.get("context", "")]))
        )
        index.title_terms[position] = frozenset(terms(unit.get("article_title", "")))
    _INDEXES.clear()
    _INDEXES[id(kb)] = index
    return index


@lru_cache(maxsize=2048)
def _question_terms(expanded: str) -> frozenset[str]:
    return frozenset(terms(expanded))


def title_relevance(kb: Kb, index: Index, position: int, expanded: str) -> float:
    """How well the article's title matches the question (shared rare words over the title's length)."""
    title = index.title_terms[position]
    shared = _question_terms(expanded) & title
    return sum(kb.idf.get(w, 0.0) for w in shared) / math.sqrt(max(len(title), 4))


def relevance(kb: Kb, index: Index, position: int, expanded: str, question: str) -> float:
    """Shared words weighted by rarity, over the square root of the unit's length (short, on-point clauses
    first), plus the same for the article's title; a sub-procedure the question does not name halves it."""
    asked = _question_terms(expanded)
    words = index.unit_terms[position]
    score = sum(kb.idf.get(w, 0.0) for w in asked & words) / math.sqrt(max(len(words), 4))
    # The article's title says what the whole article is about ('Hồ sơ đề nghị cấp giấy phép lao động').
    score += title_relevance(kb, index, position, expanded)
    unit = kb.units[position]
    heading = fold(unit.get("article_title", "") + " " + unit.get("context", ""))
    lowered = question.lower()
    for phrase, cues in _SUB_PROCEDURES.items():
        if phrase in heading and not any(cue in lowered or cue in fold(question) for cue in cues):
            score *= 0.5
    return score


def candidates(kb: Kb, topic: str, facet: str) -> list[int]:
    return index_for(kb).by_topic_facet.get((topic, facet), [])
