"""Chinese and Korean questions read as their English and Vietnamese twins are (issues #11, #13).

Real kb.json, no mocks. Phrasings are how Chinese and Korean speakers ask (simplified and traditional
characters, Korean with and without spaces and particles); each expectation is read from the law texts on file:
Law 47/2014 Art. 3 k13-14 (the temporary residence card is valid 'có thời hạn' and 'thay thị thực', the permanent
one 'không thời hạn').
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from knowledge import Reply, ask

TODAY = date(2026, 12, 1)
TEMPORARY_CARD = ("47/2014/QH13", "Điều 3", "khoản 13")  # 'Thẻ tạm trú là loại giấy tờ ... có thời hạn'
PERMANENT_CARD = ("47/2014/QH13", "Điều 3", "khoản 14")  # 'Thẻ thường trú là ... không thời hạn'


@cache
def _ask(text: str, lang: str) -> Reply:
    return ask(text, lang=lang, on=TODAY)


def _cited(r: Reply) -> set[tuple[str, str | None, str | None]]:
    return {(c.doc_number, c.article, c.clause) for c in r.citations}


# --- 'what is the difference between A and B?' defines both; a term inside a longer one is not named --------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("临时居留卡和永久居留卡有什么区别？", "zh"),
        ("臨時居留證與永久居留證有何不同?", "zh"),
        ("永久居留证跟临时居留证的差别在哪里", "zh"),
        ("거주증과 영주증의 차이가 뭔가요?", "ko"),
        ("What is the difference between a temporary residence card and a permanent residence card?", "en"),
    ],
)
def test_the_difference_of_two_cards_is_both_definitions(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.covered
    assert {TEMPORARY_CARD, PERMANENT_CARD} <= _cited(r)
    assert "không thời hạn" in r.direct and "có thời hạn" in r.direct


@pytest.mark.parametrize(("text", "lang"), [("永久居留证是什么?", "zh"), ("永久居留卡是指什么", "zh")])
def test_the_permanent_card_is_not_read_as_the_card_it_ends_with(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert PERMANENT_CARD in _cited(r)
    assert TEMPORARY_CARD not in _cited(r)


# --- 'why apply for X?' is answered with what X is for: its definition -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("为什么要办理越南临时居留卡？", "zh"),
        ("為何要申請越南居留證?", "zh"),
        ("外国人为什么需要临时居留卡", "zh"),
        ("베트남 거주증은 왜 신청해야 하나요?", "ko"),
    ],
)
def test_why_apply_for_the_card_is_what_the_card_is_for(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.covered
    assert TEMPORARY_CARD in _cited(r)
    assert "thay thị thực" in r.direct


def test_why_a_visa_was_refused_is_no_definition() -> None:
    r = _ask("为什么我的签证被拒绝了?", "zh")
    assert not r.direct.startswith("定义见")
