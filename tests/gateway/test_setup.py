"""Settings, the command menu, and the webhook receiver."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr
from telegram import Update

from bot.gateway.errors import SettingsError
from bot.gateway.runner import Gateway, set_command_menus
from bot.gateway.settings import load_settings
from bot.gateway.webhook import SECRET_HEADER, create_webhook_app, webhook_path

from .conftest import close_offline, make_gateway
from .fake_rasa import FakeRasa
from .fake_telegram import FakeTelegram
from .updates import text_message


def test_a_missing_token_is_explained_in_both_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    message = str(raised.value)
    assert "Set TELEGRAM_BOT_TOKEN" in message and "Hãy đặt TELEGRAM_BOT_TOKEN" in message


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook")
    monkeypatch.setenv("GATEWAY_PUSH_PORT", "6001")
    settings = load_settings()
    assert settings.telegram_bot_token.get_secret_value() == "1:abc"
    assert settings.webhook_mode and settings.gateway_push_port == 6001
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert "1:abc" not in repr(settings)  # the token never shows up in logs


async def test_the_command_menu_is_registered_in_english_and_vietnamese(
    gateway: Gateway, fake_telegram: FakeTelegram
) -> None:
    await set_command_menus(gateway.application.bot)

    default, vietnamese = fake_telegram.calls_to("setMyCommands")
    assert "language_code" not in default.params
    assert vietnamese.params["language_code"] == "vi"
    names = ["start", "help", "language", "declare", "mydeclarations", "cancel"]
    assert [c["command"] for c in default.params["commands"]] == names
    assert [c["command"] for c in vietnamese.params["commands"]] == names
    assert default.params["commands"][2]["description"] == "Change the language"
    assert vietnamese.params["commands"][2]["description"] == "Đổi ngôn ngữ"


@pytest.fixture
async def webhook_gateway(fake_telegram: FakeTelegram, fake_rasa: FakeRasa) -> AsyncIterator[Gateway]:
    gateway = make_gateway(
        fake_telegram,
        fake_rasa,
        telegram_webhook_url="https://bot.example.org/telegram/hook",
        telegram_webhook_secret=SecretStr("s3cret"),
    )
    await gateway.application.initialize()
    yield gateway
    await close_offline(gateway)


async def test_the_webhook_accepts_updates_only_with_the_secret(webhook_gateway: Gateway) -> None:
    application = webhook_gateway.application
    assert application.updater is None  # webhook mode: no polling
    path = webhook_path("https://bot.example.org/telegram/hook")
    app = create_webhook_app(application, path, "s3cret")
    update = {"update_id": 7, **text_message("hello")}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gw") as client:
        refused = await client.post(path, json=update, headers={SECRET_HEADER: "wrong"})
        accepted = await client.post(path, json=update, headers={SECRET_HEADER: "s3cret"})

    assert (refused.status_code, accepted.status_code) == (403, 200)
    assert application.update_queue.qsize() == 1
    queued = application.update_queue.get_nowait()
    assert isinstance(queued, Update) and queued.message is not None
    assert queued.message.text == "hello"


def test_outside_development_the_gateway_needs_strong_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("API_ENV", "production")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    monkeypatch.setenv("PUSH_TOKEN", "push-secret")
    with pytest.raises(SettingsError) as refused:
        load_settings()
    message = str(refused.value)
    assert "GATEWAY_CHANNEL_SECRET is not set" in message and "PUSH_TOKEN is too short" in message
    assert "secrets.token_urlsafe(32)" in message and "Cổng Telegram" in message

    for variable in ("GATEWAY_CHANNEL_SECRET", "PUSH_TOKEN"):
        monkeypatch.setenv(variable, secrets.token_urlsafe(32))
    assert load_settings().api_env == "production"
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/telegram/hook")
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET is not set"):
        load_settings()
