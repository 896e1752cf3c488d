"""Talking to the running stack over the REST channel, as the terminal chat and the gateway do."""

from __future__ import annotations

from bot.rasa_client import BotMessage, RasaClient
from bot.stack import StackConfig


async def say(config: StackConfig, sender: str, text: str) -> list[BotMessage]:
    async with RasaClient(config.rasa_url) as rasa:
        replies = await rasa.send(sender, text)
    assert replies, f"no reply to {text!r}"
    return replies


def joined(replies: list[BotMessage]) -> str:
    return "\n".join(m.text for m in replies)


def payloads(replies: list[BotMessage]) -> list[str]:
    return [b.payload for m in replies for b in m.buttons]
