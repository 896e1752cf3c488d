"""Callback data for Rasa buttons within Telegram's 64-byte limit.

Short payloads travel inside the callback data itself (so they survive a restart); longer ones
(``/inform{"province":"Bắc Ninh"}`` grows fast in UTF-8) are replaced by a random token that maps
back to the payload in a bounded, per-chat LRU. A token that has been evicted, or was issued before
a restart, raises ButtonExpiredError so the user can be told to ask again.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict

from telegram.constants import InlineKeyboardButtonLimit

from bot.gateway.errors import ButtonExpiredError

MAX_CALLBACK_BYTES: int = InlineKeyboardButtonLimit.MAX_CALLBACK_DATA  # 64
_DIRECT = "p:"
_TOKEN = "t:"


class ButtonStore:
    """Maps callback data to Rasa payloads, per chat, keeping the most recent ones."""

    def __init__(self, *, per_chat: int = 200, chats: int = 10_000) -> None:
        self._per_chat = per_chat
        self._chats = chats
        self._tokens: OrderedDict[int, OrderedDict[str, str]] = OrderedDict()

    def encode(self, chat_id: int, payload: str) -> str:
        direct = _DIRECT + payload
        if len(direct.encode("utf-8")) <= MAX_CALLBACK_BYTES:
            return direct
        tokens = self._chat_tokens(chat_id)
        token = secrets.token_urlsafe(9)  # 12 characters, 72 random bits
        tokens[token] = payload
        while len(tokens) > self._per_chat:
            tokens.popitem(last=False)
        return _TOKEN + token

    def decode(self, chat_id: int, data: str) -> str:
        if data.startswith(_DIRECT):
            return data[len(_DIRECT) :]
        if data.startswith(_TOKEN):
            tokens = self._tokens.get(chat_id)
            payload = tokens.get(data[len(_TOKEN) :]) if tokens is not None else None
            if payload is not None:
                return payload
        raise ButtonExpiredError(f"unknown button data {data!r} in chat {chat_id}")

    def _chat_tokens(self, chat_id: int) -> OrderedDict[str, str]:
        tokens = self._tokens.get(chat_id)
        if tokens is None:
            tokens = self._tokens[chat_id] = OrderedDict()
            while len(self._tokens) > self._chats:
                self._tokens.popitem(last=False)
        else:
            self._tokens.move_to_end(chat_id)
        return tokens
