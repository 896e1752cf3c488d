"""How old a paper may be is answered only where a file on file sets it an age limit (issue #11).

Real kb.json, no mocks. Decree 219/2025 Art. 18 k4 has the criminal-record certificate of the work-permit file
'cấp không quá 6 tháng, kể từ ngày cấp đến ngày nộp hồ sơ'; Art. 18 k2 sets a 12-month limit only for a health
certificate issued abroad (its second sentence); for one issued in Viet Nam no text on file sets an age, so the
list of files that ask for it is no answer ('not covered', ask the Department of Health).
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask, render_reply
from knowledge.required import asks_age
from knowledge.text import fold

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Giấy khám sức khỏe cấp quá 6 tháng có còn dùng được không?", "vi"),
        ("giay kham suc khoe lam o benh vien viet nam cap qua 8 thang con dung duoc khong", "vi"),
    ],
)
def test_a_health_certificate_age_is_not_on_file(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert not reply.covered, reply.direct


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("How recent must the criminal record be for the work permit?", "en"),
        ("Lý lịch tư pháp nộp hồ sơ giấy phép lao động cấp quá 6 tháng có được không?", "vi"),
    ],
)
def test_a_criminal_record_age_for_the_work_permit_is_six_months(text: str, lang: str) -> None:
    reply = ask(text, lang=lang, on=TODAY)
    assert reply.covered and "6" in fold(render_reply(reply, lang)), reply.direct
    assert any(c.doc_number == "219/2025/NĐ-CP" and c.article == "Điều 18" for c in reply.citations)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("how recent must it be", True),
        ("cấp quá 6 tháng còn dùng được không", True),
        ("多久以内开具的无犯罪证明有效?", True),
        ("When do I need a criminal record certificate?", False),
        ("How long is the health certificate valid?", False),
    ],
)
def test_asking_the_age_of_a_paper(text: str, asks: bool) -> None:
    assert asks_age(text) is asks
