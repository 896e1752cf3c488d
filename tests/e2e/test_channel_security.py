"""Issue #10 item 2 against the real Rasa: only signed calls reach the assistant, and only the gateway
can speak for a Telegram user.

The victim is a host whose Telegram account is registered with the intake API. The attacker posts the
issue's request to /webhooks/rest/webhook unsigned, signed with a guessed secret, or signed as the
terminal chat while claiming the victim's Telegram id: each gets 401, the victim's conversation holds
no user message and no action ran (the tracker says so through Rasa's token-protected API).
"""

from __future__ import annotations

import json
import secrets
from typing import Any

import httpx
import pytest

from bot.rasa_client import ChannelCredentials, RasaBadStatus, RasaClient
from bot.stack import StackConfig
from deployment.channel_signature import sign
from deployment.table import CLI_CHANNEL_SECRET, GATEWAY_CHANNEL_SECRET, RASA_TOKEN
from tests.e2e.chat import joined, register_establishment

pytestmark = pytest.mark.stack

WEBHOOK = "/webhooks/rest/webhook"


async def tracker_events(stack: StackConfig, sender: str) -> list[dict[str, Any]]:
    async with httpx.AsyncClient(base_url=stack.rasa_url, timeout=10) as rasa:
        answer = await rasa.get(
            f"/conversations/{sender}/tracker", params={"token": stack.secret(RASA_TOKEN)}
        )
    assert answer.status_code == 200
    return list(answer.json().get("events") or [])


def happened(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a turn would leave in a tracker: the user's message, the bot's replies, the actions run
    (reading a tracker opens a session, which is only action_session_start and action_listen)."""
    quiet = {"action_session_start", "action_listen"}
    return [
        e
        for e in events
        if e.get("event") in ("user", "bot") or (e.get("event") == "action" and e.get("name") not in quiet)
    ]


def attacks(stack: StackConfig, victim_id: str) -> dict[str, tuple[dict[str, str], bytes]]:
    """name -> (headers, body) of each way in that must fail."""
    claim = json.dumps({"sender": f"telegram:{victim_id}", "message": "/list_declarations"}).encode()
    bare = json.dumps({"sender": victim_id, "message": "/list_declarations"}).encode()
    json_type = {"Content-Type": "application/json"}
    cli_secret = stack.secret(CLI_CHANNEL_SECRET)
    return {
        "unsigned, bare id (the issue's request)": (json_type, bare),
        "unsigned, namespaced id": (json_type, claim),
        "signed with a guessed secret": (
            {**json_type, **sign("telegram", secrets.token_urlsafe(32), claim)},
            claim,
        ),
        "signed as the terminal chat, claiming a Telegram id": (
            {**json_type, **sign("cli", cli_secret, claim)},
            claim,
        ),
        "signed as the terminal chat, bare id": ({**json_type, **sign("cli", cli_secret, bare)}, bare),
    }


async def test_unauthenticated_or_impersonating_calls_get_401_and_nothing_happens(stack: StackConfig) -> None:
    victim_id = str(10_000 + secrets.randbelow(10**9))
    await register_establishment(
        stack, f"telegram:{victim_id}", name="Victim Homestay", address="1 Hang Bong", ward="Hoan Kiem",
        province="Hà Nội", contact_phone="0912345678",
    )  # fmt: skip

    async with httpx.AsyncClient(base_url=stack.rasa_url, timeout=30) as rasa:
        for name, (headers, body) in attacks(stack, victim_id).items():
            answer = await rasa.post(WEBHOOK, content=body, headers=headers)
            assert answer.status_code == 401, f"{name}: {answer.status_code} {answer.text}"
            assert "Victim Homestay" not in answer.text

    for sender in (f"telegram:{victim_id}", victim_id):
        assert not happened(await tracker_events(stack, sender)), sender


async def test_a_replayed_call_is_refused(stack: StackConfig) -> None:
    body = json.dumps({"sender": "cli:e2e-replay", "message": "hello"}).encode()
    headers = {"Content-Type": "application/json", **sign("cli", stack.secret(CLI_CHANNEL_SECRET), body)}
    async with httpx.AsyncClient(base_url=stack.rasa_url, timeout=30) as rasa:
        first = await rasa.post(WEBHOOK, content=body, headers=headers)
        again = await rasa.post(WEBHOOK, content=body, headers=headers)
    assert (first.status_code, again.status_code) == (200, 401)
    user_turns = [e for e in await tracker_events(stack, "cli:e2e-replay") if e.get("event") == "user"]
    assert len(user_turns) == 1


async def test_the_gateway_speaks_for_telegram_users_and_a_wrong_secret_does_not(stack: StackConfig) -> None:
    user_id = str(10_000 + secrets.randbelow(10**9))
    gateway = ChannelCredentials("telegram", stack.secret(GATEWAY_CHANNEL_SECRET))
    async with RasaClient(stack.rasa_url, gateway) as rasa:
        assert "Hello" in joined(await rasa.send(user_id, "hello"))
    impostor = ChannelCredentials("telegram", secrets.token_urlsafe(32))
    async with RasaClient(stack.rasa_url, impostor) as rasa:
        with pytest.raises(RasaBadStatus) as refused:
            await rasa.send(user_id, "/list_declarations")
    assert refused.value.status_code == 401
    user_texts = [
        e.get("text") for e in await tracker_events(stack, f"telegram:{user_id}") if e.get("event") == "user"
    ]
    assert user_texts == ["hello"]
