"""How long an exit ban lasts is its term: Law 47/2014 Art. 28 k3 'Thời hạn tạm hoãn xuất cảnh không quá 03 năm'.

Real kb.json, no mocks. 'How long can one be banned' asks a term, not a processing time, and the exit ban is a
paper of its own: a residence card's or visa's term is no answer to it.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


HOW_LONG_BANNED = {
    "vi": "Người nước ngoài có thể bị tạm hoãn xuất cảnh khỏi Việt Nam trong bao lâu?",
    "en": "How long can an exit ban last?",
    "zh": "暂缓出境最长多久?",
    "ko": "출국 정지는 최대 얼마 동안인가요?",
}


@pytest.mark.parametrize("lang", HOW_LONG_BANNED)
def test_an_exit_ban_lasts_at_most_three_years(lang: str) -> None:
    r = ask(HOW_LONG_BANNED[lang], lang=lang, on=TODAY)
    assert r.facet == "validity" and r.covered, r.direct
    assert {(c.article, c.clause) for c in r.citations} == {("Điều 28", "khoản 3")}, r.citations
    assert any("03 năm" in v.text for v in r.values), [v.text for v in r.values]
