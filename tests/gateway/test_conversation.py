"""Offline: real Updates through Application.process_update(), Rasa and the Bot API as local fakes."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.gateway.commands import COMMANDS
from bot.gateway.rendering import MAX_MESSAGE_LENGTH, telegram_length
from bot.gateway.runner import Gateway
from bot.gateway.texts import text

from .conftest import close_offline, feed, started_gateway
from .fake_rasa import LONG_TEXT, FakeRasa
from .fake_telegram import FakeTelegram
from .updates import button_tap, document_message, photo_message, text_message


async def test_text_goes_to_rasa_as_the_user_and_the_reply_comes_back(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await feed(gateway, text_message("where do I declare?", user_id=4242, language_code="vi"))

    [received] = fake_rasa.received
    assert received.sender == "telegram:4242"
    assert received.message == "where do I declare?"
    assert received.metadata == {"channel": "telegram", "chat_id": 4242, "language_code": "vi"}
    [sent] = fake_telegram.calls_to("sendMessage")
    assert sent.params["chat_id"] == 4242
    assert sent.params["text"] == "You said: where do I declare?"
    assert sent.params["parse_mode"] == "HTML"
    [typing] = fake_telegram.calls_to("sendChatAction")
    assert typing.params["action"] == "typing" and typing.at <= sent.at


@pytest.mark.parametrize(
    ("command", "intent"),
    [
        ("/start", "/greet"),
        ("/help", "/help"),
        ("/language", "/choose_language"),
        ("/declare", "/declare_guest"),
        ("/mydeclarations", "/list_declarations"),
        ("/cancel", "/stop"),
        ("/start@paperwork_test_bot", "/greet"),
        ("/start deep-link-argument", "/greet"),
        ("/frobnicate", "/help"),  # unknown commands never reach Rasa as made-up intents
    ],
)
async def test_commands_are_sent_as_the_dialogue_intents(
    gateway: Gateway, fake_rasa: FakeRasa, command: str, intent: str
) -> None:
    await feed(gateway, text_message(command))
    assert fake_rasa.messages() == [intent]


def test_every_menu_command_is_mapped() -> None:
    assert [c.name for c in COMMANDS] == ["start", "help", "language", "declare", "mydeclarations", "cancel"]


async def ask_language(gateway: Gateway, fake_telegram: FakeTelegram) -> tuple[dict[str, Any], list[Any]]:
    """/language: the question the bot sent and its inline keyboard (rows of buttons)."""
    await feed(gateway, text_message("/language"))
    [question] = fake_telegram.sent
    return question, question["reply_markup"]["inline_keyboard"]


async def test_buttons_become_an_inline_keyboard_and_a_tap_is_relayed_and_marked(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    question, keyboard = await ask_language(gateway, fake_telegram)
    assert [[b["text"] for b in row] for row in keyboard] == [["English"], ["Tiếng Việt"]]
    vietnamese = keyboard[1][0]["callback_data"]

    await feed(gateway, button_tap(question, vietnamese))

    assert fake_rasa.messages() == ["/choose_language", '/set_language{"language":"vi"}']
    [answer] = fake_telegram.calls_to("answerCallbackQuery")
    assert "text" not in answer.params
    [edit] = fake_telegram.calls_to("editMessageText")
    assert edit.params["message_id"] == question["message_id"]
    assert edit.params["text"] == "Which language do you prefer?\n\n✓ Tiếng Việt"
    assert "reply_markup" not in edit.params or edit.params["reply_markup"] in ("", None)
    assert fake_telegram.sent_texts()[-1] == "Language set: vi"
    assert edit.at < fake_telegram.calls_to("sendMessage")[-1].at  # marked before the answer arrives


async def test_long_payloads_travel_as_tokens_within_64_bytes(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await feed(gateway, text_message("/declare"))
    [question] = fake_telegram.sent
    data = [row[0]["callback_data"] for row in question["reply_markup"]["inline_keyboard"]]
    assert all(len(d.encode()) <= 64 for d in data)
    assert all(d.startswith("t:") for d in data)

    await feed(gateway, button_tap(question, data[0]))

    assert fake_rasa.messages()[-1] == '/inform{"province":"Bắc Ninh","district":"Thành phố Bắc Ninh"}'
    assert fake_telegram.sent_texts()[-1] == "Province noted: Bắc Ninh"


async def test_a_keyboard_still_works_after_a_restart(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    before = await started_gateway(fake_telegram, fake_rasa)
    await feed(before, text_message("/declare", language_code="vi"))
    await close_offline(before)
    question = fake_telegram.sent[-1]
    token = question["reply_markup"]["inline_keyboard"][1][0]["callback_data"]
    assert token.startswith("t:")  # the payload lives in the store, not in the callback data

    after = await started_gateway(fake_telegram, fake_rasa)  # a new process on the same state directory
    await feed(after, button_tap(question, token, language_code="vi"))
    await close_offline(after)

    assert fake_rasa.messages()[-1] == '/inform{"province":"Hà Nội","district":"Quận Hoàn Kiếm"}'
    assert fake_telegram.sent_texts()[-1] == "Province noted: Hà Nội"


@pytest.mark.parametrize("data", ["t:neverIssued0", "x:garbage", ""])
async def test_an_unknown_button_is_politely_expired(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa, data: str
) -> None:
    await feed(gateway, text_message("/declare", language_code="vi"))
    question = fake_telegram.sent[-1]

    await feed(gateway, button_tap(question, data, language_code="vi"))

    [answer] = fake_telegram.calls_to("answerCallbackQuery")
    assert answer.params["text"] == text("button_expired", "vi")
    assert answer.params["show_alert"] is True
    assert fake_rasa.messages() == ["/declare_guest"]  # nothing was sent to Rasa for the stale tap


async def test_a_second_tap_on_the_same_keyboard_is_not_sent_twice(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    question, keyboard = await ask_language(gateway, fake_telegram)

    await feed(gateway, button_tap(question, keyboard[0][0]["callback_data"]))
    await feed(gateway, button_tap(question, keyboard[1][0]["callback_data"]))

    assert fake_rasa.messages() == ["/choose_language", '/set_language{"language":"en"}']
    assert len(fake_telegram.calls_to("answerCallbackQuery")) == 2  # both spinners stop


async def test_rasa_text_is_escaped_for_html(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await feed(gateway, text_message("<b>bold</b> & <script>"))
    assert fake_telegram.sent_texts() == ["You said: &lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;"]


async def test_long_text_is_split_at_line_breaks_with_buttons_on_the_last_part(
    gateway: Gateway, fake_telegram: FakeTelegram
) -> None:
    await feed(gateway, text_message("long please"))
    calls = fake_telegram.calls_to("sendMessage")
    assert len(calls) == 3
    texts = [str(c.params["text"]) for c in calls]
    assert all(telegram_length(t) <= MAX_MESSAGE_LENGTH for t in texts)
    assert "\n".join(texts) == LONG_TEXT  # cut only at line breaks, nothing lost
    assert [bool(c.params.get("reply_markup")) for c in calls] == [False, False, True]


async def test_buttons_without_text_get_a_prompt(gateway: Gateway, fake_telegram: FakeTelegram) -> None:
    await feed(gateway, text_message("buttons only", language_code="vi-VN"))
    [message] = fake_telegram.sent
    assert message["text"] == text("choose", "vi")
    assert len(message["reply_markup"]["inline_keyboard"]) == 2


@pytest.mark.parametrize(
    ("update", "language"),
    [(photo_message(language_code="en"), "en"), (document_message(language_code="vi"), "vi")],
)
async def test_photos_and_documents_get_a_polite_reply_and_are_never_fetched(
    gateway: Gateway,
    fake_telegram: FakeTelegram,
    fake_rasa: FakeRasa,
    update: dict[str, object],
    language: str,
) -> None:
    await feed(gateway, json.loads(json.dumps(update)))
    expected = text("media_not_read", "vi" if language == "vi" else "en")
    assert fake_telegram.sent_texts() == [expected.replace("<", "&lt;")]
    assert fake_telegram.calls_to("getFile") == []
    assert fake_rasa.received == []
