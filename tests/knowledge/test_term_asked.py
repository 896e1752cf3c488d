"""'X cho người nước ngoài là gì?' asks what X is: a term the law defines that only qualifies X ('người nước
ngoài', Law 47/2014 Art. 3 k1) is not the answer. Real kb.json, my own wordings."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, render_reply

TODAY = date(2026, 12, 1)
FOREIGNER_DEFINED = "Người nước ngoài là người mang giấy tờ"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Giấy khám sức khỏe cho người nước ngoài là gì?", "vi"),
        ("giay kham suc khoe danh cho nguoi nuoc ngoai la gi", "vi"),
        ("Mục đích của phiếu lý lịch tư pháp đối với người nước ngoài là gì?", "vi"),
        ("What is the health certificate for foreigners?", "en"),
    ],
)
def test_a_term_qualifying_the_thing_asked_is_not_defined_instead(text: str, lang: str) -> None:
    shown = render_reply(ask(text, lang=lang, on=TODAY), lang)
    assert FOREIGNER_DEFINED not in shown, shown


@pytest.mark.parametrize(
    ("text", "lang", "defined"),
    [
        ("Thẻ tạm trú cho người nước ngoài là gì?", "vi", "Thẻ tạm trú là loại giấy tờ"),
        ("Cơ sở lưu trú của người nước ngoài là gì?", "vi", "Cơ sở lưu trú là nơi tạm trú"),
    ],
)
def test_the_term_asked_first_is_still_defined(text: str, lang: str, defined: str) -> None:
    shown = render_reply(ask(text, lang=lang, on=TODAY), lang)
    assert defined in shown, shown


@pytest.mark.parametrize(
    ("text", "lang"),
    [("What is form NA17 used for?", "en"), ("Mẫu NA17 dùng để làm gì?", "vi"), ("NA17表格是什么?", "zh")],
)
def test_a_forms_code_names_the_topic_of_the_clause_naming_it(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.topic == "temporary_residence"
    assert reply.covered
    assert any(c.doc_number == "53/2016/TT-BCA" and c.article == "Điều 7" for c in reply.citations), [
        (c.doc_number, c.article) for c in reply.citations
    ]
