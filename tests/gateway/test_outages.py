"""Offline: Rasa down or slow, and Telegram's flood control."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from bot.gateway.runner import Gateway
from bot.gateway.texts import text
from bot.rasa_client import (
    ChannelCredentials,
    RasaBadStatus,
    RasaClient,
    RasaError,
    RasaTimeout,
    RasaUnreachable,
)
from deployment.table import GATEWAY_CHANNEL_SECRET

from .conftest import FAST_POLICY, close_offline, feed, started_gateway
from .fake_rasa import FakeRasa
from .fake_telegram import FakeTelegram
from .updates import text_message


async def test_a_short_outage_is_retried_and_the_user_is_told_once(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.refuse_next = 2  # recovers on the third and last try

    await feed(gateway, text_message("hello"))

    assert fake_rasa.attempts == 3
    assert fake_telegram.sent_texts() == [text("rasa_retrying", "en"), "You said: hello"]
    assert gateway.relay.pending_count(42) == 0


async def test_a_long_outage_keeps_messages_and_delivers_them_in_order_when_rasa_is_back(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.refuse_next = 1000
    await feed(gateway, text_message("first", language_code="vi"))
    assert fake_rasa.attempts == FAST_POLICY.attempts
    assert fake_telegram.sent_texts() == [text("rasa_retrying", "vi"), text("rasa_kept", "vi")]

    attempts = fake_rasa.attempts
    await feed(gateway, text_message("second", language_code="vi"))  # queues behind "first"
    assert fake_rasa.attempts == attempts + 1  # one try for the queue head, not a new retry cycle
    assert gateway.relay.pending_count(42) == 2

    fake_rasa.refuse_next = 0
    await feed(gateway, text_message("third", language_code="vi"))

    assert fake_rasa.messages() == ["first", "second", "third"]
    assert fake_telegram.sent_texts()[-4:] == [
        text("rasa_back", "vi"),
        "You said: first",
        "You said: second",
        "You said: third",
    ]
    assert gateway.relay.pending_count(42) == 0


async def test_kept_messages_are_redelivered_without_a_new_message(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.refuse_next = FAST_POLICY.attempts
    await feed(gateway, text_message("are you there?"))
    assert gateway.relay.pending_count(42) == 1

    for task in gateway.relay.redeliver_pending():
        await task

    assert fake_rasa.messages() == ["are you there?"]
    assert fake_telegram.sent_texts()[-2:] == [text("rasa_back", "en"), "You said: are you there?"]
    assert gateway.relay.pending_count(42) == 0


async def test_the_pending_queue_is_bounded_and_says_so(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    gateway = await started_gateway(
        fake_telegram, fake_rasa, replace(FAST_POLICY, attempts=1, max_pending_per_chat=1)
    )
    fake_rasa.refuse_next = 1000
    await feed(gateway, text_message("one"))
    await feed(gateway, text_message("two"))

    assert gateway.relay.pending_count(42) == 1
    assert fake_telegram.sent_texts()[-1] == text("queue_full", "en")
    await close_offline(gateway)


async def test_a_read_timeout_is_not_resent_because_rasa_may_have_acted(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.time_out_next = 1

    await feed(gateway, text_message("file my declaration"))

    assert fake_rasa.attempts == 1
    assert fake_telegram.sent_texts() == [text("rasa_no_answer", "en")]
    assert gateway.relay.pending_count(42) == 0


async def test_slow_rasa_gets_a_notice_and_typing_keeps_showing(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    policy = replace(FAST_POLICY, slow_notice_after=0.1, typing_interval=0.05)
    gateway = await started_gateway(fake_telegram, fake_rasa, policy)
    fake_rasa.delays["hello"] = 0.4

    await feed(gateway, text_message("hello"))
    await close_offline(gateway)

    assert fake_telegram.sent_texts() == [text("rasa_slow", "en"), "You said: hello"]
    assert len(fake_telegram.calls_to("sendChatAction")) >= 3


async def test_flood_control_waits_as_long_as_telegram_asks(
    gateway: Gateway, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.flood("sendMessage", retry_after=1)

    started = time.monotonic()
    await feed(gateway, text_message("hello"))

    first, second = fake_telegram.calls_to("sendMessage")
    assert first.params["text"] == second.params["text"] == "You said: hello"
    assert second.at - first.at >= 1.0
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("status", [502, 503, 504])
async def test_a_gateway_status_is_retried_like_a_refused_connection(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa, status: int
) -> None:
    fake_rasa.statuses_next = [status, status]  # recovers on the third try

    await feed(gateway, text_message("hello"))

    assert fake_rasa.attempts == 3
    assert fake_rasa.messages() == ["hello"]
    assert fake_telegram.sent_texts() == [text("rasa_retrying", "en"), "You said: hello"]


async def test_a_lasting_503_keeps_the_message_for_later(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    fake_rasa.statuses_next = [503] * FAST_POLICY.attempts

    await feed(gateway, text_message("hello"))
    assert gateway.relay.pending_count(42) == 1
    assert fake_telegram.sent_texts()[-1] == text("rasa_kept", "en")

    fake_rasa.statuses_next = [503]  # the redelivery's one try fails too: still kept
    for task in gateway.relay.redeliver_pending():
        await task
    assert gateway.relay.pending_count(42) == 1

    for task in gateway.relay.redeliver_pending():
        await task
    assert gateway.relay.pending_count(42) == 0
    assert fake_rasa.messages() == ["hello"]
    assert fake_telegram.sent_texts()[-2:] == [text("rasa_back", "en"), "You said: hello"]


@pytest.mark.parametrize("status", [500, 400, 404])
async def test_other_error_statuses_are_not_resent(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa, status: int
) -> None:
    fake_rasa.statuses_next = [status]

    await feed(gateway, text_message("file my declaration"))

    assert fake_rasa.attempts == 1
    assert fake_telegram.sent_texts() == [text("rasa_no_answer", "en")]
    assert gateway.relay.pending_count(42) == 0


async def test_the_rasa_client_says_whether_rasa_may_have_acted(fake_rasa: FakeRasa) -> None:
    credentials = ChannelCredentials("telegram", GATEWAY_CHANNEL_SECRET.development_default)
    async with RasaClient("http://rasa.invalid", credentials, transport=fake_rasa.transport()) as rasa:
        fake_rasa.refuse_next = 1
        with pytest.raises(RasaUnreachable) as unreachable:
            await rasa.send("1", "hi")
        fake_rasa.time_out_next = 1
        with pytest.raises(RasaTimeout) as timeout:
            await rasa.send("1", "hi")
        fake_rasa.statuses_next = [503]
        with pytest.raises(RasaBadStatus) as bad_status:
            await rasa.send("1", "hi")

    assert unreachable.value.status_code is None and timeout.value.status_code is None
    assert bad_status.value.status_code == 503
    assert all(isinstance(e.value, RasaError) for e in (unreachable, timeout, bad_status))  # chat_cli's catch


async def test_a_message_that_cannot_be_written_to_disk_is_not_reported_as_kept(
    gateway: Gateway, fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    gateway.store._db.execute("PRAGMA query_only=ON")  # writes fail (as on a full disk), reads work
    fake_rasa.refuse_next = 1000

    await feed(gateway, text_message("hello"))

    assert fake_telegram.sent_texts() == [text("rasa_retrying", "en"), text("queue_full", "en")]
