"""A visa named by its purpose in Chinese or Korean ('投资签证', '투자 비자') is read as in English: its symbols
(Law 47/2014 Art. 8 as amended: ĐT1-ĐT4 for investors) and their terms (Art. 9 as amended)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask
from knowledge.purposes import names_purpose, purpose_symbols

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    ["越南投资签证有效期多长?", "투자 비자 유효기간은 얼마입니까?", "How long is an investor visa valid?"],
)
def test_the_investor_visa_is_the_dt_symbols(text: str) -> None:
    assert names_purpose(text)
    assert {"DT1", "DT2"} <= purpose_symbols(text, TODAY)
    assert not purpose_symbols(text, TODAY) & {"LD1", "TT", "DN1"}


@pytest.mark.parametrize("text", ["越南签证有效期多长?", "비자 유효기간은?"])
def test_a_visa_named_by_no_purpose_names_no_symbols(text: str) -> None:
    assert not names_purpose(text)


def test_investor_visa_terms_are_said_with_their_symbols() -> None:
    # Art. 9(6) as amended: 'Thị thực ký hiệu LS, ĐT1, ĐT2 có thời hạn không quá 05 năm.'
    reply = ask("越南投资签证有效期多长?", lang="zh", on=TODAY)
    assert reply.covered and reply.facet == "validity"
    assert any("05 năm" in c.quote_vi and "ĐT1" in c.quote_vi for c in reply.citations)


@pytest.mark.parametrize(
    ("text", "lang"), [("什么是越南投资签证?", "zh"), ("What is an investor visa?", "en")]
)
def test_what_an_investor_visa_is_is_its_symbols(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.covered
    assert any(c.article == "Điều 8" and c.quote_vi.startswith("ĐT") for c in reply.citations)
    assert all(c.article != "Điều 3" for c in reply.citations)  # not the definition of a visa in general
