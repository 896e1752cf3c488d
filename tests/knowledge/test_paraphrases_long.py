"""Second paraphrase sweep: long messages (context first, the question last, sometimes two questions) get the
topic, facet and clause of what they ask, not of the papers and dates they tell about.

Real kb.json, no mocks. The table (tables/test_paraphrases_long.yaml) holds 150 forum-post and reader-letter
wordings in en (also non-native), vi with and without marks, zh and ko; expected clauses as in the first sweep.
"""

from __future__ import annotations

import pytest

from knowledge.asked import asking_sentences
from knowledge.fit import about_citizens_only
from tests.knowledge.test_paraphrases import check_reply
from tests.tables import cases

# A row: (message, language, topic, facet or the two facets a two-question message asks, articles).
Row = tuple[str, str, str, str | list[str], list[str]]


@cases("row")
def test_a_long_message_gets_its_topic_facet_and_clause(row: Row) -> None:
    check_reply(*row)


@cases("row")
def test_two_questions_get_one_of_them_answered(row: Row) -> None:
    check_reply(*row)


@pytest.mark.parametrize(
    "text, asking",
    [
        ("How long is a work permit valid?", []),
        ("I hold a TRC. My wife is Korean. Who declares her stay?", ["Who declares her stay?"]),
        ("我有工作许可。临时居住卡要多久?需要什么材料?", ["临时居住卡要多久?", "需要什么材料?"]),
        ("Em mới thuê nhà từ 01/02/2027. Khai báo tạm trú ở đâu", ["Khai báo tạm trú ở đâu"]),
    ],
)
def test_the_asking_sentences_are_told_from_the_context(text: str, asking: list[str]) -> None:
    assert asking_sentences(text) == asking


@pytest.mark.parametrize(
    "text, citizens_only",
    [
        ("Tôi có bà con người Việt Nam ở quê lên chơi. Có phải khai báo tạm trú không?", True),
        ("My Vietnamese parents will stay with me for a month. Do I have to register them?", True),
        ("베트남 친구 집에 2주 머뭅니다. 친구가 저를 신고해야 하나요?", False),
        ("저는 한국인이고 집주인은 베트남 사람입니다. 거주 신고는 누가 하나요?", False),
        ("我是中国人,房东是越南人。住宿登记谁来办?", False),
    ],
)
def test_a_vietnamese_host_does_not_make_a_foreign_guest_a_citizen(text: str, citizens_only: bool) -> None:
    assert about_citizens_only(text) is citizens_only
