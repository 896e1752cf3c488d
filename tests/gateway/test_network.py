"""Network: the real PTB client polls a fake Bot API on loopback; Rasa is a fake REST server on loopback.

The gateway runs exactly as in production (Gateway.start/stop, and `python -m bot.gateway` for the
signal test); only the two URLs point at local servers.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from starlette.types import ASGIApp

from bot.gateway.http_server import EmbeddedHttpServer
from bot.gateway.runner import Gateway
from bot.gateway.settings import GatewaySettings

from .conftest import FAST_POLICY
from .fake_rasa import FakeRasa
from .fake_telegram import TOKEN, FakeTelegram
from .updates import button_tap, text_message

REPO = Path(__file__).resolve().parents[2]


@asynccontextmanager
async def serving(app: ASGIApp, name: str) -> AsyncIterator[int]:
    server = EmbeddedHttpServer(app, "127.0.0.1", 0, name=name)
    await server.start()
    try:
        yield server.port
    finally:
        await server.stop()


@asynccontextmanager
async def fake_telegram_server(fake: FakeTelegram) -> AsyncIterator[str]:
    async with serving(fake.asgi_app(), "fake Telegram") as port:
        try:
            yield f"http://127.0.0.1:{port}/bot"
        finally:
            fake.close()  # release the long poll so the server can stop


def loopback_settings(telegram_url: str, rasa_url: str, **overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(TOKEN),
        "telegram_api_base_url": telegram_url,
        "rasa_url": rasa_url,
        "telegram_webhook_url": None,
        "gateway_push_port": 0,
        "push_token": SecretStr("push-secret"),
        **overrides,
    }
    return GatewaySettings(**values)


async def run_conversation(fake: FakeTelegram, *, push_port: int) -> None:
    """/start, /language, tap "Tiếng Việt", then a proactive message through /push."""
    fake.add_update(text_message("/start", user_id=77, language_code="vi"))
    await fake.wait_for_calls("sendMessage", 2)

    fake.add_update(text_message("/language", user_id=77, language_code="vi"))
    await fake.wait_for_calls("sendMessage", 3)
    question = fake.sent[-1]
    buttons = {
        b["text"]: b["callback_data"] for row in question["reply_markup"]["inline_keyboard"] for b in row
    }
    assert set(buttons) == {"English", "Tiếng Việt"}

    fake.add_update(button_tap(question, buttons["Tiếng Việt"], user_id=77, language_code="vi"))
    await fake.wait_for_calls("sendMessage", 4)
    [edit] = await fake.wait_for_calls("editMessageText", 1)
    assert edit.params["text"].endswith("✓ Tiếng Việt")
    assert len(fake.calls_to("answerCallbackQuery")) == 1

    async with httpx.AsyncClient() as client:
        response = await client.post(
            f"http://127.0.0.1:{push_port}/push",
            json={"recipient_id": "telegram:77", "messages": [{"text": "Receipt R-9 is ready"}]},
            headers={"Authorization": "Bearer push-secret"},
        )
    assert response.status_code == 202
    assert fake.sent_texts(77)[-1] == "Receipt R-9 is ready"


async def test_a_full_conversation_over_loopback_with_a_fake_rasa() -> None:
    fake, rasa = FakeTelegram(), FakeRasa()
    async with fake_telegram_server(fake) as telegram_url, serving(rasa.asgi_app(), "fake Rasa") as rasa_port:
        gateway = Gateway(
            loopback_settings(telegram_url, f"http://127.0.0.1:{rasa_port}"), policy=FAST_POLICY
        )
        await gateway.start()
        try:
            await run_conversation(fake, push_port=gateway.push_server.port)
        finally:
            await gateway.stop()

    assert rasa.messages() == ["/greet", "/choose_language", '/set_language{"language":"vi"}']
    assert rasa.received[0].sender == "telegram:77"
    assert rasa.received[0].metadata == {"channel": "telegram", "chat_id": 77, "language_code": "vi"}
    assert fake.sent_texts(77)[:4] == [
        "Hello! I help with paperwork in Viet Nam.",
        "What do you need?",
        "Which language do you prefer?",
        "Language set: vi",
    ]
    assert [c.params.get("language_code") for c in fake.calls_to("setMyCommands")] == [None, "vi"]
    assert fake.calls_to("deleteWebhook"), "polling must clear a webhook left behind"
    offsets = [c.params.get("offset") for c in fake.calls_to("getUpdates")]
    assert max(o or 0 for o in offsets) == 4  # every update acknowledged, none handled twice


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
async def test_python_m_bot_gateway_stops_cleanly_on_a_signal(stop_signal: signal.Signals) -> None:
    fake, rasa = FakeTelegram(), FakeRasa()
    async with fake_telegram_server(fake) as telegram_url, serving(rasa.asgi_app(), "fake Rasa") as rasa_port:
        env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": telegram_url,
            "RASA_URL": f"http://127.0.0.1:{rasa_port}",
            "GATEWAY_PUSH_PORT": "0",
        }
        env.pop("TELEGRAM_WEBHOOK_URL", None)
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.gateway", cwd=REPO, env=env, stderr=asyncio.subprocess.PIPE
        )
        try:
            await fake.wait_for_calls("getUpdates", 1, timeout=30)
            fake.add_update(text_message("hello", user_id=5))
            await fake.wait_for_calls("sendMessage", 1)
            process.send_signal(stop_signal)
            _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()

    log = stderr.decode()
    assert process.returncode == 0, log
    assert "gateway stopped" in log
    assert TOKEN not in log  # httpx request logging would leak the token
    assert fake.sent_texts(5) == ["You said: hello"]


async def test_webhook_mode_receives_updates_over_http_and_registers_the_webhook() -> None:
    fake, rasa = FakeTelegram(), FakeRasa()
    async with fake_telegram_server(fake) as telegram_url, serving(rasa.asgi_app(), "fake Rasa") as rasa_port:
        settings = loopback_settings(
            telegram_url,
            f"http://127.0.0.1:{rasa_port}",
            telegram_webhook_url="https://bot.example.org/telegram/hook",
            telegram_webhook_port=0,
            telegram_webhook_secret=SecretStr("hook-secret"),
        )
        gateway = Gateway(settings, policy=FAST_POLICY)
        await gateway.start()
        try:
            assert gateway.webhook_server is not None
            update = {"update_id": 1, **text_message("hello", user_id=9)}
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{gateway.webhook_server.port}"
            ) as client:
                refused = await client.post("/telegram/hook", json=update)
                accepted = await client.post(
                    "/telegram/hook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "hook-secret"}
                )
            await fake.wait_for_calls("sendMessage", 1)
        finally:
            await gateway.stop()

    assert (refused.status_code, accepted.status_code) == (403, 200)
    [set_webhook] = fake.calls_to("setWebhook")
    assert set_webhook.params["url"] == "https://bot.example.org/telegram/hook"
    assert set_webhook.params["secret_token"] == "hook-secret"
    assert fake.calls_to("getUpdates") == []  # no polling in webhook mode
    assert fake.sent_texts(9) == ["You said: hello"]


async def test_a_token_telegram_rejects_stops_the_process_with_a_clear_message() -> None:
    fake = FakeTelegram(token="999:other-bot")  # answers 401 to our token, as Telegram does
    async with fake_telegram_server(fake) as telegram_url:
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": telegram_url}
        env.pop("TELEGRAM_WEBHOOK_URL", None)
        env["GATEWAY_PUSH_PORT"] = "0"
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.gateway", cwd=REPO, env=env, stderr=asyncio.subprocess.PIPE
        )
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)

    assert process.returncode == 2
    assert "copy the token again from @BotFather" in stderr.decode()
