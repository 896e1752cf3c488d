"""What follows the issue of a paper (knowledge/sequel.py): Decree 219/2025 Art. 22 k4, the labour contract
signed after the work permit is issued, quoted first."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What should we do after the issuance of a work permit?", "en"),
        ("Sau khi được cấp giấy phép lao động thì phải làm gì?", "vi"),
        ("获得工作许可证后要做什么？", "zh"),
    ],
)
def test_the_contract_after_the_permit_is_quoted_first(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article, first.clause) == (
        "219/2025/NĐ-CP",
        "Điều 22",
        "khoản 4",
    )
    assert "phải ký kết hợp đồng lao động" in first.quote_vi


def test_a_plain_procedure_question_starts_with_the_filing() -> None:
    r = ask("How do I get a work permit?", on=TODAY)
    assert r.citations[0].clause != "khoản 4"
