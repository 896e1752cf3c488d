"""Fixtures: a Gateway wired to the fake Bot API and the fake Rasa through httpx transports."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from telegram import Update
from telegram.request import HTTPXRequest

from bot.gateway.relay import RelayPolicy
from bot.gateway.runner import Gateway
from bot.gateway.settings import GatewaySettings
from deployment.table import SECRETS

from .fake_rasa import FakeRasa
from .fake_telegram import TOKEN, FakeTelegram

# Real policy shape, test-sized waits.
FAST_POLICY = RelayPolicy(
    attempts=3,
    first_backoff=0.01,
    backoff_factor=2.0,
    slow_notice_after=5.0,
    typing_interval=5.0,
    redeliver_interval=3600.0,
)


def offline_settings(**overrides: Any) -> GatewaySettings:
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(TOKEN),
        "rasa_url": "http://rasa.invalid",
        "telegram_api_base_url": "http://telegram.invalid/bot",
        "telegram_webhook_url": None,
        "gateway_push_port": 0,
        "push_token": None,
        **overrides,
    }
    return GatewaySettings(**values)


@pytest.fixture(autouse=True)
def isolated_var_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every gateway of a test (and `python -m bot.gateway` it starts) keeps its state in tmp_path."""
    var_dir = tmp_path / "var"
    monkeypatch.setenv("VAR_DIR", str(var_dir))
    # Development: the gateway and the fake Rasa share the table's development secrets.
    for variable in ("API_ENV", *SECRETS):
        monkeypatch.delenv(variable, raising=False)
    return var_dir


@pytest.fixture
def fake_telegram() -> FakeTelegram:
    return FakeTelegram()


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


def make_gateway(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa, policy: RelayPolicy = FAST_POLICY, **settings: Any
) -> Gateway:
    return Gateway(
        offline_settings(**settings),
        policy=policy,
        rasa_transport=fake_rasa.transport(),
        telegram_request=HTTPXRequest(httpx_kwargs={"transport": fake_telegram.transport()}),
        telegram_updates_request=HTTPXRequest(httpx_kwargs={"transport": fake_telegram.transport()}),
    )


async def started_gateway(
    fake_telegram: FakeTelegram, fake_rasa: FakeRasa, policy: RelayPolicy = FAST_POLICY, **settings: Any
) -> Gateway:
    """A gateway as a process starts it on the state directory: its Application initialized (getMe answered
    by the fake), fed with process_update(), never polling."""
    gateway = make_gateway(fake_telegram, fake_rasa, policy, **settings)
    await gateway.application.initialize()
    return gateway


@pytest.fixture
async def gateway(fake_telegram: FakeTelegram, fake_rasa: FakeRasa) -> AsyncIterator[Gateway]:
    gateway = await started_gateway(fake_telegram, fake_rasa)
    yield gateway
    await close_offline(gateway)


async def close_offline(gateway: Gateway) -> None:
    """Release what an offline gateway (initialized, never started) holds."""
    await gateway.relay.drain()
    await gateway.application.shutdown()
    await gateway.rasa.aclose()
    gateway.store.close()


_update_ids = itertools.count(1)


async def feed(gateway: Gateway, raw_update: dict[str, Any]) -> None:
    """Run one update through the real Application, as polling would."""
    update = Update.de_json({"update_id": next(_update_ids), **raw_update}, gateway.application.bot)
    await gateway.application.process_update(update)
