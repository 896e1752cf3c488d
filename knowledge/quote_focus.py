"""Which sentence of a cited clause the reply quotes first: the one the question's words point to.

A clause of several sentences often states its rule in the first and the case asked about in a later one (Decree
219/2025 Art. 18 k2: the health certificate from a qualified clinic; then a foreign one, accepted under a mutual
recognition agreement and within 12 months). A reply quotes a clause's opening within a few hundred characters,
so a question about the later case would be shown the earlier one only.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.model import Citation
from knowledge.store import terms

# A later sentence is quoted first only when it shares this many more word pairs: the topic's own words (khai báo
# tạm trú, người nước ngoài) recur in every sentence of its clauses.
_MARGIN = 2
# ... a sentence may open as an indent ('- Người nước ngoài … sử dụng mã hồ sơ điện tử để kiểm tra …', Law 47/2014
# Art. 16a, one clause of dashed steps): the dash starts it.
_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=(?:[-+]\s+)?[A-ZĐÀ-Ỹ])")


def _bigrams(text: str) -> set[str]:
    """The word pairs of the text (the search's terms, stop words left out): single words are too common here."""
    return {t for t in terms(text) if " " in t}


def focused(citation: Citation, question: str) -> Citation:
    """The citation quoting from the sentence sharing the most word pairs with the (expanded, folded) question,
    when that is a later sentence sharing _MARGIN more than the first; otherwise unchanged."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(citation.quote_vi))]
    if len(starts) < 2:
        return citation
    asked = _bigrams(question)
    ends = [*starts[1:], len(citation.quote_vi)]
    shared = [len(asked & _bigrams(citation.quote_vi[a:b])) for a, b in zip(starts, ends, strict=True)]
    best = max(range(len(shared)), key=lambda i: (shared[i], -i))
    return replace(citation, focus=starts[best]) if shared[best] >= shared[0] + _MARGIN else citation


def focus_quotes(citations: list[Citation], question: str) -> list[Citation]:
    return [focused(c, question) for c in citations]
