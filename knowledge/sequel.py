"""'What to do after the work permit is issued?': the clause that says what follows the issue ('sau khi người
lao động nước ngoài được cấp giấy phép lao động thì … phải ký kết hợp đồng lao động', Decree 219/2025 Art. 22
k4) is quoted first, before the steps that lead to the issue. Standard library only."""

from __future__ import annotations

import re
from datetime import date

from catalog import translator
from knowledge.draft import Draft
from knowledge.selection import candidates, in_force, is_national
from knowledge.store import Kb
from knowledge.text import fold

_t = translator("knowledge")

# The question asks what comes after the paper is issued (folded en/vi, raw zh/ko).
_ASKS_AFTER = re.compile(
    r"\b(after (the )?(issuance|issue|issuing|grant\w*|getting|receiving|obtaining)|"
    r"once (i |we |you )?(get|got|have|receive\w*)|sau khi (duoc )?(cap|nhan|co))\b"
)
_ASKS_AFTER_RAW = re.compile(
    r"(签发|發放|发放|获得|拿到|取得).{0,12}(后|後|之后|之後)|발급\s*(후|이후|받은\s*후|받고)"
)
# The law's words for what follows the issue ('sau khi … được cấp giấy phép lao động thì …').
_LAW_AFTER = re.compile(r"sau khi [^.;]{0,80}được cấp")
MAX_CLAUSES = 2


def asks_after_issue(text: str) -> bool:
    return bool(_ASKS_AFTER.search(fold(text)) or _ASKS_AFTER_RAW.search(text))


def compose_after_issue(kb: Kb, draft: Draft, topic: str, text: str, on: date) -> bool:
    """Quote the topic's procedure clauses that say what follows the issue; True when one was quoted."""
    if not asks_after_issue(text):
        return False
    units = [
        kb.units[p]
        for p in candidates(kb, topic, "procedure")
        if is_national(kb.units[p])
        and in_force(kb, kb.units[p], on)
        and _LAW_AFTER.search(kb.units[p]["text"])
    ][:MAX_CLAUSES]
    cites = [draft.cite(unit)[1] for unit in units]
    return bool(cites) and draft.say(
        _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites))
    )
