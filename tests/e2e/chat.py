"""Talking to the running stack over the signed channel, as the terminal chat does ("cli:<user>")."""

from __future__ import annotations

from typing import Any

import httpx

from bot.rasa_client import BotMessage, ChannelCredentials, RasaClient
from bot.stack import StackConfig
from deployment.table import CLI_CHANNEL_SECRET


def cli_client(config: StackConfig) -> RasaClient:
    return RasaClient(config.rasa_url, ChannelCredentials("cli", config.secret(CLI_CHANNEL_SECRET)))


async def say(config: StackConfig, user: str, text: str) -> list[BotMessage]:
    async with cli_client(config) as rasa:
        replies = await rasa.send(user, text)
    assert replies, f"no reply to {text!r}"
    return replies


def joined(replies: list[BotMessage]) -> str:
    return "\n".join(m.text for m in replies)


def payloads(replies: list[BotMessage]) -> list[str]:
    return [b.payload for m in replies for b in m.buttons]


def api_headers(config: StackConfig, account: str) -> dict[str, str]:
    """The intake API's headers for a chat account, as the actions send them (channel token)."""
    return {"Authorization": f"Bearer {config.channel_token}", "X-Chat-Account": account}


async def call_api(method: str, url: str, **kwargs: Any) -> httpx.Response:
    async with httpx.AsyncClient(timeout=10) as client:
        return await client.request(method, url, **kwargs)


async def register_establishment(config: StackConfig, account: str, **overrides: object) -> None:
    """Registers an establishment for `account` straight with the intake API (the chat's registration
    form has its own test); `overrides` change the Đà Nẵng homestay below."""
    body = {"name": "Sao Mai Homestay", "kind": "homestay", "address": "3 Tran Phu", "ward": "Hai Chau",
            "province": "Đà Nẵng", "remote_area": False, "contact_phone": "0905123456", **overrides}  # fmt: skip
    registered = await call_api(
        "POST", f"{config.api_url}/v1/establishments", headers=api_headers(config, account), json=body
    )
    assert registered.status_code == 201, registered.text
