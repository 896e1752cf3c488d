"""ask() answers the case, act and term the question names, and nothing beside it.

Real kb.json, no mocks. Each expectation is read from the law texts on file: Labour Code 45/2019 Art. 154 and
Decree 219/2025 Art. 7 (who needs no work permit), Decree 282/2025 Art. 21 (immigration fines, by act), Law
47/2014 Art. 3 and 32 (what the words mean).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from knowledge import Reply, ask

TODAY = date(2026, 12, 1)


@cache
def _ask(text: str, lang: str = "en") -> Reply:
    return ask(text, lang=lang, on=TODAY)


def _first(r: Reply) -> tuple[str, str | None, str | None, str | None]:
    c = r.citations[0]
    return (c.doc_number, c.article, c.clause, c.point)


# --- an exemption question that names its case gets that case's clause first ---------------------------------

MARRIED = ("45/2019/QH14", "Điều 154", "khoản 8", None)  # 'kết hôn với người Việt Nam và sinh sống ...'
INVESTOR = ("219/2025/NĐ-CP", "Điều 7", "khoản 2", None)  # 'góp vốn từ 3 tỷ đồng trở lên ... TNHH'
TRANSFER = ("219/2025/NĐ-CP", "Điều 7", "khoản 13", "điểm b")  # 'Di chuyển trong nội bộ doanh nghiệp'
STUDENT = ("219/2025/NĐ-CP", "Điều 7", "khoản 7", None)  # 'Học sinh, sinh viên ... thực tập'


@pytest.mark.parametrize(
    ("text", "lang", "clause"),
    [
        ("Is a foreigner married to a Vietnamese exempt from a work permit?", "en", MARRIED),
        ("与越南人结婚的外国人需要工作许可证吗？", "zh", MARRIED),
        ("베트남인과 결혼한 외국인은 노동허가 면제입니까?", "ko", MARRIED),
        ("Người nước ngoài kết hôn với người Việt Nam có phải xin giấy phép lao động không?", "vi", MARRIED),
        ("Do investors need a work permit in Vietnam?", "en", INVESTOR),
        ("Is an intra-company transferee exempt from a work permit?", "en", TRANSFER),
        ("Do students doing an internship need a work permit?", "en", STUDENT),
    ],
)
def test_an_exemption_question_naming_its_case_gets_that_clause_first(
    text: str, lang: str, clause: tuple[str, str, str, str | None]
) -> None:
    r = _ask(text, lang)
    assert r.covered and r.facet == "exemption"
    assert _first(r) == clause
    # The direct answer opens with that clause's own words (its condition included), not the list's start;
    # each quoted piece is the words of a cited clause.
    opening = r.direct.split(". The exempt cases")[0]
    pieces = [p.split("”")[0].strip("… ") for p in opening.split("“")[1:]]
    assert any(p in r.citations[0].quote_vi for p in pieces)
    assert all(any(p in c.quote_vi for c in r.citations) for p in pieces)


def test_the_named_case_carries_its_condition_and_the_other_cases_numbers_are_left_out() -> None:
    r = _ask("Is an intra-company transferee exempt from a work permit?")
    assert "ít nhất 12 tháng liên tục" in r.direct  # the condition of Art. 7 k13 b is said with the case
    assert "nhà quản lý, giám đốc điều hành, chuyên gia, lao động kỹ thuật" in r.direct  # whom k13 is for
    assert "3 tỷ" not in r.direct  # the investors' threshold is another case
    married = _ask("Is a foreigner married to a Vietnamese exempt from a work permit?")
    assert "3 tỷ" not in married.direct and "90 ngày" not in married.direct


def test_a_visa_exemption_for_a_spouse_quotes_the_sentence_naming_spouses() -> None:
    r = _ask("Are spouses of Vietnamese citizens exempt from visa?")
    assert "vợ, chồng, con của công dân Việt Nam" in r.direct
    assert "(1) Theo điều ước quốc tế" not in r.direct.split("(quoted below)")[0]
