"""A visa at the border gate (Law 47/2014 Art. 18: only for those departing from a country without a Vietnamese
visa office, transiting several countries, on a tour of an international travel company, ...) and entry without
a visa (Art. 12 as amended), asked in the words people use."""

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
        "Can I get a visa on arrival in Vietnam?",
        "越南可以办落地签吗?",
        "베트남 공항에서 도착 비자를 받을 수 있나요?",
    ],
)
def test_a_visa_on_arrival_asks_the_border_gate_cases(text: str) -> None:
    assert detect_topic(text) == "visa_residence_card"
    assert detect_facet(text) == "eligibility"
    assert "cap thi thuc tai cua khau quoc te" in expand_query(text)


def test_a_clause_leading_a_list_of_cases_of_entry_says_who() -> None:
    lead = "Người nước ngoài được cấp thị thực tại cửa khẩu quốc tế trong các trường hợp sau đây:"
    assert lists_entry_cases({"article_title": "Cấp thị thực tại cửa khẩu quốc tế", "text": lead})
    assert lists_entry_cases({"article_title": "", "context": lead, "text": "Trước khi đến Việt Nam ..."})
    assert not lists_entry_cases({"article_title": "Hồ sơ đề nghị cấp giấy phép lao động", "text": "Văn bản"})


@pytest.mark.parametrize("text", ["Can I get a visa on arrival in Vietnam?", "越南可以办落地签吗?"])
def test_the_border_gate_cases_are_quoted(text: str) -> None:
    reply = ask(text, lang="en", on=TODAY)
    assert reply.covered
    quotes = [c.quote_vi for c in reply.citations if c.article == "Điều 18"]
    assert any("không có cơ quan có thẩm quyền cấp thị thực" in q for q in quotes)


@pytest.mark.parametrize(
    "text", ["무사증이란 무엇인가요?", "Can I enter Vietnam visa-free?", "무비자 입국 조건은?"]
)
def test_visa_free_entry_asks_the_exempt_cases(text: str) -> None:
    assert detect_facet(text) == "exemption"


def test_visa_free_entry_quotes_art_12() -> None:
    reply = ask("무사증이란 무엇인가요?", lang="ko", on=TODAY)
    assert reply.covered
    assert any(c.article == "Điều 12" and "điều ước quốc tế" in c.quote_vi for c in reply.citations)
