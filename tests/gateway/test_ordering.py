"""Offline: one chat's messages in order, different chats concurrently."""

from __future__ import annotations

import asyncio

from bot.gateway.runner import Gateway

from .conftest import feed
from .fake_rasa import FakeRasa
from .fake_telegram import FakeTelegram
from .updates import text_message

ALICE, BOB = 1001, 2002


async def test_one_chat_in_order_while_another_chat_is_not_held_up(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.delays["slow question"] = 0.5

    # Same arrival order as the updater would produce; PTB runs them concurrently.
    await asyncio.gather(
        feed(gateway, text_message("slow question", user_id=ALICE)),
        feed(gateway, text_message("quick follow-up", user_id=ALICE)),
        feed(gateway, text_message("hi", user_id=BOB)),
    )

    assert fake_telegram.sent_texts(ALICE) == ["You said: slow question", "You said: quick follow-up"]
    by_message = {r.message: r for r in fake_rasa.received}
    # Alice's second message reached Rasa only after her first was answered...
    assert by_message["quick follow-up"].started >= by_message["slow question"].finished
    # ...while Bob was answered during Alice's slow request.
    bob_reply = next(c for c in fake_telegram.calls_to("sendMessage") if c.params["chat_id"] == BOB)
    assert bob_reply.at < by_message["slow question"].finished
    assert gateway.relay.pending_count(ALICE) == 0
