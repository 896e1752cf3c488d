"""Offices are named in the reader's language: a Chinese or Korean reader gets the office in Chinese or
Korean, with the Vietnamese name beside it (what the office's sign and forms say), never Vietnamese alone."""

from __future__ import annotations

import re
from datetime import date

import pytest

from knowledge import ask, render_reply
from knowledge.store import get_kb

TODAY = date(2026, 12, 1)
HAN = re.compile(r"[\u4e00-\u9fff]")
HANGUL = re.compile(r"[가-힣]")


@pytest.mark.parametrize(("lang", "script"), [("zh", HAN), ("ko", HANGUL)])
def test_every_glossary_office_has_a_name_in_the_language(lang: str, script: re.Pattern[str]) -> None:
    missing = [i for i, a in get_kb().agencies.items() if not script.search(str(a.get(f"name_{lang}") or ""))]
    assert not missing, missing


@pytest.mark.parametrize(
    ("text", "lang", "own", "vi"),
    [
        ("外国人临时居住申报在哪里办理?", "zh", "乡/坊公安", "Công an xã, phường"),
        ("외국인 임시거주 신고는 어디에서 하나요?", "ko", "사/방 공안", "Công an xã, phường"),
    ],
)
def test_the_office_of_a_zh_ko_answer_is_named_in_that_language_and_in_vietnamese(
    text: str, lang: str, own: str, vi: str
) -> None:
    shown = render_reply(ask(text, lang=lang, on=TODAY), lang)
    assert f"{own} ({vi})" in shown, shown


@pytest.mark.parametrize(
    ("text", "lang"),
    [("越南工作许可证的费用是多少?", "zh"), ("베트남 노동허가서 발급 수수료는 얼마인가요?", "ko")],
)
def test_not_covered_names_who_to_ask_in_the_language(text: str, lang: str) -> None:
    # Asked about a paper whose fee the texts on file do not set.
    r = ask(text, lang=lang, on=TODAY)
    assert not r.covered
    names = [str(a[f"name_{lang}"]) for a in get_kb().agencies.values()]
    assert any(f"{name} (" in r.direct for name in names), r.direct
