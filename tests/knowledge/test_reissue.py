"""A lost or damaged paper is issued again: Decree 219/2025 Art. 23 lists when a work permit is reissued ('còn
thời hạn bị mất hoặc bị hư hỏng', a change of name, nationality, passport number or employer name), Art. 24
the file, Art. 25 the steps. A lost paper asks how it is replaced, not a fine."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, detect_facet
from knowledge.selection import lists_entry_cases

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("What should I do if I lost my work permit?", "procedure"),
        ("What happens if you lose your passport in Vietnam?", "procedure"),
        ("工作许可证丢失了怎么办?", "procedure"),
        ("노동허가서를 분실하면 어떻게 해야 하나요?", "procedure"),
        ("When can a work permit be reissued?", "eligibility"),
        ("Can I get my damaged work permit reissued?", "eligibility"),
        ("Giấy phép lao động được cấp lại trong trường hợp nào?", "eligibility"),
        ("工作许可证什么情况下可以补发吗?", "eligibility"),
        ("How do I get my work permit reissued?", "procedure"),
        ("Hồ sơ cấp lại giấy phép lao động gồm những gì?", "documents"),
    ],
)
def test_a_lost_or_reissued_paper_asks_its_cases_or_steps(text: str, facet: str) -> None:
    assert detect_facet(text) == facet


def test_the_reissue_article_lists_its_cases() -> None:
    assert lists_entry_cases({"article_title": "Các trường hợp cấp lại giấy phép lao động"})


@pytest.mark.parametrize("text", ["When is a work permit reissued?", "Can a lost work permit be reissued?"])
def test_the_reissue_cases_are_quoted(text: str) -> None:
    reply = ask(text, on=TODAY)
    assert reply.covered and reply.facet == "eligibility"
    quotes = [
        c.quote_vi for c in reply.citations if c.doc_number == "219/2025/NĐ-CP" and c.article == "Điều 23"
    ]
    assert any("bị mất hoặc bị hư hỏng" in q for q in quotes)
    assert any("quốc tịch" in q for q in quotes)  # Art. 23(2): a change of what the permit says


def test_a_lost_permit_is_no_fine() -> None:
    reply = ask("What happens if you lose your work permit?", on=TODAY)
    assert reply.covered and reply.facet == "procedure"
    assert not any(v.kind in ("money", "money_range") for v in reply.values)
    assert all(c.doc_number == "219/2025/NĐ-CP" for c in reply.citations[:1])
