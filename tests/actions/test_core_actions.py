from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.core import ActionDetectLanguage, ActionOfferLanguages, ActionShowHelp
from actions.language import detect_language, requested_language
from tests.actions.conftest import make_tracker
from tests.tables import cases


@cases("text, expected")
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


async def test_detected_language_switches_the_slot(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("xin chào, cho tôi hỏi", intent="greet", slots={"language": "en"})
    events = await ActionDetectLanguage().run(dispatcher, tracker, {})
    assert events == [SlotSet("language", "vi")]
    assert dispatcher.messages == []


async def test_uninformative_message_keeps_language(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker("ok", intent="affirm", slots={"language": "vi"})
    assert await ActionDetectLanguage().run(dispatcher, tracker, {}) == []


async def test_chosen_language_wins_over_detection(dispatcher: CollectingDispatcher) -> None:
    tracker = make_tracker(
        "how do I get a work permit",
        intent="ask_work_permit",
        slots={"language": "vi", "language_pref": "vi"},
    )
    assert await ActionDetectLanguage().run(dispatcher, tracker, {}) == []


async def detect_after_set_language(
    dispatcher: CollectingDispatcher, text: str, named: str, current: str
) -> list[dict[str, Any]]:
    """ActionDetectLanguage's events for `text` read as set_language naming `named`, the slot at `current`."""
    tracker = make_tracker(
        text,
        intent="set_language",
        entities=[{"entity": "language", "value": named}],
        slots={"language": current},
    )
    return await ActionDetectLanguage().run(dispatcher, tracker, {})


async def test_set_language_stores_the_choice(dispatcher: CollectingDispatcher) -> None:
    events = await detect_after_set_language(dispatcher, '/set_language{"language":"vi"}', "vi", current="en")
    assert events == [SlotSet("language", "vi"), SlotSet("language_pref", "vi")]


@pytest.mark.parametrize(
    ("language", "first_words"),
    [("en", "I can help"), ("vi", "Tôi có thể giúp"), ("zh", "我可以帮助"), ("ko", "다음을 도와")],
)
async def test_help_menu_in_the_users_language(
    dispatcher: CollectingDispatcher, language: str, first_words: str
) -> None:
    events = await ActionShowHelp().run(
        dispatcher, make_tracker("help", "help", slots={"language": language}), {}
    )
    assert events == []
    [message] = dispatcher.messages
    assert message["text"].startswith(first_words)
    payloads = [button["payload"] for button in message["buttons"]]
    assert "/ask_work_permit" in payloads and "/declare_guest" in payloads


async def test_language_buttons_carry_set_language_payloads(dispatcher: CollectingDispatcher) -> None:
    await ActionOfferLanguages().run(dispatcher, make_tracker("language", "choose_language"), {})
    [message] = dispatcher.messages
    assert [b["payload"] for b in message["buttons"]] == [
        '/set_language{"language":"en"}',
        '/set_language{"language":"vi"}',
        '/set_language{"language":"zh"}',
        '/set_language{"language":"ko"}',
    ]


@cases("text, expected")
def test_requested_language_only_for_a_switch_request(text: str, expected: str | None) -> None:
    assert requested_language(text) == expected


async def test_a_question_naming_english_does_not_switch(dispatcher: CollectingDispatcher) -> None:
    text = "do I need an English translation of my degree for the work permit?"
    events = await detect_after_set_language(dispatcher, text, "en", current="vi")
    assert SlotSet("language_pref", "en") not in events
    assert events == [SlotSet("language", "en")]  # written in English: the reply follows the words


@pytest.mark.parametrize(
    "text", ["Hà Nội", "PARK SO YEON", '/inform{"province": "Hà Nội"}', "ok", "AB1234567"]
)
async def test_names_places_buttons_and_codes_keep_the_language(
    dispatcher: CollectingDispatcher, text: str
) -> None:
    tracker = make_tracker(text, intent="inform", slots={"language": "en"})
    assert await ActionDetectLanguage().run(dispatcher, tracker, {}) == []


async def test_set_language_confirms_an_explicit_choice(dispatcher: CollectingDispatcher) -> None:
    from actions.core import ActionSetLanguage

    await ActionSetLanguage().run(dispatcher, make_tracker("English please", "set_language"), {})
    assert [m["response"] for m in dispatcher.messages] == ["utter_language_set"]


async def test_set_language_answers_a_question_that_only_names_a_language(
    dispatcher: CollectingDispatcher,
) -> None:
    from actions.core import ActionSetLanguage

    text = "do I need an English translation of my degree for the work permit?"
    events = await ActionSetLanguage().run(dispatcher, make_tracker(text, "set_language"), {})
    assert {"event": "slot", "name": "topic", "value": "work_permit", "timestamp": None} in events
    [message] = dispatcher.messages
    assert message["response"] is None and message["text"]
