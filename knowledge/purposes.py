"""'What visa do I need to invest?': the visa symbols the law sets by purpose (Law 47/2014 Art. 8 as amended,
'ĐT1 - Cấp cho nhà đầu tư nước ngoài …'), picked by the question's own words, said before whatever else the
question asks. Standard library only; worded like a symbol's definition (knowledge/definitions.py)."""

from __future__ import annotations

import math
import re
from datetime import date

from knowledge.cues import folded_question
from knowledge.definitions import defining_clauses, say_symbol
from knowledge.draft import Draft
from knowledge.search import expand_query
from knowledge.selection import Unit, in_force, is_national
from knowledge.store import Kb, terms

# 'what/which visa', 'an investor visa', 'loại thị thực nào', 'thị thực ký hiệu gì', '什么签证', '어떤 비자'.
_ASKS_WHICH = re.compile(
    r"\b((what|which) (kind |type |sort )?(of )?visas?|visa (type|category|symbol)s?|"
    r"(investor|investment|work|working|business|student|study|family|spouse|marriage|teaching|journalist|"
    r"lawyer|volunteer|intern\w*) visas?|"
    r"(loai|ky hieu) thi thuc|thi thuc (loai )?(gi|nao)|thi thuc ky hieu (gi|nao)|visa (gi|nao|loai nao))\b"
)
_ASKS_WHICH_RAW = re.compile(
    r"什么签证|哪种签证|哪类签证|什麼簽證|哪種簽證|签证类型|어떤\s*비자|무슨\s*비자|어느\s*비자|비자\s*종류"
)
# The words for the paper itself, which name no purpose ('được cấp thị thực ký hiệu ...' in TT's clause).
_PAPER_WORDS = frozenset(terms("visa thị thực ký hiệu cấp"))
NEAR = 0.8  # symbols of one purpose graded by another measure (ĐT1-ĐT4 by capital) match about as well
MAX_SYMBOLS = 3
MIN_EVIDENCE = 2.0  # at least one word few symbols' clauses use (log of about 7 clauses to 1)


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


def _purpose_scores(kb: Kb, text: str, on: date) -> list[tuple[float, str, Unit]]:
    """Each symbol's clause scored by the question's words it shares, each weighed by how few symbols' clauses
    use it: 'nhà đầu tư' tells ĐT1 from LĐ1, 'người nước ngoài' (in every clause) tells nothing."""
    symbols = _in_force_symbols(kb, on)
    words = [frozenset(w for w in terms(unit["text"]) if " " not in w) for _symbol, unit in symbols]
    df: dict[str, int] = {}
    for clause_words in words:
        for word in clause_words:
            df[word] = df.get(word, 0) + 1
    asked = frozenset(w for w in terms(expand_query(text)) if " " not in w) - _PAPER_WORDS
    scored = [
        (sum(math.log(len(symbols) / df[w]) for w in asked & clause_words), symbol, unit)
        for (symbol, unit), clause_words in zip(symbols, words, strict=True)
    ]
    return sorted(scored, key=lambda item: -item[0])


def compose_purpose_symbols(kb: Kb, draft: Draft, text: str, on: date) -> bool:
    """Say the symbols whose purpose the question's own words name; True when one was said."""
    if not asks_which_visa(text):
        return False
    scored = _purpose_scores(kb, text, on)
    if not scored or scored[0][0] < MIN_EVIDENCE:
        return False
    best = scored[0][0]
    said = False
    for evidence, symbol, unit in scored[:MAX_SYMBOLS]:
        if evidence < best * NEAR:
            break
        said = say_symbol(draft, symbol, unit) or said
    return said
