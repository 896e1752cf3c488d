"""Q&A actions against the real knowledge base: the events they return and what they say.

The expected text is always knowledge's own (knowledge.ask + render_reply with the same arguments), so
these tests hold the dialogue to passing the right topic, facet, province, zone and language, and to
asking only what the reply needs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

import knowledge
from actions.qa import (
    TOPIC_BY_INTENT,
    ActionAnswerProcedure,
    ActionDefaultAskAffirmation,
    ActionShowDecreeText,
    province_from,
    reply_buttons,
    role_in_text,
    zone_in_text,
)
from tests.actions.conftest import make_tracker
from tests.tables import cases


def entity(name: str, value: str) -> dict[str, str]:
    return {"entity": name, "value": value}


def slots_of(events: list[Any]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def answer(
    text: str, intent: str, entities: list[dict[str, str]] | None = None, slots: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerProcedure().run(dispatcher, make_tracker(text, intent, entities, slots), {})
    return slots_of(events), dispatcher.messages


def payloads(messages: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for m in messages for b in m["buttons"]]


async def test_national_question_is_answered_at_once_without_a_province_prompt() -> None:
    text = "What's the fine for not declaring a foreign guest?"
    slots, [message] = await answer(text, "ask_temporary_residence", [entity("facet", "penalty")])
    expected = knowledge.ask(text, topic="temporary_residence", facet="penalty", lang="en")
    assert message["text"] == knowledge.render_reply(expected, "en")
    assert not any(p.startswith('/inform{"province"') for p in payloads([message]))
    assert slots["topic"] == "temporary_residence"
    assert slots["facet"] == "penalty"
    assert slots["province"] is None


async def test_facet_follow_up_applies_to_the_last_topic() -> None:
    remembered = {"topic": "work_permit", "facet": "validity"}
    slots, [message] = await answer(
        "what documents do I need?", "inform", [entity("facet", "documents")], remembered
    )
    expected = knowledge.ask("what documents do I need?", topic="work_permit", facet="documents", lang="en")
    assert message["text"] == knowledge.render_reply(expected, "en")
    assert (slots["topic"], slots["facet"]) == ("work_permit", "documents")


async def test_a_follow_up_without_facet_entity_is_read_by_knowledge() -> None:
    remembered = {"topic": "work_permit", "facet": "documents"}
    slots, _ = await answer("and the fee?", "inform", [], remembered)
    assert slots["facet"] == knowledge.detect_facet("and the fee?") == "fee"


async def test_a_new_province_repeats_the_last_topic_and_facet() -> None:
    remembered = {"topic": "work_permit", "facet": "where", "province": "Hà Nội", "zone": "inside"}
    slots, [message] = await answer(
        "and in Bắc Ninh?", "inform", [entity("province", "Bắc Ninh")], remembered
    )
    assert (slots["topic"], slots["facet"], slots["province"]) == ("work_permit", "where", "Bắc Ninh")
    expected = knowledge.ask(
        "and in Bắc Ninh?", topic="work_permit", facet="where", province="Bắc Ninh", zone="inside", lang="en"
    )
    assert message["text"] == knowledge.render_reply(expected, "en")


async def test_office_question_asks_the_province_with_buttons_then_answers() -> None:
    slots, [message] = await answer(
        '/inform{"facet": "where"}', "inform", [entity("facet", "where")], {"topic": "work_permit"}
    )
    reply = knowledge.ask("", topic="work_permit", facet="where", lang="en")
    assert reply.needs == ("province",)
    assert '/inform{"province": "Hà Nội"}' in payloads([message])
    assert json.loads(payloads([message])[0].removeprefix("/inform"))["province"]
    # The province tap: the answer for the remembered topic and facet (no dead end).
    slots, [message] = await answer(
        '/inform{"province": "Bắc Ninh"}', "inform", [entity("province", "Bắc Ninh")], slots
    )
    expected = knowledge.ask("", topic="work_permit", facet="where", province="Bắc Ninh", lang="en")
    assert message["text"] == knowledge.render_reply(expected, "en")
    assert "province" not in expected.needs


async def test_hanoi_work_permit_zone_question_is_followed_by_the_answer() -> None:
    start = {"topic": "work_permit", "facet": "where"}
    slots, [message] = await answer(
        '/inform{"province": "Hà Nội"}', "inform", [entity("province", "Hà Nội")], start
    )
    needs = knowledge.ask("", topic="work_permit", facet="where", province="Hà Nội", lang="en").needs
    if "zone" in needs:
        assert payloads([message]) == ['/inform{"zone": "inside"}', '/inform{"zone": "outside"}']
    slots, [message] = await answer(
        '/inform{"zone": "outside"}', "inform", [entity("zone", "outside")], slots
    )
    expected = knowledge.ask(
        "", topic="work_permit", facet="where", province="Hà Nội", zone="outside", lang="en"
    )
    assert "zone" not in expected.needs
    assert message["text"] == knowledge.render_reply(expected, "en")
    assert slots["zone"] == "outside"


async def test_unknown_topic_asks_it_and_keeps_the_facet_for_the_tap() -> None:
    slots, [message] = await answer("and the fee?", "inform", [entity("facet", "fee")])
    assert slots["topic"] is None and slots["facet"] == "fee"
    assert "/ask_work_permit" in payloads([message])
    slots, [message] = await answer("/ask_work_permit", "ask_work_permit", [], slots)
    assert (slots["topic"], slots["facet"]) == ("work_permit", "fee")
    assert message["text"] == knowledge.render_reply(
        knowledge.ask("", topic="work_permit", facet="fee"), "en"
    )


@pytest.mark.parametrize(
    ("lang", "text"), [("zh", "越南工作许可证有效期是多久?"), ("ko", "워크퍼밋 유효기간은 얼마인가요?")]
)
async def test_chinese_and_korean_questions_are_answered_in_their_language(lang: str, text: str) -> None:
    _, [message] = await answer(text, "ask_work_permit", [entity("facet", "validity")], {"language": lang})
    expected = knowledge.ask(text, topic="work_permit", facet="validity", lang=lang)
    assert message["text"] == knowledge.render_reply(expected, lang)
    assert message["text"].startswith(expected.direct)
    assert expected.direct != knowledge.ask(text, topic="work_permit", facet="validity", lang="en").direct


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("an ninh trật tự ở khu này thế nào, có phải khai báo tạm trú không", "Ninh"),
        ("người nước ngoài ở Việt Nam phải khai báo tạm trú không", "Nam"),
        ("If You Do not declare a guest, what happens?", "If You Do"),
    ],
)
def test_ordinary_words_tagged_as_a_province_name_no_province(text: str, tagged: str) -> None:
    tracker = make_tracker(
        text, "ask_temporary_residence", [entity("province", tagged)], {"province": tagged}
    )
    assert province_from(tracker) is None


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("criminal record certificate in lai chau?", "Lai Châu"),
        ("work permit in Hanoi", "Hà Nội"),
        ("khai bao tam tru o bac ninh", "Bắc Ninh"),
        ("I'm in HCMC", "Hồ Chí Minh"),
    ],
)
def test_province_found_in_the_words(text: str, province: str) -> None:
    assert province_from(make_tracker(text, "inform")) == province


def test_a_remembered_province_is_kept_when_the_message_names_none() -> None:
    tracker = make_tracker("and the fee?", "inform", slots={"province": "Bắc Ninh"})
    assert province_from(tracker) == "Bắc Ninh"


def test_national_covered_answer_offers_the_office_in_the_users_province() -> None:
    reply = knowledge.Reply(
        topic="work_permit", facet="validity", covered=True, direct="Up to 2 years.", lang="en"
    )
    titles = [b["title"] for b in reply_buttons(reply, "en", None, None)]
    assert "In your province, the office is …" in titles
    assert reply_buttons(reply, "en", "Bắc Ninh", None) == []
    zone_reply = knowledge.Reply(
        topic="work_permit", facet="where", covered=True, direct="x", needs=("zone",)
    )
    assert [b["payload"] for b in reply_buttons(zone_reply, "vi", "Hà Nội", None)] == [
        '/inform{"zone": "inside"}',
        '/inform{"zone": "outside"}',
    ]
    assert (
        reply_buttons(zone_reply, "vi", "Hà Nội", None)[0]["title"] == "Trong khu công nghiệp / công nghệ cao"
    )


async def test_decree_text_quotes_the_clauses_of_the_last_answer(dispatcher: CollectingDispatcher) -> None:
    slots = {"topic": "temporary_residence", "facet": "deadline"}
    question = "how soon must a hotel declare a foreign guest?"
    events = [{"event": "user", "text": question}, {"event": "user", "text": "show the text"}]
    tracker = make_tracker("show the text", "show_decree_text", slots=slots, events=events)
    await ActionShowDecreeText().run(dispatcher, tracker, {})
    reply = knowledge.ask(question, topic="temporary_residence", facet="deadline", lang="en")
    [message] = dispatcher.messages
    assert reply.citations, "the deadline of a guest declaration is on file"
    assert message["text"].startswith(knowledge.render_quote(reply.citations[0], "en"))


async def test_decree_text_without_a_question_explains_itself(dispatcher: CollectingDispatcher) -> None:
    await ActionShowDecreeText().run(dispatcher, make_tracker("show the text", "show_decree_text"), {})
    assert "Ask me a question first" in dispatcher.messages[0]["text"]


async def test_fallback_says_not_covered_and_offers_did_you_mean(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "các cơ quan phối hợp quản lý người nước ngoài", "nlu_fallback", slots={"language": "vi"}
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_temporary_residence", "confidence": 0.35},
        {"name": "greet", "confidence": 0.1},
        {"name": "ask_visa", "confidence": 0.05},
    ]
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    assert len(dispatcher.messages) == 2
    reply = knowledge.ask("các cơ quan phối hợp quản lý người nước ngoài", lang="vi")
    assert not reply.covered
    # Not covered: knowledge's one reply naming who to ask, not clauses that only share words with it.
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(reply, "vi")
    assert knowledge.not_covered_text("vi") in dispatcher.messages[0]["text"]
    buttons = dispatcher.messages[1]["buttons"]
    assert [b["payload"] for b in buttons] == ["/ask_temporary_residence", "/ask_visa", "/out_of_scope"]


async def test_fallback_answers_when_the_words_name_a_topic(dispatcher: CollectingDispatcher) -> None:
    text = "người nước ngoài phải khai báo tạm trú với công an trong bao lâu"
    tracker = make_tracker(text, "nlu_fallback", slots={"language": "vi"})
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.4}]
    events = await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    topic = knowledge.detect_topic(text)
    assert topic == "temporary_residence"
    assert slots_of(events)["topic"] == topic
    expected = knowledge.ask(text, topic=topic, lang="vi")
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(expected, "vi")


async def test_fallback_says_honestly_when_nothing_matches(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("zxqv blorp", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.9}]
    await ActionDefaultAskAffirmation().run(dispatcher, tracker, {})
    [message] = dispatcher.messages
    assert knowledge.not_covered_text("en") in message["text"]
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


async def test_out_of_scope_answers_a_question_naming_a_covered_topic() -> None:
    from actions.qa import ActionOutOfScope

    text = "can tourists work in Vietnam with a work permit exemption?"
    dispatcher = CollectingDispatcher()
    events = await ActionOutOfScope().run(dispatcher, make_tracker(text, "out_of_scope"), {})
    topic = knowledge.detect_topic(text)
    assert topic is not None and slots_of(events)["topic"] == topic
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(knowledge.ask(text, topic=topic), "en")


async def test_out_of_scope_stays_out_of_scope_for_chit_chat() -> None:
    from actions.qa import ActionOutOfScope

    dispatcher = CollectingDispatcher()
    events = await ActionOutOfScope().run(dispatcher, make_tracker("tell me a joke", "out_of_scope"), {})
    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_out_of_scope"]


@pytest.mark.parametrize(
    ("text", "lang"), [("TTĐT có thời hạn bao lâu?", "vi"), ("Mẫu NA17 là gì? Mẫu NA17 để làm gì", "vi")]
)
async def test_a_question_read_as_help_is_answered_when_the_texts_cover_it(text: str, lang: str) -> None:
    from actions.core import ActionShowHelp

    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, "help", [], {"language": lang})
    events = await ActionShowHelp().run(dispatcher, tracker, {})
    topic = knowledge.detect_topic(text)
    assert topic is not None and slots_of(events)["topic"] == topic
    expected = knowledge.ask(text, topic=topic, lang=lang)
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(expected, lang)


@pytest.mark.parametrize("action_name", ["ActionDefaultAskAffirmation", "ActionDefaultFallback"])
async def test_an_unsure_follow_up_asking_a_facet_stays_on_the_last_topic(action_name: str) -> None:
    import actions.qa

    text = "giấy đó có giá trị trong bao lâu?"
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(text, "nlu_fallback", [], {"language": "vi", "topic": "work_permit"})
    events = await getattr(actions.qa, action_name)().run(dispatcher, tracker, {})
    assert slots_of(events)["topic"] == "work_permit"
    expected = knowledge.ask(text, topic="work_permit", lang="vi")
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(expected, "vi")


async def test_help_asked_for_shows_what_i_can_do() -> None:
    from actions.core import ActionShowHelp

    dispatcher = CollectingDispatcher()
    events = await ActionShowHelp().run(
        dispatcher, make_tracker("bạn làm được gì?", "help", [], {"language": "vi"}), {}
    )
    assert events == []
    assert dispatcher.messages[0]["text"].startswith("Tôi có thể giúp")


async def test_a_detail_with_nothing_in_it_shows_what_i_can_do() -> None:
    slots, [message] = await answer("bạn làm được gì?", "inform", [], {"language": "vi"})
    assert message["text"].startswith("Tôi có thể giúp")
    assert "/ask_work_permit" in payloads([message])
    assert "topic" not in slots


@cases("lang, text, intent, topic")
async def test_a_paper_named_in_the_words_wins_over_the_intent(
    lang: str, text: str, intent: str, topic: str
) -> None:
    if topic != TOPIC_BY_INTENT[intent]:  # the words name another paper than the intent's
        assert knowledge.detect_topic(text) != TOPIC_BY_INTENT[intent]
    slots, [message] = await answer(text, intent, [], {"language": lang})
    assert slots["topic"] == topic
    expected = knowledge.ask(text, topic=topic, role=role_in_text(text), lang=lang)
    assert message["text"] == knowledge.render_reply(expected, lang)


async def test_a_follow_up_naming_another_paper_moves_to_it() -> None:
    slots, [message] = await answer(
        "and for the visa?", "inform", [], {"topic": "work_permit", "facet": "fee"}
    )
    assert slots["topic"] == "visa_residence_card"
    expected = knowledge.ask("and for the visa?", topic="visa_residence_card", lang="en")
    assert message["text"] == knowledge.render_reply(expected, "en")
    slots, _ = await answer(
        '/inform{"province": "Bắc Ninh"}', "inform", [entity("province", "Bắc Ninh")], slots
    )
    assert slots["topic"] == "visa_residence_card"


async def test_out_of_scope_answers_a_fined_act_the_texts_cover() -> None:
    """No paper named, but knowledge finds the act's fine (an overstay): answered, not declined."""
    from actions.qa import ActionOutOfScope

    text = "what if I stay past my permitted stay by 10 days?"
    assert knowledge.detect_topic(text) is None
    expected = knowledge.ask(text, lang="en")
    assert expected.covered and expected.topic is not None
    dispatcher = CollectingDispatcher()
    events = await ActionOutOfScope().run(dispatcher, make_tracker(text, "out_of_scope"), {})
    assert slots_of(events)["topic"] == expected.topic
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(
        knowledge.ask(text, topic=expected.topic, lang="en"), "en"
    )


async def test_core_fallback_answers_when_the_texts_hold_the_answer(dispatcher: CollectingDispatcher) -> None:
    from actions.qa import ActionDefaultFallback

    text = "越南签证过期会怎样?"
    tracker = make_tracker(text, "affirm", slots={"language": "zh"})
    events = await ActionDefaultFallback().run(dispatcher, tracker, {})
    topic = knowledge.detect_topic(text)
    assert topic == "visa_residence_card"
    # The turn is reverted first (as Rasa's own fallback does); what it learnt is set after that.
    assert events[0]["event"] == "rewind"
    assert slots_of(events)["topic"] == topic
    assert slots_of(events)["language"] == "zh"
    expected = knowledge.ask(text, topic=topic, lang="zh")
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(expected, "zh")


async def test_core_fallback_declines_with_who_to_ask(dispatcher: CollectingDispatcher) -> None:
    from actions.qa import ActionDefaultFallback

    text = "nếu có gì bất thường thì làm sao"
    tracker = make_tracker(text, "affirm", slots={"language": "vi"})
    events = await ActionDefaultFallback().run(dispatcher, tracker, {})
    reply = knowledge.ask(text, lang="vi")
    assert not reply.covered
    [message] = dispatcher.messages
    assert message["text"] == knowledge.render_reply(reply, "vi")
    assert knowledge.not_covered_text("vi") in message["text"]
    assert [e["event"] for e in events] == ["rewind", "slot"]


@pytest.mark.parametrize(
    ("text", "intent", "confidence", "topic"),
    [
        # Two papers: knowledge's reading of the whole sentence decides, however sure the model is.
        (
            "my passport expires soon, can I still stay?",
            "ask_temporary_residence",
            1.0,
            "visa_residence_card",
        ),
        # A minor topic: the model's intent stands when it is sure, gives way when it is not.
        ("Do we have to report our foreign workers to anyone?", "ask_reporting", 1.0, "reporting"),
        ("Do we have to report our foreign workers to anyone?", "ask_reporting", 0.6, "work_permit"),
    ],
)
async def test_knowledge_reads_the_topic_from_context_when_the_model_should_give_way(
    text: str, intent: str, confidence: float, topic: str
) -> None:
    assert not knowledge.named_topics(text), "no paper named: a reading from context"
    tracker = make_tracker(text, intent)
    tracker.latest_message["intent"]["confidence"] = confidence
    dispatcher = CollectingDispatcher()
    events = await ActionAnswerProcedure().run(dispatcher, tracker, {})
    assert slots_of(events)["topic"] == topic
    expected = knowledge.ask(text, topic=topic, lang="en")
    assert dispatcher.messages[0]["text"] == knowledge.render_reply(expected, "en")


async def test_a_follow_up_keeps_its_topic_against_context_words() -> None:
    """'inform' is no new question: context words ('foreign workers') do not move the remembered topic."""
    text = "and for our foreign workers?"
    assert knowledge.detect_topic(text) == "work_permit" and not knowledge.named_topics(text)
    slots, _ = await answer(text, "inform", [], {"topic": "temporary_residence", "facet": "deadline"})
    assert slots["topic"] == "temporary_residence"
