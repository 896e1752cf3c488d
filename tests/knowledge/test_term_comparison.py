"""'What is the difference between X and Y?' and 'why apply for X?' are answered with each term's definition
(Law 47/2014 Art. 3: the temporary residence card allows residence for a set time, the permanent one without a
time limit; both are valid in lieu of a visa)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What is the difference between a temporary residence card and a permanent residence card?", "en"),
        ("临时居留卡和永久居留卡有什么区别?", "zh"),
        ("임시 거주증과 영주증의 차이는 무엇인가요?", "ko"),
    ],
)
def test_a_comparison_defines_both_cards(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.covered
    quotes = {c.clause: c.quote_vi for c in reply.citations if c.article == "Điều 3"}
    assert "có thời hạn" in quotes.get("khoản 13", "")  # the temporary card
    assert "không thời hạn" in quotes.get("khoản 14", "")  # the permanent card


@pytest.mark.parametrize(
    ("text", "lang"), [("Why do I need a temporary residence card?", "en"), ("为何要申请居留卡?", "zh")]
)
def test_why_apply_for_a_card_is_what_it_is_for(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.covered
    assert any("thay thị thực" in c.quote_vi for c in reply.citations)


def test_a_single_term_is_defined_alone() -> None:
    reply = ask("What is a temporary residence card?", on=TODAY)
    assert [(c.article, c.clause) for c in reply.citations] == [("Điều 3", "khoản 13")]
