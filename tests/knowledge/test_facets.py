"""Topic and facet detection in four languages, and the query-side corrections of issue #11."""

from __future__ import annotations

import pytest

from knowledge import ask, detect_facet, detect_topic, named_topics, resolve_area, search
from knowledge.facets import FACETS
from tests.tables import cases


@cases("text, topic, facet")
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
