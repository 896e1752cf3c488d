"""A renewal interval ('Định kỳ 10 năm một lần ... cấp đổi thẻ') is the paper's term; a reporting cycle is none.

Real kb.json, no mocks. Law 47/2014 Art. 43 k1: 'Thẻ thường trú do Công an tỉnh ... cấp. Định kỳ 10 năm một lần,
người nước ngoài thường trú phải đến Công an tỉnh ... để cấp đổi thẻ.' The permanent residence card is exchanged
every 10 years; the law on file gives it no other term. Hà Nội draft 2025 Art. 12 k5 'Định kỳ 6 tháng, hằng năm
báo cáo ...' is a reporting cycle, no period of anything.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge import ask, render_reply
from tests.knowledge.units import unit_by_id

TODAY = date(2026, 12, 1)


def test_the_permanent_card_exchange_is_read_as_a_renewal_interval(kb: dict[str, Any]) -> None:
    unit = unit_by_id(kb, "luat_47_2014/qc/dieu-43/khoan-1")
    [value] = [v for v in unit["values"] if v["kind"] == "duration"]
    assert value["text"] == "10 năm"
    assert value["norm"]["years"] == 10 and value["norm"]["every"] is True
    assert "validity" in unit["facets"]


def test_a_reporting_cycle_is_no_period(kb: dict[str, Any]) -> None:
    unit = unit_by_id(kb, "ha_noi_draft_2025/qc/dieu-12/khoan-5")
    assert not [v for v in unit["values"] if v["kind"] in ("duration", "time_limit")]


@pytest.mark.parametrize(
    ("text", "lang", "facet"),
    [
        ("How long is a permanent residence card valid?", "en", "validity"),
        ("Thẻ thường trú dùng được bao lâu?", "vi", "validity"),
        ("永久居留卡有效期多久?", "zh", "validity"),
        ("When must I exchange my permanent residence card?", "en", "deadline"),
        ("Thẻ thường trú bao lâu phải đổi một lần?", "vi", "deadline"),
        ("영주권 카드는 언제 갱신해야 하나요?", "ko", "deadline"),
    ],
)
def test_the_permanent_card_term_is_its_ten_year_exchange(text: str, lang: str, facet: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    assert (r.topic, r.facet, r.covered) == ("visa_residence_card", facet, True), r.direct
    assert {(c.doc_number, c.article, c.clause) for c in r.citations} >= {
        ("47/2014/QH13", "Điều 43", "khoản 1")
    }
    assert "10" in r.direct and "10 năm" in render_reply(r, lang)


def test_a_question_the_term_does_not_answer_is_not_answered_by_it() -> None:
    """Whether a card ends with a divorce: the 10-year exchange is no answer, and the texts are silent."""
    text = "My permanent residence card was sponsored by my wife and we are now divorced. Will the permanent residence card expire?"
    r = ask(text, lang="en", on=TODAY)
    assert r.facet == "validity" and not r.covered, r.direct
