"""Entry refused and exit suspended (Law 47/2014 Art. 21 'Các trường hợp chưa cho nhập cảnh', Art. 28 'Các
trường hợp bị tạm hoãn xuất cảnh ...'): the cases each article lists, asked in any language."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, detect_facet, detect_topic
from knowledge.search import expand_query
from knowledge.selection import lists_entry_cases

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Can a foreigner get an exit ban for unpaid taxes?",
        "Why would a foreigner be refused entry to Vietnam?",
        "外国人为什么会被禁止入境越南?",
        "베트남 입국 금지 사유는 무엇인가요?",
        "Người nước ngoài bị tạm hoãn xuất cảnh khi nào?",
    ],
)
def test_a_ban_on_entry_or_exit_is_the_visa_topic(text: str) -> None:
    assert detect_topic(text) == "visa_residence_card"


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Exit bans for foreigners in Vietnam", "eligibility"),
        ("越南如何把外国人列入黑名单?", "eligibility"),
        ("How long does an exit ban last?", "validity"),  # Art. 28(3): the term, not the cases
    ],
)
def test_a_ban_asked_with_no_other_word_asks_its_cases(text: str, facet: str) -> None:
    assert detect_facet(text) == facet


def test_the_ban_words_carry_the_laws_terms() -> None:
    assert "tam hoan xuat canh" in expand_query("exit bans and tax debts")
    assert "chua cho nhap canh" in expand_query("베트남 입국 금지")


@pytest.mark.parametrize(
    ("title", "lists"),
    [
        ("Các trường hợp chưa cho nhập cảnh", True),
        ("Các trường hợp bị tạm hoãn xuất cảnh và thời hạn tạm hoãn xuất cảnh", True),
        ("Các trường hợp giấy phép lao động hết hiệu lực", False),  # a permit's end, not who may enter
    ],
)
def test_which_articles_list_the_cases_of_entry_exit_or_residence(title: str, lists: bool) -> None:
    assert lists_entry_cases({"article_title": title}) is lists


def test_the_unpaid_tax_case_is_quoted_with_the_bans_term() -> None:
    reply = ask("Can a foreigner be banned from leaving Vietnam for unpaid tax? Exit ban rules?", on=TODAY)
    assert reply.covered
    quotes = {
        (c.article, c.clause, c.point): c.quote_vi for c in reply.citations if c.doc_number == "47/2014/QH13"
    }
    assert quotes.get(("Điều 28", "khoản 1", "điểm c")) == "Chưa hoàn thành nghĩa vụ nộp thuế;"
    assert "03 năm" in quotes.get(("Điều 28", "khoản 3", None), "")
