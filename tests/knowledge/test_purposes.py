"""Visa symbols by purpose (knowledge/purposes.py): Law 47/2014 Art. 8 as amended, picked by the question's
own words and quoted from the clause in force, with the paper that proves the purpose (Art. 10 k4)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "symbol", "clause", "proof"),
    [
        # 'ĐT1 - Cấp cho nhà đầu tư nước ngoài ...'; Art. 10 k4 a: the investment is proved.
        (
            "What visa symbol is for investors?",
            "ĐT1",
            "khoản 7a",
            ("điểm a", "giấy tờ chứng minh việc đầu tư"),
        ),
        # 'LS - Cấp cho luật sư nước ngoài ...'; Art. 10 k4 b: a practising licence.
        (
            "Người nước ngoài làm luật sư cần loại thị thực nào?",
            "LS",
            "khoản 7",
            ("điểm b", "giấy phép hành nghề"),
        ),
        # 'TT - ... vợ, chồng, con dưới 18 tuổi ...'; no proof point for family.
        ("What visa should my wife get?", "TT", "khoản 18", None),
        # 'LĐ1 - ... làm việc tại Việt Nam ...'; Art. 10 k4 c: a worker has a work permit.
        (
            "What visa do I need to teach English in Vietnam?",
            "LĐ1",
            "khoản 16",
            ("điểm c", "giấy phép lao động"),
        ),
    ],
)
def test_the_visa_for_a_purpose_is_its_art_8_symbol(
    text: str, symbol: str, clause: str, proof: tuple[str, str] | None
) -> None:
    r = ask(text, on=TODAY)
    first = r.citations[0]
    assert (first.doc_number, first.article, first.clause) == ("47/2014/QH13", "Điều 8", clause)
    assert first.quote_vi.startswith(f"{symbol} - Cấp cho") and r.direct.startswith(symbol)
    proofs = [c for c in r.citations if (c.article, c.clause) == ("Điều 10", "khoản 4")]
    if proof is None:
        assert not proofs
    else:
        assert (
            [c.point for c in proofs] == [proof[0]]
            and proof[1] in proofs[0].quote_vi
            and proof[1] in r.direct
        )


def test_no_purpose_named_no_symbol_guessed() -> None:
    r = ask("What visa do I need?", on=TODAY)
    assert not r.covered and not any(c.article == "Điều 8" for c in r.citations)


@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        # Law 47/2014 Art. 9 (as amended 2023): ĐT4 1 year (k4), ĐT3 3 years (k5a), ĐT1-ĐT2 5 years (k6).
        ("How long is an investor visa valid?", {"khoản 4", "khoản 5a", "khoản 6"}),
        # Art. 9 k5: 'Thị thực ký hiệu LĐ1, LĐ2 có thời hạn không quá 02 năm'.
        ("How long is a work visa valid?", {"khoản 5"}),
    ],
)
def test_a_visa_named_by_its_purpose_is_valid_for_its_symbols(text: str, symbols: set[str]) -> None:
    r = ask(text, on=TODAY)
    assert r.covered and {c.clause for c in r.citations if c.article == "Điều 9"} == symbols
    assert "SQ" not in r.direct  # the 30 days of SQ is another visa's term
    assert not r.direct.startswith(("ĐT1 is defined", "LĐ1 is defined"))  # a term asked: no definitions first
