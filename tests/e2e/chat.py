"""Talking to the running stack over the signed channel, as the terminal chat does ("cli:<user>")."""

from __future__ import annotations

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
