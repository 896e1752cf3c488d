"""'What visa do I need to invest?': the visa symbols the law sets by purpose (Law 47/2014 Art. 8 as amended,
'ĐT1 - Cấp cho nhà đầu tư nước ngoài …'), picked by the question's own words, said before whatever else the
question asks, with the paper that proves that purpose (Art. 10 k4: an investor proves the investment; a worker
has a work permit). Standard library only; worded like a symbol's definition (knowledge/definitions.py)."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

from catalog import translator
from knowledge.cues import folded_question
from knowledge.definitions import defining_clauses, say_symbol
from knowledge.draft import Draft
from knowledge.search import expand_query
from knowledge.selection import Unit, in_force, is_national
from knowledge.store import Kb, get_kb, terms

_t = translator("knowledge")

# 'what/which visa', 'loại thị thực nào', 'thị thực ký hiệu gì', '什么签证', '어떤 비자': which visa is asked. A
# visa named by its purpose ('an investor visa') asks something else about it (its term, its papers).
_ASKS_WHICH = re.compile(
    r"\b((what|which) (kind |type |sort )?(of )?visas?|visa (type|category|symbol)s?|"
    r"(loai|ky hieu) thi thuc (nao|gi)|thi thuc (loai )?(gi|nao)|thi thuc ky hieu (gi|nao)|visa (gi|nao|loai nao))\b"
)
_ASKS_WHICH_RAW = re.compile(
    r"什么签证|哪种签证|哪类签证|什麼簽證|哪種簽證|签证类型|어떤\s*비자|무슨\s*비자|어느\s*비자|비자\s*종류"
)
# A visa named by its purpose ('an investor visa', 'work visa', 'thị thực đầu tư'): its symbols are the ones asked.
_NAMES_PURPOSE = re.compile(
    r"\b((investor|investment|work|working|business|student|study|family|spouse|marriage|teaching|journalist|"
    r"lawyer|volunteer|intern\w*|tourist|tourism) visas?|thi thuc (dau tu|lao dong|hoc tap|tham than|du lich))\b"
)
_GETTING_FACETS = frozenset({"documents", "procedure", "eligibility"})
# The words for the paper itself, which name no purpose ('được cấp thị thực ký hiệu ...' in TT's clause).
_PAPER_WORDS = frozenset(terms("visa thị thực ký hiệu cấp"))
NEAR = 0.8  # symbols of one purpose graded by another measure (ĐT1-ĐT4 by capital) match about as well
MAX_SYMBOLS = 3
# The clause listing the papers that prove a purpose ('Các trường hợp sau đây đề nghị cấp thị thực phải có giấy
# tờ chứng minh mục đích nhập cảnh:'): an investor proves the investment, a worker has a work permit.
_PROOF_LEAD = re.compile(r"phải có giấy tờ chứng minh mục đích nhập cảnh")
MIN_EVIDENCE = 2.0  # at least one word few symbols' clauses use (log of about 7 clauses to 1)
# A proof (one of a few points) is said when its words match and clearly better than the next point's.
MIN_PROOF = 1.0
PROOF_LEAD = 2.0


def asks_which_visa(text: str) -> bool:
    return bool(_ASKS_WHICH.search(folded_question(text)) or _ASKS_WHICH_RAW.search(text))


def _in_force_symbols(kb: Kb, on: date) -> list[tuple[str, Unit]]:
    """Each symbol with its national clause in force on `on` (the amended wording, not the 2014 one)."""
    found = []
    for symbol, units in sorted(defining_clauses(kb).items()):
        unit = next((u for u in units if is_national(u) and in_force(kb, u, on)), None)
        if unit is not None:
            found.append((symbol, unit))
    return found


def _by_rare_words(units: list[Unit], text: str) -> list[tuple[float, Unit]]:
    """Units scored by the question's words they share, each weighed by how few of `units` use it: 'nhà đầu tư'
    tells ĐT1 from LĐ1, 'người nước ngoài' (in every clause) tells nothing. Best first."""
    words = [frozenset(w for w in terms(unit["text"]) if " " not in w) for unit in units]
    df: dict[str, int] = {}
    for unit_words in words:
        for word in unit_words:
            df[word] = df.get(word, 0) + 1
    asked = frozenset(w for w in terms(expand_query(text)) if " " not in w) - _PAPER_WORDS
    scored = [
        (sum(math.log(len(units) / df[w]) for w in asked & unit_words), unit)
        for unit, unit_words in zip(units, words, strict=True)
    ]
    return sorted(scored, key=lambda item: -item[0])


def _purpose_proofs(kb: Kb, on: date) -> list[Unit]:
    """The points of the clause listing the papers that prove a purpose of entry (Law 47/2014 Art. 10 k4)."""
    leads = [u for u in kb.units if is_national(u) and in_force(kb, u, on) and _PROOF_LEAD.search(u["text"])]
    return [
        u for lead in leads for u in kb.units if u["id"].startswith(lead["id"] + "/") and in_force(kb, u, on)
    ]


def _clear_lead(scored: list[tuple[float, Unit]]) -> bool:
    if not scored or scored[0][0] < MIN_PROOF:
        return False
    return len(scored) == 1 or scored[0][0] >= PROOF_LEAD * scored[1][0]


def compose_purpose_symbols(kb: Kb, draft: Draft, text: str, on: date, facet: str | None = None) -> bool:
    """Say the symbols whose purpose the question's own words name, then the paper that proves that purpose;
    True when something was said. Asked outright ('which visa'), or for a visa named by its purpose when the
    question asks how to get it ('investor visa: documents and process')."""
    getting = facet in _GETTING_FACETS and bool(_NAMES_PURPOSE.search(folded_question(text)))
    if not (asks_which_visa(text) or getting):
        return False
    proofs = _by_rare_words(_purpose_proofs(kb, on), text)
    proof = proofs[0][1] if _clear_lead(proofs) else None
    symbols = {id(unit): symbol for symbol, unit in _in_force_symbols(kb, on)}
    scored = _by_rare_words([unit for _symbol, unit in _in_force_symbols(kb, on)], text)
    said = False
    if scored and scored[0][0] >= MIN_EVIDENCE:
        best = scored[0][0]
        for evidence, unit in scored[: MAX_SYMBOLS - (proof is not None)]:  # room left for the proof
            if evidence < best * NEAR:
                break
            said = say_symbol(draft, symbols[id(unit)], unit) or said
    if proof is not None:
        cite = draft.cite(proof)[1]
        sentence = _t(
            "The case asked is listed: “{quote}” ({cite}).", draft.lang, quote=proof["text"], cite=cite
        )
        said = draft.say(sentence) or said
    return said


@lru_cache(maxsize=4096)
def purpose_symbols(text: str, on: date) -> frozenset[str]:
    """'How long is an investor visa valid?' -> {'DT1', 'DT2', 'DT3'}: the symbols of the purpose the question
    names a visa by (read with Đ as D, as knowledge.fit.symbols_asked reads them); empty when none is named."""
    if not _NAMES_PURPOSE.search(folded_question(text)):
        return frozenset()
    kb = get_kb()
    named = _in_force_symbols(kb, on)
    symbols = {id(unit): symbol for symbol, unit in named}
    scored = _by_rare_words([unit for _symbol, unit in named], text)
    if not scored or scored[0][0] < MIN_EVIDENCE:
        return frozenset()
    best = scored[0][0]
    return frozenset(symbols[id(unit)] for evidence, unit in scored if evidence >= best * NEAR)
