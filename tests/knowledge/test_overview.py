"""'What are the rules for work permits?' asks a paper's rules and nothing narrower: it gets the main values the
national texts state for everyone (the declaration's time limits and the host's fine; the permit's term and
processing time), each with its clause, not "not covered" nor a quote of whichever article shares its words.
Real kb.json; my own wordings."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, render_reply
from knowledge.overview import asks_rules

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang", "facts", "docs"),
    [
        (
            "What are the regulations on temporary residence declaration for foreigners?",
            "en",
            ["12 hours", "24 hours", "immediately", "3,000,000"],
            ["47/2014/QH13", "53/2016/TT-BCA", "282/2025/NĐ-CP"],
        ),
        (
            "quy dinh ve khai bao tam tru cho nguoi nuoc ngoai nhu the nao",
            "vi",
            ["12 giờ", "24 giờ"],
            ["47/2014/QH13"],
        ),
        ("越南外国人临时住宿登记有什么规定?", "zh", ["12小时", "24小时"], ["47/2014/QH13"]),
        (
            "What are the rules for work permits in Vietnam?",
            "en",
            ["2 years", "10 working days"],
            ["45/2019/QH14"],
        ),
        (
            "Quy định về giấy phép lao động cho người nước ngoài",
            "vi",
            ["2 năm", "10 ngày làm việc"],
            ["219/2025/NĐ-CP"],
        ),
        ("베트남 노동허가 규정", "ko", ["2년"], ["45/2019/QH14"]),
    ],
)
def test_the_rules_of_a_paper_are_its_main_values_with_their_clauses(
    text: str, lang: str, facts: list[str], docs: list[str]
) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    shown = render_reply(reply, lang)
    assert reply.covered, shown
    for fact in facts:
        assert fact in reply.direct, (fact, shown)
    cited = {c.doc_number for c in reply.citations}
    assert set(docs) <= cited, cited


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Quy định về gia hạn giấy phép lao động", "work_permit"),
        ("What are the rules on work permit renewal?", "work_permit"),
        ("越南工作许可延期有什么规定?", "work_permit"),
        ("Thủ tục khai báo tạm trú qua mạng", "temporary_residence"),
    ],
)
def test_rules_of_something_narrower_are_not_the_papers_overview(text: str, topic: str) -> None:
    assert not asks_rules(text, topic)
