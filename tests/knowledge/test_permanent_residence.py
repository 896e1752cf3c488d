"""Permanent residence (Law 47/2014 Art. 39-43): who may be considered, the conditions, the file, the card.

The law calls it 'thường trú' ('xét cho thường trú', 'thẻ thường trú'); people ask for 'permanent residence',
'永久居留', '영주'. The articles name no paper the builder tags, so their titles give them the residence-card topic.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, detect_facet, detect_topic
from knowledge.fit import papers_asked
from knowledge.search import expand_query
from knowledge.selection import title_topic

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Who can get permanent residence in Vietnam?",
        "How to get a Vietnam permanent residence card?",
        "外国人如何申请越南永久居留?",
        "베트남 영주권 신청 조건은?",
        "Người nước ngoài xin thường trú tại Việt Nam cần điều kiện gì?",
    ],
)
def test_permanent_residence_is_the_residence_card_topic(text: str) -> None:
    assert detect_topic(text) == "visa_residence_card"


@pytest.mark.parametrize(
    "title",
    [
        "Các trường hợp được xét cho thường trú",  # Art. 39
        "Điều kiện xét cho thường trú",  # Art. 40
        "Thủ tục giải quyết cho thường trú",  # Art. 41
        "Giải quyết cho thường trú đối với người không quốc tịch",  # Art. 42
    ],
)
def test_the_permanent_residence_articles_are_about_the_card(title: str) -> None:
    assert title_topic(title) == "visa_residence_card"


def test_a_citizens_permanent_address_names_no_card() -> None:
    # Law 28/2009 speaks of a citizen's 'nơi thường trú' (where to apply for a criminal record): not this topic.
    assert detect_topic("Nơi thường trú của công dân") is None


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        ("Which cases are considered for temporary residence card issuance?", "eligibility"),
        ("May I apply for a permanent residence card if I married a Vietnamese?", "eligibility"),
        ("Can we sponsor our parents for permanent residence?", "eligibility"),
        ("베트남 영주권 신청이 가능한가요?", "eligibility"),
        ("How do I apply for permanent residence?", "procedure"),
    ],
)
def test_whether_one_may_apply_asks_who_qualifies(text: str, facet: str) -> None:
    assert detect_facet(text) == facet


def test_a_permanent_residence_card_is_not_the_temporary_one() -> None:
    assert papers_asked("How long is a permanent residence card valid?") == {"permanent_card"}
    assert papers_asked("永久居留证的有效期") == {"permanent_card"}
    assert papers_asked("临时居留证和永久居留证有什么区别?") == {"permanent_card", "residence_card"}
    # The law's word, not the 'tạm trú' / 'thẻ tạm trú' its English words stand for alone.
    expanded = expand_query("permanent residence card")
    assert "thuong tru" in expanded and "tam tru" not in expanded


def test_a_chinese_question_carries_the_laws_term() -> None:
    assert "the thuong tru" in expand_query("外国人如何申请越南永久居留?")
    assert "thi thuc" in expand_query("越南签证过期怎么办?")


def test_the_permanent_residence_file_is_art_41() -> None:
    reply = ask("What documents are needed to apply for permanent residence in Vietnam?", on=TODAY)
    assert reply.covered
    assert {(c.doc_number, c.article) for c in reply.citations} >= {("47/2014/QH13", "Điều 41")}
    said = " ".join(c.quote_vi for c in reply.citations)
    assert "Công hàm" in said and "Lý lịch tư pháp" in said


def test_the_sponsored_spouse_waits_three_years() -> None:
    # Art. 40(3): a foreigner sponsored by a Vietnamese spouse has resided temporarily 3 years or more.
    reply = ask("Am I eligible for permanent residence through my Vietnamese wife?", on=TODAY)
    assert reply.covered
    assert any(c.article == "Điều 40" for c in reply.citations)
    assert "03 năm" in " ".join(c.quote_vi for c in reply.citations)
