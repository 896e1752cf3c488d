"""Law 28/2009 (criminal records) was amended by Law 107/2025 from 01/7/2026, not replaced.

Real kb.json, no mocks. Its meta records 'In force, AMENDED by Luật 68/2020/QH14 and ... Luật 107/2025/QH15,
effective 2026-07-01 ... Text of 107/2025 NOT found. This file reflects the pre-2026 wording'; Decree 216/2026
cites the Law 'được sửa đổi, bổ sung bởi Luật số 68/2020/QH14 và Luật số 107/2025/QH15' and refers to its
articles (Điều 22 k1: 'khoản 2 Điều 45 Luật Lý lịch tư pháp'). Which clauses 107/2025 changed is not on file, so
none of the pre-2026 wording is given as current after that day; the answer says the law was amended.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge import ask

AFTER = date(2026, 12, 1)
BEFORE = date(2026, 3, 1)


def test_the_law_is_recorded_as_amended_not_replaced(kb: dict[str, Any]) -> None:
    doc = kb["documents"]["luat_28_2009"]
    assert doc["replaced_by"] == [] and doc["amended_by"] == ["107/2025/QH15"]
    assert doc["implemented_by"] == ["216/2026/NĐ-CP"] and doc["effective_to"] == "2026-07-01"


@pytest.mark.parametrize(
    ("text", "lang", "amended", "replaced"),
    [
        ("How many days does a criminal record certificate take to be issued?", "en", "amended", "replaced"),
        ("Thời gian cấp phiếu lý lịch tư pháp là bao lâu?", "vi", "sửa đổi", "thay thế"),
    ],
)
def test_after_the_amendment_the_old_wording_is_said_as_amended(
    text: str, lang: str, amended: str, replaced: str
) -> None:
    r = ask(text, lang=lang, on=AFTER)
    assert r.facet == "processing_time" and not r.covered, r.direct
    [note] = [c for c in r.caveats if "28/2009/QH12" in c]
    assert amended in note and replaced not in note, note
    assert "107/2025/QH15" in note and "216/2026/NĐ-CP" in note, note  # the amending law; the decree on file


def test_before_the_amendment_the_law_answers() -> None:
    """Art. 48 k1: 'Thời hạn cấp Phiếu lý lịch tư pháp không quá 10 ngày ...' applied until 30/6/2026."""
    r = ask("How many days does a criminal record certificate take to be issued?", lang="en", on=BEFORE)
    assert r.covered and any(c.doc_number == "28/2009/QH12" and c.article == "Điều 48" for c in r.citations)
