"""Messages kept during a Rasa outage survive a gateway restart: delivered after it, in order, once.

The offline tests replace the gateway with a new one on the same state directory (a new process
would find exactly what is on disk, nothing else); the last test SIGKILLs `python -m bot.gateway`.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

import pytest

from bot.gateway.runner import Gateway
from bot.gateway.texts import text

from .conftest import FAST_POLICY, close_offline, feed, started_gateway
from .fake_rasa import FakeRasa
from .fake_telegram import TOKEN, FakeTelegram
from .test_network import REPO, fake_telegram_server, serving
from .updates import text_message


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.01)


async def redeliver(gateway: Gateway) -> None:
    for task in gateway.relay.redeliver_pending():
        await task


async def keep_during_an_outage(fake_telegram: FakeTelegram, fake_rasa: FakeRasa, *texts: str) -> None:
    """A gateway that cannot reach Rasa keeps `texts` (user 42, Vietnamese), then goes away."""
    before = await started_gateway(fake_telegram, fake_rasa)
    fake_rasa.refuse_next = 1000
    for message in texts:
        await feed(before, text_message(message, language_code="vi"))
    assert before.relay.pending_count(42) == len(texts)
    assert fake_telegram.sent_texts().count(text("rasa_kept", "vi")) == len(texts)
    await close_offline(before)
    fake_rasa.refuse_next = 0


async def test_kept_messages_are_delivered_after_a_restart_in_order_and_once(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await keep_during_an_outage(fake_telegram, fake_rasa, "one", "two", "three")
    notices = len(fake_telegram.sent_texts())

    after = await started_gateway(fake_telegram, fake_rasa)
    await redeliver(after)
    await redeliver(after)  # a second pass finds nothing left to send
    await feed(after, text_message("four", language_code="vi"))
    assert after.relay.pending_count(42) == 0
    await close_offline(after)

    assert fake_rasa.messages() == ["one", "two", "three", "four"]
    assert fake_telegram.sent_texts()[notices:] == [
        text("rasa_back", "vi"),
        "You said: one",
        "You said: two",
        "You said: three",
        "You said: four",
    ]


async def test_a_new_message_after_a_restart_waits_behind_the_kept_ones(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await keep_during_an_outage(fake_telegram, fake_rasa, "one", "two")

    after = await started_gateway(fake_telegram, fake_rasa)
    await feed(after, text_message("three", language_code="vi"))  # before any redelivery ran
    await close_offline(after)

    assert fake_rasa.messages() == ["one", "two", "three"]
    assert fake_telegram.sent_texts()[-3:] == ["You said: one", "You said: two", "You said: three"]


async def test_a_message_with_rasa_when_the_gateway_died_is_not_sent_twice(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa
) -> None:
    await keep_during_an_outage(fake_telegram, fake_rasa, "file my declaration", "thanks")
    during = await started_gateway(fake_telegram, fake_rasa)
    fake_rasa.delays["file my declaration"] = 30.0  # Rasa is working on it when the process dies
    [flush] = during.relay.redeliver_pending()
    # The outage's tries and the 2nd message's one try, then the redelivery reaches Rasa.
    await until(lambda: fake_rasa.attempts > FAST_POLICY.attempts + 1)
    flush.cancel()  # the process dies mid-request: no code of ours runs after this point
    await close_offline(during)
    attempts = fake_rasa.attempts

    after = await started_gateway(fake_telegram, fake_rasa)
    await redeliver(after)
    assert after.relay.pending_count(42) == 0
    await close_offline(after)

    assert fake_rasa.attempts == attempts + 1  # only "thanks" went to Rasa after the restart
    assert fake_rasa.messages() == ["thanks"]
    sent = fake_telegram.sent_texts()
    unsure = text("rasa_unsure", "vi").format(quote="file my declaration")
    assert sent[-3:] == [unsure, text("rasa_back", "vi"), "You said: thanks"]


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused, as when Rasa is down)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start_gateway_process(telegram_url: str, rasa_url: str) -> asyncio.subprocess.Process:
    env = {
        **os.environ,  # VAR_DIR: this test's directory (conftest), shared by both processes
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": telegram_url,
        "RASA_URL": rasa_url,
        "GATEWAY_PUSH_PORT": "0",
    }
    env.pop("TELEGRAM_WEBHOOK_URL", None)
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.gateway", cwd=REPO, env=env, stderr=asyncio.subprocess.PIPE
    )


@pytest.mark.slow
async def test_a_sigkilled_gateway_delivers_what_it_kept_after_it_starts_again() -> None:
    fake, rasa = FakeTelegram(), FakeRasa()
    kept = text("rasa_kept", "en")
    async with fake_telegram_server(fake) as telegram_url, serving(rasa.asgi_app(), "fake Rasa") as rasa_port:
        first = await start_gateway_process(telegram_url, f"http://127.0.0.1:{closed_port()}")
        try:
            await fake.wait_for_calls("getUpdates", 1, timeout=30)
            fake.add_update(text_message("first", user_id=5))
            fake.add_update(text_message("second", user_id=5))
            # Default policy: 4 tries over 7 s for "first", then one try for "second".
            await until(lambda: fake.sent_texts(5).count(kept) == 2, timeout=30)
            assert first.returncode is None
            first.send_signal(signal.SIGKILL)  # no clean shutdown: only the disk remains
            await first.wait()
        finally:
            if first.returncode is None:
                first.kill()
                await first.wait()
        before_restart = len(fake.sent_texts(5))

        second = await start_gateway_process(telegram_url, f"http://127.0.0.1:{rasa_port}")
        try:
            await fake.wait_for_calls("sendMessage", before_restart + 3, timeout=30)  # back, two replies
            await asyncio.sleep(0.3)  # room for a wrong extra delivery to show up
            second.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(second.communicate(), timeout=20)
        finally:
            if second.returncode is None:
                second.kill()
                await second.wait()

    assert second.returncode == 0, stderr.decode()
    assert rasa.messages() == ["first", "second"]
    assert fake.sent_texts(5)[before_restart:] == [
        text("rasa_back", "en"),
        "You said: first",
        "You said: second",
    ]
