"""Visa symbols by purpose (knowledge/purposes.py): Law 47/2014 Art. 8 as amended, picked by the question's
own words, quoted from the clause in force."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "symbol", "clause"),
    [
        (
            "What visa symbol is for investors?",
            "ĐT1",
            "khoản 7a",
        ),  # 'ĐT1 - Cấp cho nhà đầu tư nước ngoài ...'
        (
            "Người nước ngoài làm luật sư cần loại thị thực nào?",
            "LS",
            "khoản 7",
        ),  # 'LS - ... luật sư nước ngoài'
        ("What visa should my wife get?", "TT", "khoản 18"),  # 'TT - ... vợ, chồng, con dưới 18 tuổi'
        ("Which visa do I need to work in Vietnam?", "LĐ1", "khoản 16"),  # 'LĐ1 - ... làm việc tại Việt Nam'
    ],
)
def test_the_visa_for_a_purpose_is_its_art_8_symbol(text: str, symbol: str, clause: str) -> None:
    r = ask(text, on=TODAY)
    first = r.citations[0]
    assert (first.doc_number, first.article, first.clause) == ("47/2014/QH13", "Điều 8", clause)
    assert first.quote_vi.startswith(f"{symbol} - Cấp cho") and r.direct.startswith(symbol)


def test_no_purpose_named_no_symbol_guessed() -> None:
    r = ask("What visa do I need?", on=TODAY)
    assert not r.covered and not any(c.article == "Điều 8" for c in r.citations)
