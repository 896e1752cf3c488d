"""A visa or stay that has run out, asked in Chinese or Korean, is the overstay: its fine by days (Decree
282/2025 Art. 21: 'sử dụng chứng nhận tạm trú, gia hạn tạm trú, thẻ tạm trú quá thời hạn'), not the visa's term."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, detect_facet
from knowledge.fit import act_phrases

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "签证过期了怎么办?",
        "过期的签证怎么处理?",
        "我的居留卡已经过期怎么办?",
        "비자가 만료되었어요. 어떻게 해야 하나요?",
        "체류 기간 만료 후 출국하면 어떻게 되나요?",
    ],
)
def test_a_visa_that_ran_out_asks_the_overstay(text: str) -> None:
    assert detect_facet(text) == "penalty"
    assert act_phrases(text)


@pytest.mark.parametrize("text", ["越南签证可以延期吗?", "비자 연장은 어떻게 하나요?", "签证有效期多长?"])
def test_a_visa_still_running_keeps_its_facet(text: str) -> None:
    assert detect_facet(text) != "penalty"


@pytest.mark.parametrize(
    ("text", "lang"), [("签证过期了怎么办?", "zh"), ("비자가 만료되면 어떻게 되나요?", "ko")]
)
def test_the_overstay_fine_is_graded_by_days(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.covered and reply.facet == "penalty"
    cited = {(c.doc_number, c.article) for c in reply.citations}
    assert ("282/2025/NĐ-CP", "Điều 21") in cited
    # The first grade: under 16 days, 500,000 to 2,000,000 VND (Art. 21(2)(đ)).
    assert any("500.000 đồng đến 2.000.000 đồng" in c.quote_vi for c in reply.citations)
