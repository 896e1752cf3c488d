"""Whose rule a clause is (knowledge/addressee.py): the State's criteria for exempting a country (Law 47/2014
Art. 13) do not answer a traveller's exemption question; the list of exempt cases (Art. 12) does."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Điều kiện miễn thị thực khi nhập cảnh vào Việt Nam của người nước ngoài là gì?", "vi"),
        ("Who is exempt from a Vietnam visa?", "en"),
    ],
)
def test_the_exempt_cases_come_before_the_state_s_criteria(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article) == ("47/2014/QH13", "Điều 12")
    assert "điều ước quốc tế" in first.quote_vi and "thẻ tạm trú" in first.quote_vi
    assert not any(c.quote_vi.startswith("Quyết định đơn phương") for c in r.citations[:2])
    assert (
        "listed" not in r.direct.split("(quoted below).")[-1]
    )  # no case was named: none is said to be listed


def test_work_permit_exemptions_keep_their_lists() -> None:
    r = ask("Who is exempt from a work permit?", on=TODAY)
    assert {c.doc_number for c in r.citations[:3]} <= {"219/2025/NĐ-CP", "45/2019/QH14"}
