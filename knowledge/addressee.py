"""Clauses that set what the State weighs when it decides, not what a person must meet or may claim.

Standard library only. 'Quyết định đơn phương miễn thị thực cho công dân của một nước phải có đủ các điều kiện
sau đây' (Law 47/2014 Art. 13 k1) lists what the Government weighs before exempting a whole country's citizens;
a traveller asking the conditions of a visa exemption is answered by the cases exempted (Art. 12: a treaty, a
residence card, …), so such a clause ranks after the person's own rules for those facets, and the article that
lists the cases exempted ('Các trường hợp được miễn thị thực') ranks before rules that only mention an exemption.
"""

from __future__ import annotations

import re
from typing import Any

# The clause, or the article it opens, speaks of a State decision's own criteria or term.
_STATE_DECIDES = re.compile(
    r"^(Quyết định [^.;:]{0,60}(phải có đủ|có thời hạn)|Căn cứ quy định của Điều này, Chính phủ quyết định)"
)
PERSON_FACETS = frozenset({"exemption", "eligibility"})
STATE_WEIGHT = 0.35  # as much as a clause about another paper keeps (knowledge/ranking.py)


def addressed_to_state(unit: dict[str, Any], lead_in: str = "") -> bool:
    """'Quyết định đơn phương miễn thị thực … phải có đủ các điều kiện sau đây:' and its points."""
    return bool(_STATE_DECIDES.match(str(unit.get("text", ""))) or _STATE_DECIDES.match(lead_in))


_EXEMPT_CASES_TITLE = re.compile(r"^(Các )?[Tt]rường hợp được miễn")
LIST_WEIGHT = 2.0  # the list of the person's exempt cases, over clauses saying 'trừ trường hợp được miễn'


def person_weight(unit: dict[str, Any], facet: str) -> float:
    """How much a clause's relevance counts for a person's exemption or conditions question."""
    if facet not in PERSON_FACETS:
        return 1.0
    if addressed_to_state(unit, str(unit.get("context") or "")):
        return STATE_WEIGHT
    if facet == "exemption" and _EXEMPT_CASES_TITLE.match(str(unit.get("article_title") or "")):
        return LIST_WEIGHT
    return 1.0
