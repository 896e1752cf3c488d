"""A small in-memory Telegram Bot API: getUpdates from a queue, every other call recorded.

The same object serves PTB through an ``httpx.MockTransport`` (offline tests) or over loopback HTTP
through ``asgi_app()`` (network tests); nothing in python-telegram-bot is patched.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

TOKEN = "123456:TEST-token"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Paperwork", "username": "paperwork_test_bot"}
# PTB form-encodes parameters; these arrive JSON-encoded, the rest are plain strings (e.g. "text").
_JSON_FIELDS = {
    "chat_id",
    "message_id",
    "offset",
    "limit",
    "timeout",
    "reply_markup",
    "commands",
    "allowed_updates",
    "show_alert",
    "drop_pending_updates",
    "scope",
}


@dataclass(frozen=True)
class Call:
    method: str
    params: dict[str, Any]
    at: float


class FakeTelegram:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.sent: list[dict[str, Any]] = []  # messages as returned by sendMessage, for building taps
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._changed: asyncio.Condition | None = None
        self._flood: dict[str, list[int]] = defaultdict(list)
        self.closed = False
        self.blocked: set[int] = set()  # chats whose user blocked the bot
        self.listeners: list[Callable[[Call], None]] = []  # told of every call as it arrives

    # -- test-facing helpers ---------------------------------------------------------------------

    def add_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates; fills in update_id."""
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self._notify()
        return update

    def flood(self, method: str, retry_after: int) -> None:
        """Answer the next call of `method` with 429 and this retry_after."""
        self._flood[method].append(retry_after)

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        return [
            str(call.params["text"])
            for call in self.calls_to("sendMessage")
            if chat_id is None or call.params["chat_id"] == chat_id
        ]

    async def wait_for_calls(self, method: str, count: int, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while len(self.calls_to(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} {method} calls, got {self.calls_to(method)}")
            await asyncio.sleep(0.01)
        return self.calls_to(method)

    def close(self) -> None:
        """Release pending long polls (before stopping a loopback server)."""
        self.closed = True
        self._notify()

    # -- transports ------------------------------------------------------------------------------

    def transport(self) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            status, body = await self.dispatch(request.url.path, await request.aread())
            return httpx.Response(status, json=body)

        return httpx.MockTransport(handle)

    def asgi_app(self) -> Starlette:
        async def handle(request: Request) -> Response:
            try:
                raw = await request.body()
            except ClientDisconnect:  # a long poll cancelled by a stopping client: nobody to answer
                return Response(status_code=499)
            status, body = await self.dispatch(request.url.path, raw)
            return JSONResponse(body, status_code=status)

        return Starlette(routes=[Route("/{path:path}", handle, methods=["GET", "POST"])])

    # -- the API ---------------------------------------------------------------------------------

    async def dispatch(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        prefix = f"/bot{self.token}/"
        if not path.startswith(prefix):
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = path[len(prefix) :]
        params = {
            key: (json.loads(value) if key in _JSON_FIELDS else value)
            for key, value in parse_qsl(body.decode(), keep_blank_values=True)
        }
        call = Call(method, params, time.monotonic())
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        if self._flood[method]:
            retry_after = self._flood[method].pop(0)
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }
        if params.get("chat_id") in self.blocked:
            return 403, {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
        if method == "getUpdates":
            return 200, {"ok": True, "result": await self._get_updates(params)}
        return 200, {"ok": True, "result": self._result(method, params)}

    def _result(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
            chat_id = int(params["chat_id"])
            message: dict[str, Any] = {
                "message_id": params.get("message_id") or next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            if method == "sendMessage":
                self.sent.append(message)
            return message
        return True  # answerCallbackQuery, sendChatAction, setMyCommands, deleteWebhook, setWebhook

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        if offset > 0:  # as Telegram does: an offset confirms, and forgets, every earlier update
            self._updates = [update for update in self._updates if update["update_id"] >= offset]
        if self._changed is None:
            self._changed = asyncio.Condition()
        async with self._changed:
            with contextlib.suppress(TimeoutError):  # an empty answer ends a long poll, as Telegram's does
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: self.closed or self._pending(offset) != []), timeout
                )
        return self._pending(offset)

    def _pending(self, offset: int) -> list[dict[str, Any]]:
        return [update for update in self._updates if update["update_id"] >= offset]

    def _notify(self) -> None:
        changed = self._changed
        if changed is None:
            return

        async def wake() -> None:
            async with changed:
                changed.notify_all()

        asyncio.get_running_loop().create_task(wake())
