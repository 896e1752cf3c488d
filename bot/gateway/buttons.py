"""Callback data for Rasa buttons within Telegram's 64-byte limit.

Short payloads travel inside the callback data itself (``p:<payload>``); longer ones
(``/inform{"province":"Bắc Ninh"}`` grows fast in UTF-8) are replaced by a random token
(``t:<token>``) whose payload is kept in the gateway's durable store, so a keyboard still works
after a restart. Tokens are bounded per chat and in total and expire (see ``ButtonLimits``); a
token that is gone raises ButtonExpiredError so the user can be told to ask again.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from telegram.constants import InlineKeyboardButtonLimit

from bot.gateway.errors import ButtonExpiredError
from bot.gateway.store import GatewayStore

MAX_CALLBACK_BYTES: int = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64
_DIRECT = "p:"
_TOKEN = "t:"


class ButtonStore:
    """Maps callback data to Rasa payloads, per chat."""

    def __init__(self, store: GatewayStore) -> None:
        self._store = store

    def encode(self, chat_id: int, payloads: Sequence[str]) -> list[str]:
        """Callback data for one keyboard's payloads; the tokens of a keyboard are stored together."""
        data: list[str] = []
        tokens: dict[str, str] = {}
        for payload in payloads:
            direct = _DIRECT + payload
            if len(direct.encode("utf-8")) <= MAX_CALLBACK_BYTES:
                data.append(direct)
                continue
            token = secrets.token_urlsafe(9)  # 12 characters, 72 random bits
            tokens[token] = payload
            data.append(_TOKEN + token)
        self._store.put_buttons(chat_id, tokens)
        return data

    def decode(self, chat_id: int, data: str) -> str:
        if data.startswith(_DIRECT):
            return data[len(_DIRECT) :]
        if data.startswith(_TOKEN):
            payload = self._store.get_button(chat_id, data[len(_TOKEN) :])
            if payload is not None:
                return payload
        raise ButtonExpiredError(f"unknown button data {data!r} in chat {chat_id}")
