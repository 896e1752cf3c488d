"""The proactive-message endpoint, over real loopback HTTP, delivering through the fake Bot API."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from pydantic import SecretStr

from bot.gateway.runner import Gateway

from .conftest import close_offline, started_gateway
from .fake_rasa import LANGUAGE_BUTTONS, FakeRasa
from .fake_telegram import FakeTelegram

PUSH_TOKEN = "push-secret"


@pytest.fixture
async def push_client(fake_telegram: FakeTelegram, fake_rasa: FakeRasa) -> AsyncIterator[httpx.AsyncClient]:
    gateway: Gateway = await started_gateway(fake_telegram, fake_rasa, push_token=SecretStr(PUSH_TOKEN))
    await gateway.push_server.start()
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{gateway.push_server.port}",
        headers={"Authorization": f"Bearer {PUSH_TOKEN}"},
    ) as client:
        yield client
    await gateway.push_server.stop()
    await close_offline(gateway)


async def test_push_delivers_rasa_messages_to_the_chat(
    push_client: httpx.AsyncClient, fake_telegram: FakeTelegram
) -> None:
    response = await push_client.post(
        "/push",
        json={
            "recipient_id": "telegram:555",
            "messages": [
                {"text": "Your declaration was filed: receipt R-1 & co"},
                {"text": "Anything else?", "buttons": LANGUAGE_BUTTONS},
            ],
        },
    )

    assert response.status_code == 202
    assert response.json() == {"status": "delivered", "messages": 2}
    calls = fake_telegram.calls_to("sendMessage")
    assert [c.params["chat_id"] for c in calls] == [555, 555]
    assert calls[0].params["text"] == "Your declaration was filed: receipt R-1 &amp; co"
    assert len(calls[1].params["reply_markup"]["inline_keyboard"]) == 2


@pytest.mark.parametrize(
    ("headers", "body", "status", "mentions"),
    [
        (
            {"Authorization": ""},
            {"recipient_id": "telegram:1", "messages": [{"text": "x"}]},
            401,
            "PUSH_TOKEN",
        ),
        (
            {"Authorization": "Bearer wrong"},
            {"recipient_id": "telegram:1", "messages": [{"text": "x"}]},
            401,
            "PUSH_TOKEN",
        ),
        ({}, {"recipient_id": "user-abc", "messages": [{"text": "x"}]}, 404, "recipient_id"),
        # Another channel's user (the terminal chat), or a bare number: not the gateway's to deliver.
        ({}, {"recipient_id": "cli:555", "messages": [{"text": "x"}]}, 404, "recipient_id"),
        ({}, {"recipient_id": "555", "messages": [{"text": "x"}]}, 404, "recipient_id"),
        ({}, {"recipient_id": "telegram:1", "messages": []}, 400, "messages"),
        ({}, {"recipient_id": "telegram:1", "messages": [{"image": "x.png"}]}, 400, "text"),
        ({}, ["not", "an", "object"], 400, "JSON object"),
    ],
)
async def test_bad_push_requests_are_refused_with_what_to_fix(
    push_client: httpx.AsyncClient,
    fake_telegram: FakeTelegram,
    headers: dict[str, str],
    body: object,
    status: int,
    mentions: str,
) -> None:
    response = await push_client.post("/push", json=body, headers=headers)

    assert response.status_code == status
    detail = response.json()["detail"]
    assert mentions in detail and " / " in detail  # English / Vietnamese
    assert fake_telegram.calls_to("sendMessage") == []


async def test_push_reports_a_refusal_by_telegram(
    push_client: httpx.AsyncClient, fake_telegram: FakeTelegram
) -> None:
    fake_telegram.blocked.add(7)

    response = await push_client.post(
        "/push", json={"recipient_id": "telegram:7", "messages": [{"text": "receipt"}]}
    )

    assert response.status_code == 502
    assert "blocked" in response.json()["detail"]


async def test_invalid_json_is_refused(push_client: httpx.AsyncClient) -> None:
    response = await push_client.post("/push", content=b"{nope", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
