"""Q&A actions against the real knowledge base: the events they return and what they say."""

from __future__ import annotations

import json

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

import knowledge
from actions.qa import (
    ActionAnswerProcedure,
    ActionDefaultAskAffirmation,
    ActionShowDecreeText,
    role_in_text,
    zone_in_text,
)
from tests.actions.conftest import make_tracker


def province_entity(value: str) -> list[dict[str, str]]:
    return [{"entity": "province", "value": value}]


async def test_answers_with_the_knowledge_base_and_its_citation(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "how do I get a work permit in Bac Ninh", "ask_work_permit", province_entity("Bac Ninh")
    )
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert events == [SlotSet("topic", "work_permit"), SlotSet("province", "Bac Ninh")]
    [message] = dispatcher.messages
    expected = knowledge.answer("work_permit", "Bac Ninh", lang="en")
    assert message["text"] == knowledge.render_answer(expected, "en")
    assert "1151" in message["text"]
    assert "/show_decree_text" in [b["payload"] for b in message["buttons"]]


async def test_province_found_in_the_text_when_nlu_missed_it(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("criminal record certificate in lai chau?", "ask_criminal_record")
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert SlotSet("province", "Lai Châu") in events


async def test_missing_province_is_asked_with_buttons(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("how do I get a health check", "ask_health_check")
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert events == [SlotSet("topic", "health_check"), SlotSet("province", None)]
    [message] = dispatcher.messages
    assert "which province" in message["text"]
    payloads = [b["payload"] for b in message["buttons"]]
    assert '/inform{"province": "Hà Nội"}' in payloads
    assert json.loads(payloads[0].removeprefix("/inform"))["province"]


async def test_a_new_province_repeats_the_last_topic(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "and in Lai Chau?",
        "inform",
        province_entity("Lai Chau"),
        slots={"topic": "work_permit", "province": "Hà Nội"},
    )
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert events == [SlotSet("topic", "work_permit"), SlotSet("province", "Lai Chau")]
    expected = knowledge.render_answer(knowledge.answer("work_permit", "Lai Chau", lang="en"), "en")
    assert dispatcher.messages[0]["text"] == expected


async def test_hanoi_work_permit_asks_about_the_zone_first(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("work permit in Hanoi", "ask_work_permit", province_entity("Hanoi"))
    await ActionAnswerProcedure().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    assert [b["payload"] for b in message["buttons"]] == [
        '/inform{"zone": "inside"}',
        '/inform{"zone": "outside"}',
    ]


@pytest.mark.parametrize("zone", ["inside", "outside"])
async def test_hanoi_work_permit_office_depends_on_the_zone(
    dispatcher: CollectingDispatcher, zone: str
) -> None:
    tracker = make_tracker(
        f'/inform{{"zone": "{zone}"}}',
        "inform",
        [{"entity": "zone", "value": zone}],
        slots={"topic": "work_permit", "province": "Hà Nội", "zone": zone},
    )
    await ActionAnswerProcedure().run(dispatcher, tracker, {})
    expected = knowledge.answer("work_permit", "Hà Nội", lang="en", in_zone=zone == "inside")
    assert dispatcher.messages[0]["text"] == knowledge.render_answer(expected, "en")
    assert expected.agencies, "the knowledge base names the office"


async def test_vietnamese_user_gets_the_vietnamese_template(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "khai báo tạm trú ở Hà Nam",
        "ask_temporary_residence",
        province_entity("Hà Nam"),
        slots={"language": "vi", "role": "host"},
    )
    await ActionAnswerProcedure().run(dispatcher, tracker, {})
    expected = knowledge.answer("temporary_residence", "Hà Nam", role="host", lang="vi")
    assert dispatcher.messages[0]["text"] == knowledge.render_answer(expected, "vi")


async def test_chinese_user_is_told_the_answer_is_in_english(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "河内工作许可证", "ask_work_permit", slots={"language": "zh", "province": "Bắc Ninh"}
    )
    await ActionAnswerProcedure().run(dispatcher, tracker, {})
    text = dispatcher.messages[0]["text"]
    assert text.startswith("（以下为英文回答")
    assert "1151" in text


async def test_decree_text_quotes_the_cited_clauses(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "show me the decree", "show_decree_text", slots={"topic": "work_permit", "province": "Bắc Ninh"}
    )
    assert await ActionShowDecreeText().run(dispatcher, tracker, {}) == []
    citation = knowledge.answer("work_permit", "Bắc Ninh", lang="en").citations[0]
    assert knowledge.render_quote(citation, "en") in dispatcher.messages[0]["text"]


async def test_decree_text_without_a_question_explains_itself(dispatcher: CollectingDispatcher) -> None:
    await ActionShowDecreeText().run(dispatcher, make_tracker("show the text", "show_decree_text"), {})
    assert "Ask me a question first" in dispatcher.messages[0]["text"]


async def test_fallback_offers_matching_clauses_and_did_you_mean(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "người nước ngoài phải khai báo tạm trú với công an", "nlu_fallback", slots={"language": "vi"}
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_temporary_residence", "confidence": 0.35},
        {"name": "greet", "confidence": 0.1},
        {"name": "ask_visa", "confidence": 0.05},
    ]
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 2
    assert "Điều" in dispatcher.messages[0]["text"]
    buttons = dispatcher.messages[1]["buttons"]
    assert [b["payload"] for b in buttons] == ["/ask_temporary_residence", "/ask_visa", "/out_of_scope"]


async def test_fallback_says_honestly_when_nothing_matches(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("zxqv blorp", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.9}]
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    assert "do not cover" in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/out_of_scope"]


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("giấy phép lao động ở Hà Nội, công ty ngoài khu công nghiệp", "outside"),
        ("cong ty o trong KCN Thang Long", "inside"),
        ("we are inside an industrial park", "inside"),
        ("our company is not in an industrial zone", "outside"),
        ("công ty không nằm trong khu công nghệ cao", "outside"),
        ("work permit in hanoi", None),
    ],
)
def test_zone_read_from_the_words(text: str, zone: str | None) -> None:
    assert zone_in_text(text) == zone


async def test_outside_zone_in_the_question_answers_without_asking(dispatcher: CollectingDispatcher) -> None:
    text = "giấy phép lao động ở Hà Nội, công ty ngoài khu công nghiệp"
    tracker = make_tracker(
        text, "ask_work_permit", [{"entity": "zone", "value": "inside"}], slots={"language": "vi"}
    )
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert SlotSet("zone", "outside") in events
    expected = knowledge.answer("work_permit", "Hà Nội", lang="vi", in_zone=False)
    assert dispatcher.messages[0]["text"] == knowledge.render_answer(expected, "vi")


async def test_unmapped_role_span_is_ignored_not_fatal(dispatcher: CollectingDispatcher) -> None:
    entities = [
        {"entity": "role", "value": "foreign"},
        {"entity": "role", "value": "foreigner"},
        {"entity": "province", "value": "Hanoi"},
    ]
    tracker = make_tracker(
        "I'm a foreign student in Hanoi, do I have to declare my stay?", "ask_temporary_residence", entities
    )
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert SlotSet("role", "foreigner") in events
    expected = knowledge.answer("temporary_residence", "Hanoi", role="foreigner", lang="en")
    assert dispatcher.messages[0]["text"] == knowledge.render_answer(expected, "en")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("tôi là người nước ngoài ở Đà Nẵng, ai khai báo tạm trú cho tôi?", "foreigner"),
        ("I'm a foreign student in Hanoi", "foreigner"),
        ("I run a homestay in Hoi An", "host"),
        ("toi co khach san o ha noi", "host"),
        ("cho người nước ngoài thuê nhà có phải khai báo không", "host"),
        ("our company wants to hire a foreign engineer", "employer"),
        ("công ty chúng tôi tuyển lao động nước ngoài", "employer"),
        ("my employer took my passport", None),
        ("work permit in Bac Ninh", None),
    ],
)
def test_role_read_from_self_descriptions(text: str, role: str | None) -> None:
    assert role_in_text(text) == role
