"""'What is the TT visa?': a visa or card symbol named with a 'what is' is answered with the clause that
defines it ('TT - Cấp cho người nước ngoài là vợ, chồng, con dưới 18 tuổi ...', Law 47/2014 Art. 8 as
amended), in force on the day asked, before whatever else the question asks."""

from __future__ import annotations

import re
from datetime import date

from catalog import translator
from knowledge.draft import Draft
from knowledge.fit import symbols_asked
from knowledge.selection import Unit, in_force
from knowledge.store import Kb
from knowledge.text import fold

_t = translator("knowledge")

# 'là gì', 'là loại ... nào', 'what is', 'what does ... mean', '是什么', '무엇', '뭐'
_ASKS_WHAT = re.compile(r"\bla gi\b|\bla loai\b|\bwhat (is|are|does)\b|\bwhat's\b|\bmeaning\b|\bmean\b")
_ASKS_WHAT_RAW = re.compile(r"是什么|是指|什么是|무엇|뭐|란\b|이란")
_DEFINES = re.compile(r"^([A-ZĐ]{2,3}\d?)\s*[-–]\s")  # 'TT - Cấp cho ...'
QUOTE_CHARS = 260
_DEFINITIONS: dict[int, dict[str, list[Unit]]] = {}


def asks_what(text: str) -> bool:
    return bool(_ASKS_WHAT.search(fold(text)) or _ASKS_WHAT_RAW.search(text))


def compose_definitions(kb: Kb, draft: Draft, text: str, on: date) -> bool:
    """Say the definition of each symbol the question names and asks about; True when one was said."""
    if not asks_what(text):
        return False
    said = False
    for symbol in sorted(symbols_asked(text)):
        unit = next((u for u in _definitions(kb).get(symbol, []) if in_force(kb, u, on)), None)
        if unit is None:
            continue
        _position, label = draft.cite(unit)
        quote = (
            unit["text"]
            if len(unit["text"]) <= QUOTE_CHARS
            else unit["text"][:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        )
        shown = symbol.replace("D", "Đ") if unit["text"].startswith("Đ") else symbol
        said = (
            draft.say(
                _t(
                    "{symbol} is defined in {cite}: “{quote}”",
                    draft.lang,
                    symbol=shown,
                    cite=label,
                    quote=quote,
                )
            )
            or said
        )
    return said


def _definitions(kb: Kb) -> dict[str, list[Unit]]:
    """Clauses defining a symbol, by symbol (Đ read as D, as symbols_asked reads it)."""
    found = _DEFINITIONS.get(id(kb))
    if found is None:
        found = {}
        for unit in kb.units:
            match = _DEFINES.match(unit["text"])
            if match:
                found.setdefault(match.group(1).replace("Đ", "D"), []).append(unit)
        _DEFINITIONS.clear()
        _DEFINITIONS[id(kb)] = found
    return found
