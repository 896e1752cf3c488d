"""'Requirements' of a paper the law sets no conditions for asks its file (issue #11).

Real kb.json, no mocks. The criminal-record certificate has no article titled 'Điều kiện' on file: what one needs
for it is the file of Decree 216/2026 Art. 22 (k1: the declaration form, online, by post with a certified
signature, or in person), not Art. 23 k2 b, which refuses a file 'không đủ điều kiện'. A paper with a conditions
article (the work permit: Labour Code Art. 151) keeps its conditions; what meets the requirements ('which clinics
meet the requirements') is not a file.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask
from knowledge.facets import asks_requirements_only

TODAY = date(2026, 12, 1)

CRIMINAL_RECORD_REQUIREMENTS = [
    ("What are the requirements for a criminal record certificate?", "en"),
    ("What do I need for a criminal record certificate?", "en"),
    ("Yêu cầu để xin phiếu lý lịch tư pháp là gì?", "vi"),
    ("申请无犯罪记录证明有什么要求?", "zh"),
]


@pytest.mark.parametrize(("text", "lang"), CRIMINAL_RECORD_REQUIREMENTS)
def test_requirements_of_a_criminal_record_certificate_are_its_file(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    assert r.facet == "documents" and r.covered, r.direct
    cited = {(c.doc_number, c.article, c.clause, c.point) for c in r.citations}
    assert any(key[:3] == ("216/2026/NĐ-CP", "Điều 22", "khoản 1") for key in cited), cited  # the form
    assert not any(c.article == "Điều 23" for c in r.citations), cited  # receiving or refusing a file


def test_requirements_of_a_paper_with_conditions_are_its_conditions() -> None:
    r = ask("What are the requirements for a work permit?", on=TODAY)
    assert r.facet == "eligibility" and any(c.article == "Điều 151" for c in r.citations)


def test_meeting_the_requirements_is_not_asking_the_file() -> None:
    assert not asks_requirements_only("Which clinics meet the requirements for the health check?")
    assert not asks_requirements_only("What are the conditions and requirements for a visa?")
    assert asks_requirements_only("Police check certificate requirements?")
