"""Topic and facet detection in four languages, and the query-side corrections of issue #11."""

from __future__ import annotations

import pytest

from knowledge import ask, detect_facet, detect_topic, named_topics, resolve_area, search
from knowledge.facets import FACETS


@pytest.mark.parametrize(
    ("text", "topic", "facet"),
    [
        ("What is the fine if a hotel does not declare a foreign guest?", "temporary_residence", "penalty"),
        ("muc phat khong khai bao tam tru cho nguoi nuoc ngoai", "temporary_residence", "penalty"),
        ("Mức phạt không khai báo tạm trú cho người nước ngoài?", "temporary_residence", "penalty"),
        ("外国人临时住宿登记的期限是多久？", "temporary_residence", "deadline"),
        ("외국인 숙박 신고 기한은 언제까지입니까?", "temporary_residence", "deadline"),
        ("How long is a work permit valid for?", "work_permit", "validity"),
        ("Giấy phép lao động có giá trị bao lâu?", "work_permit", "validity"),
        ("工作許可證的有效期是多久？", "work_permit", "validity"),  # traditional characters
        ("노동허가 유효기간은?", "work_permit", "validity"),
        ("What documents does the employer submit for a work permit?", "work_permit", "documents"),
        ("Hồ sơ xin giấy phép lao động gồm những gì?", "work_permit", "documents"),
        ("How long does it take to get a criminal record certificate?", "criminal_record", "processing_time"),
        ("Xin phiếu lý lịch tư pháp mất bao lâu?", "criminal_record", "processing_time"),
        ("无犯罪记录证明需要什么材料？", "criminal_record", "documents"),
        ("Where can I do the health check for my work permit?", "health_check", "where"),
        ("khám sức khỏe cho người nước ngoài ở đâu", "health_check", "where"),
        ("Who is exempt from a work permit?", "work_permit", "exemption"),
        ("What is the procedure for extending a work permit?", "work_permit", "procedure"),
        ("Điều kiện và thủ tục cấp giấy phép lao động?", "work_permit", "eligibility"),
        ("How much is the fee for a work permit?", "work_permit", "fee"),
        ("How do I extend my temporary residence card?", "visa_residence_card", "validity"),
    ],
)
def test_topic_and_facet_are_read_from_the_question(text: str, topic: str, facet: str) -> None:
    assert (detect_topic(text), detect_facet(text)) == (topic, facet)


def test_words_that_ask_nothing_detect_nothing() -> None:
    assert detect_topic("hello there") is None and detect_facet("hello there") is None
    assert set(FACETS) >= {"penalty", "deadline", "documents", "where"}


@pytest.mark.parametrize("text", ["Hà Nam, Ninh Bình", "Hà Nam (nay là Ninh Bình)", "Ninh Bình (Hà Nam cũ)"])
def test_an_old_province_named_with_its_new_unit_resolves(text: str) -> None:
    hit = resolve_area(text)
    assert hit is not None and hit[0].code == "ninh_binh" and hit[1] == "Hà Nam"


def test_two_different_units_named_together_stay_ambiguous() -> None:
    assert resolve_area("Hà Nội, Ninh Bình") is None


def test_registering_a_company_is_not_a_residence_declaration() -> None:
    assert detect_topic("How do I register a company in Vietnam?") == "investment"
    assert all(h.topic == "investment" for h in search("register a company as a foreign investor"))
    assert ask("How do I register a company in Vietnam?").topic == "investment"
    assert detect_topic("How do I register my foreign guest?") == "temporary_residence"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Do I need a visa to work in Vietnam?", {"visa_residence_card": 3}),  # 'work in Vietnam' is context
        ("thủ tục xin thị thực", {"visa_residence_card": 3}),
        ("lý lịch tư pháp cho người lao động nước ngoài", {"criminal_record": 3}),
        ("工作许可证要什么材料", {"work_permit": 3}),
        ("노동허가 연장", {"work_permit": 3}),
        ("How do I declare my foreign guest?", {"temporary_residence": 2}),
        (
            "How do I extend my temporary residence card?",
            {"visa_residence_card": 3},
        ),  # the card, not the stay
        ("I lost my passport", {}),  # a passport names no paper's procedure
    ],
)
def test_named_topics_are_the_papers_named_by_their_own_words(text: str, named: dict[str, float]) -> None:
    assert named_topics(text) == named
