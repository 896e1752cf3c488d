"""Terms the law sets by another paper's term, not by a number: said when the question names that paper.

Standard library only. 'Thời hạn của hợp đồng lao động … không được vượt quá thời hạn của Giấy phép lao động'
(Labour Code Art. 151 k2) answers whether a foreign worker's labour contract can be open-ended; 'Thời hạn thẻ
tạm trú được cấp ngắn hơn thời hạn còn lại của hộ chiếu ít nhất 30 ngày' (Law 47/2014 Art. 38 k1) answers
whether a card's term depends on the passport; Decree 219/2025 Art. 26 what a re-issued permit runs for. Such a
clause states no term of its own, so the value facet passes it over for a clause with a number ('tối đa là 02
năm'), which answers another question.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge.cues import folded_question
from knowledge.draft import Draft
from knowledge.model import StatedValue
from knowledge.ranking import ranked_clauses
from knowledge.selection import Unit
from knowledge.store import Kb
from knowledge.text import fold
from knowledge.wording import facet_sentence

# The sentence that bounds one term by another ('… không được vượt quá thời hạn của …', '… ngắn hơn thời hạn
# còn lại của … ít nhất 30 ngày', 'Thời hạn thị thực ngắn hơn thời hạn hộ chiếu … ít nhất 30 ngày', a re-issued
# permit's 'bằng thời hạn của giấy phép lao động đã được cấp trừ đi thời gian … đã làm việc').
_BOUND = re.compile(
    r"[^.;:]*(?:không được vượt quá thời hạn của|ngắn hơn thời hạn (?:còn lại của )?|trừ đi thời gian)[^.;:]*"
)
# Papers a bound can name, as the law writes them (folded) and as people ask about them (folded en/vi, raw zh/ko).
_PAPERS: tuple[tuple[str, str, str], ...] = (
    (
        "hop dong lao dong",
        r"\b(labou?r contracts?|employment contracts?|contracts?|hop dong( lao dong)?)\b",
        r"劳动合同|勞動合同|合同|근로\s*계약|계약",
    ),
    ("ho chieu", r"\b(passports?|ho chieu)\b", r"护照|護照|여권"),
    ("cap lai", r"\b(re ?issu\w*|cap lai)\b", r"重新签发|重新簽發|补发|補發|재발급"),
)
_COMPILED = tuple((law, re.compile(folded), re.compile(raw)) for law, folded, raw in _PAPERS)
MAX_CHARS = 320  # a bound said with what follows it in its clause, within this length


# The question asks a term ('how long', 'indefinite-term', 'does it depend on', 'longer than the passport', 'a
# 2-year card'), not what ends the paper.
_ASKS_TERM = re.compile(
    r"\b(how long|terms?|indefinite\w*|valid\w*|depend\w*|duration|thoi han|bao lau|phu thuoc|vo thoi han|"
    r"longer|dai hon|vuot qua|\d+ ?(years?|months?|nam|thang))\b"
)
_ASKS_TERM_RAW = re.compile(r"期限|多久|多长|有效期|기간|유효|얼마|更长|超过|더\s*길|\d+\s*(年|个月|년|개월)")


def _papers_named(text: str) -> frozenset[str]:
    """The law's words for the papers the question names ('indefinite-term labor contract' -> hợp đồng lao động)."""
    folded = folded_question(text)
    return frozenset(
        law for law, on_folded, on_raw in _COMPILED if on_folded.search(folded) or on_raw.search(text)
    )


def bound_of(unit: Unit, papers: frozenset[str]) -> str | None:
    """The clause's sentence bounding a term by another, when it names a paper in `papers`, with the clause's
    sentences after it (they say what the bound allows: 'giao kết nhiều lần hợp đồng lao động xác định thời
    hạn') when short enough to say."""
    match = _BOUND.search(unit["text"])
    if match is None or not any(paper in fold(match.group(0)) for paper in papers):
        return None
    rest = unit["text"][match.start() :].strip().rstrip(".")
    return rest if len(rest) <= MAX_CHARS else match.group(0).strip()


def compose_bound(kb: Kb, draft: Draft, topic: str, question: str, text: str, on: date) -> bool:
    """Say the bound first when the question names a paper a validity clause bounds its term by; True if said."""
    papers = _papers_named(text)
    folded = folded_question(text)
    if not papers or not (_ASKS_TERM.search(folded) or _ASKS_TERM_RAW.search(text)):
        return False
    ranked = ranked_clauses(kb, topic, "validity", question, text, on)
    if not ranked:
        return False
    for _score, unit in ranked:  # the topic's validity clauses; the paper named is what picks the one
        sentence = bound_of(unit, papers)
        if sentence is None:
            continue
        position, cite = draft.cite(unit)
        shown = f"“{sentence}”"
        if draft.say(facet_sentence("validity", draft.lang, values=shown, cite=cite)):
            draft.values.append(StatedValue("rule", sentence, shown, position))
            return True
    return False
