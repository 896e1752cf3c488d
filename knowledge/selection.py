"""Which clause units answer a (topic, facet): in force on the day asked, ranked by what the question says.

Standard library only. Indexes are built once per loaded knowledge base; a question then touches only the
units of its topic and facet, which keeps ask() well under a millisecond.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from knowledge.cues import CHANGE_OF_EMPLOYER, CHANGE_OF_PLACE, CHANGE_OF_POSITION
from knowledge.facets import detect_topic
from knowledge.store import Kb, terms
from knowledge.text import fold

Unit = dict[str, Any]
MIN_TOPIC_SCORE = 2

# Parts of a procedure that are a different paper than the one a question names unless it names them: a
# question about the work permit's validity is not about the exemption certificate's, nor the extension's.
# Articles on a text's own scope, entry into force or transition answer no practical question.
_BOILERPLATE = re.compile(
    r"(pham vi dieu chinh|doi tuong ap dung|hieu luc thi hanh|trach nhiem thi hanh|quy dinh chuyen tiep|"
    r"dieu khoan chuyen tiep|to chuc thuc hien)"
)
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
    # A paper lost or damaged is issued again (Decree 219/2025 Art. 23 k1, Art. 11 k1).
    "cap lai": (
        "reissu",
        "re issu",
        "lost",
        " lose",
        " losing",
        "damaged",
        "cap lai",
        "bi mat",
        "lam mat",
        "mat giay",  # 'mất giấy phép lao động': lost
        "hu hong",
        "补发",
        "补办",
        "補發",
        "丢失",
        "丟失",
        "遗失",
        "遺失",
        "损坏",
        "재발급",
        "분실",
    ),
    "gia han": (
        "extend",
        "extension",
        "renew",
        "gia han",
        "延期",
        "续签",
        "續簽",
        "续期",
        "續期",
        "延长",
        "延長",
        "연장",
        "갱신",
    ),
    # Handing the permit back is the revocation's own step (Decree 219/2025 Art. 31 k1: returned within 15 days).
    "thu hoi": (
        "revoke",
        "revocation",
        "withdraw",
        "thu hoi",
        "吊销",
        "취소",
        "return the",
        "return it",
        "return his",
        "return her",
        "return my",
        "hand back",
        "hand it back",
        "hand in",
        "nop lai",
        "tra lai",
        "交回",
        "上交",
        "归还",
        "반납",
    ),
}


def topic_score(unit: Unit, topic: str) -> int:
    topics = unit.get("topics") or {}
    if isinstance(topics, dict):
        return int(topics.get(topic, 0))
    return MIN_TOPIC_SCORE if topic in topics else 0


def _day(text: Any) -> date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    return _iso_day(text[:10])


@lru_cache(maxsize=1024)
def _iso_day(text: str) -> date | None:
    """'2026-07-01' -> date (a few hundred distinct dates, read for every clause a question weighs)."""
    try:
        return date.fromisoformat(text)
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
    by_facet: dict[str, list[int]] = field(default_factory=dict)
    by_doc: dict[str, list[int]] = field(default_factory=dict)
    sub_named: dict[int, tuple[str, ...]] = field(default_factory=dict)  # sub-procedures its heading names
    boilerplate: dict[int, bool] = field(default_factory=dict)  # scope, entry into force, transitional
    sub_all: dict[int, frozenset[str]] = field(default_factory=dict)  # every sub-procedure its heading names
    weights: dict[int, dict[str, float]] = field(default_factory=dict)
    by_id: dict[str, int] = field(default_factory=dict)

    def parent_of(self, kb: Kb, unit: Unit) -> int | None:
        """The clause unit a point belongs to (its id without the '/diem-x' part), when there is one."""
        if not unit.get("point") or "/" not in unit["id"]:
            return None
        position = self.by_id.get(unit["id"].rsplit("/", 1)[0])
        return position if position is not None and not kb.units[position].get("point") else None


@lru_cache(maxsize=1024)
def title_topic(title: str) -> str | None:
    """The topic an article's title names ('Điều kiện cấp thị thực' -> visa), if any."""
    return detect_topic(title) if title else None


def _topic_names(unit: Unit) -> list[str]:
    topics = unit.get("topics") or {}
    return list(topics) if isinstance(topics, list) else [t for t in topics if topic_score(unit, t) >= 1]


_INDEXES: dict[int, Index] = {}
# An article titled by the cases of entry, exit, residence or reissue it lists ('Các trường hợp chưa cho nhập
# cảnh', Law 47/2014 Art. 21; '... bị tạm hoãn xuất cảnh', Art. 28; 'Các trường hợp cấp lại giấy phép lao động',
# Decree 219/2025 Art. 23), or a clause leading such a list ('Người nước ngoài được cấp thị thực tại cửa khẩu quốc
# tế trong các trường hợp sau đây:', Art. 18): each case says who may or may not enter, leave, reside or get the
# paper, whatever words the builder tagged it by.
_ENTRY_WORDS = r"(nhap canh|xuat canh|thuong tru|tam tru|cu tru|cap lai|thi thuc)"
_ENTRY_CASES_TITLE = re.compile(rf"^(cac )?truong hop\b.*\b{_ENTRY_WORDS}\b")
_ENTRY_CASES_LEAD = re.compile(rf"\b{_ENTRY_WORDS}\b.*\bcac truong hop sau\b")


def lists_entry_cases(unit: Unit) -> bool:
    lead = unit.get("context") or unit.get("text") or ""
    return bool(
        _ENTRY_CASES_TITLE.match(fold(unit.get("article_title") or ""))
        or _ENTRY_CASES_LEAD.search(fold(lead))
    )


_PENALTY_TEXT = "xu phat"  # a penalty decree is about many acts of many topics, never one paper


def _document_topic(kb: Kb, doc_id: str) -> list[str]:
    """The topic a national text's title names ('Nghị định quy định về người lao động nước ngoài làm việc tại
    Việt Nam' -> work permits), if it is not a penalty decree."""
    doc = kb.documents.get(doc_id) or {}
    title = str(doc.get("title_vi") or "")
    if doc.get("source") != "national" or _PENALTY_TEXT in fold(title):
        return []
    topic = title_topic(title)
    return [topic] if topic else []


def index_for(kb: Kb) -> Index:
    cached = _INDEXES.get(id(kb))
    if cached is not None:
        return cached
    index = Index()
    for position, unit in enumerate(kb.units):
        index.by_id[unit["id"]] = position
        index.by_article.setdefault((unit["doc_id"], unit["article"]), []).append(position)
        index.by_doc.setdefault(unit["doc_id"], []).append(position)
    for position, unit in enumerate(kb.units):
        facets = unit.get("facets") or []
        if lists_entry_cases(unit) and "eligibility" not in facets:
            facets = [*facets, "eligibility"]  # each case of 'Các trường hợp bị tạm hoãn xuất cảnh' says who
        names = _topic_names(unit)
        parent = index.parent_of(kb, unit)
        # A point is about what its clause is about ('Thời hạn của giấy phép...: a) ...'), and a clause about
        # what its article's title names ('Điều 154. Người lao động nước ngoài không thuộc diện cấp giấy phép
        # lao động': each of its khoản is about work permits).
        if parent is not None:
            names = list(dict.fromkeys([*names, *_topic_names(kb.units[parent])]))
        titled = title_topic(unit.get("article_title") or "")
        if titled and titled not in names:
            names.append(titled)
        if not names:
            # A clause of a national text about one paper is about that paper even where it does not name it
            # (Decree 219/2025 Art. 3: who counts as an expert or a technical worker).
            names = _document_topic(kb, unit["doc_id"])
        for topic in names:
            for facet in facets:
                index.by_topic_facet.setdefault((topic, facet), []).append(position)
        index.unit_terms[position] = frozenset(
            terms(" ".join([unit["text"], unit.get("article_title", ""), unit.get("context", "")]))
        )
        index.title_terms[position] = frozenset(terms(unit.get("article_title", "")))
        heading = fold(unit.get("article_title", "") + " " + unit.get("context", ""))
        index.boilerplate[position] = bool(_BOILERPLATE.match(fold(unit.get("article_title", ""))))
        named = tuple(phrase for phrase in _SUB_PROCEDURES if phrase in heading)
        # A title naming them all ('cấp, cấp lại, gia hạn, thu hồi') is about them all: no sub-procedure.
        index.sub_named[position] = named if len(named) < 3 else ()
        index.sub_all[position] = frozenset(named)
        for facet in facets:
            index.by_facet.setdefault(facet, []).append(position)
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


@lru_cache(maxsize=2048)
def _said(question: str, expanded: str) -> str:
    return f"{question.lower()} {fold(question)} {expanded}"


def _weights(kb: Kb, index: Index, position: int) -> dict[str, float]:
    """Each term's share of the unit's relevance: its rarity over the square root of the unit's length (short,
    on-point clauses first), plus the same over the article's title (the title says what the whole article is
    about: 'Hồ sơ đề nghị cấp giấy phép lao động'). Computed once per unit."""
    found = index.weights.get(position)
    if found is None:
        words, title = index.unit_terms[position], index.title_terms[position]
        body, head = math.sqrt(max(len(words), 4)), math.sqrt(max(len(title), 4))
        found = index.weights[position] = {
            w: kb.idf.get(w, 0.0) / body + (kb.idf.get(w, 0.0) / head if w in title else 0.0) for w in words
        }
    return found


@lru_cache(maxsize=4096)
def asked_subs(question: str, expanded: str) -> frozenset[str]:
    """The sub-procedures the question names (extension, reissue, revocation, exemption certificate)."""
    said = _said(question, expanded)
    return frozenset(
        phrase
        for phrase, cues in _SUB_PROCEDURES.items()
        if any(cue in said for cue in cues) and not _reissue_for_a_change(phrase, question)
    )


# A new employer, job or workplace is a new permit (Decree 219/2025 Art. 20), not one of the re-issue cases (Art. 23:
# lost, damaged, a changed name, nationality or passport) however the asker words it ('có cần cấp lại không?').
_A_CHANGE = re.compile(
    "|".join(folded for folded, _raw in (CHANGE_OF_EMPLOYER, CHANGE_OF_POSITION, CHANGE_OF_PLACE))
)
_A_CHANGE_RAW = re.compile(
    "|".join(raw for _folded, raw in (CHANGE_OF_EMPLOYER, CHANGE_OF_POSITION, CHANGE_OF_PLACE))
)


def _reissue_for_a_change(phrase: str, question: str) -> bool:
    return phrase == "cap lai" and bool(_A_CHANGE.search(fold(question)) or _A_CHANGE_RAW.search(question))


# A question written with Vietnamese marks names a sub-procedure only with its marks: 'chuyên gia Hàn Quốc'
# (Korean experts) folds to '... gia han ...' but asks nothing about an extension ('gia hạn').
_MARKED_CUES: dict[str, str] = {
    "gia han": "gia hạn",
    "cap lai": "cấp lại",
    "thu hoi": "thu hồi",
    "khong thuoc dien": "không thuộc diện",
    "mien": "miễn",
}


@lru_cache(maxsize=4096)
def _unasked(named: tuple[str, ...], question: str, expanded: str) -> bool:
    said = _said(question, expanded)
    marked = fold(question) != question.lower()
    lowered = question.lower()

    def names(cue: str) -> bool:
        if marked and cue in _MARKED_CUES:
            return _MARKED_CUES[cue] in lowered
        return cue in said

    return not all(
        any(names(cue) for cue in _SUB_PROCEDURES[phrase]) and not _reissue_for_a_change(phrase, question)
        for phrase in named
    )


def relevance(kb: Kb, index: Index, position: int, expanded: str, question: str) -> float:
    """Shared words weighted by rarity (see _weights); a sub-procedure the question does not name (extension,
    reissue, revocation, exemption certificate) cuts it to about a third."""
    weights = _weights(kb, index, position)
    score = sum(weights[w] for w in weights.keys() & _question_terms(expanded))
    if unasked_sub(index, position, question, expanded):
        score *= UNASKED_SUB
    return score


UNASKED_SUB = 0.35


def unasked_sub(index: Index, position: int, question: str, expanded: str) -> bool:
    """The clause's article is about a sub-procedure the question does not name."""
    named = index.sub_named[position]
    return bool(named) and _unasked(named, question, expanded)


_LOCAL: dict[tuple[int, tuple[int, ...]], dict[str, list[tuple[int, float]]]] = {}


def _local_postings(kb: Kb, index: Index, positions: tuple[int, ...]) -> dict[str, list[tuple[int, float]]]:
    """term -> [(unit, weight)] over one candidate set (one kind of question), built once."""
    key = (id(kb), positions)
    found = _LOCAL.get(key)
    if found is None:
        if len(_LOCAL) > 2048:
            _LOCAL.clear()
        found = {}
        for position in positions:
            for term, weight in _weights(kb, index, position).items():
                if weight:
                    found.setdefault(term, []).append((position, weight))
        _LOCAL[key] = found
    return found


def relevance_all(kb: Kb, positions: tuple[int, ...], expanded: str, question: str) -> dict[int, float]:
    """relevance() of the units of a candidate set that share a word with the question (others score 0),
    term by term: a question touches only the postings of its own words."""
    index = index_for(kb)
    postings = _local_postings(kb, index, positions)
    scores: defaultdict[int, float] = defaultdict(float)
    for term in _question_terms(expanded):
        for position, weight in postings.get(term, ()):
            scores[position] += weight
    asked = asked_subs(question, expanded)
    for position, score in scores.items():  # only the units the question touched
        named = index.sub_named[position]
        if named and _unasked(named, question, expanded):
            score *= 0.35
        elif asked and not asked & index.sub_all[position]:
            score *= 0.5  # 'extending a work permit': the extension's articles before the first issue's
        if index.boilerplate[position]:
            score *= 0.3
        scores[position] = score
    return scores


def off_the_asked_sub(kb: Kb, first: Unit, unit: Unit, question: str, expanded: str) -> bool:
    """The question names a sub-procedure (an extension) that the first clause's article is about, and this
    clause's article is not about it: the visa's first issue or a change of its purpose (Law 47/2014 Art. 15,
    Art. 7) is not how a stay is extended (Art. 35)."""
    asked = asked_subs(question, expanded)
    index = index_for(kb)
    about = index.sub_all[index.by_id[first["id"]]] & asked
    return bool(about) and not index.sub_all[index.by_id[unit["id"]]] & asked


def candidates(kb: Kb, topic: str, facet: str) -> list[int]:
    return index_for(kb).by_topic_facet.get((topic, facet), [])
