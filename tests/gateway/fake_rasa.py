"""A scripted stand-in for Rasa's signed REST channel (used until tests run against the real model).

Served offline through ``httpx.MockTransport`` (handed to ``RasaClient(transport=...)``) or over
loopback HTTP through ``asgi_app()``. It checks each call's signature as rasa_addons.channel does
(401 otherwise, nothing recorded) and records every message it receives, with timing.
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from deployment.channel_signature import NonceCache, check_sender, verify
from deployment.errors import BadSignature
from deployment.table import GATEWAY_CHANNEL_SECRET

LANGUAGE_BUTTONS = [
    {"title": "English", "payload": '/set_language{"language":"en"}'},
    {"title": "Tiếng Việt", "payload": '/set_language{"language":"vi"}'},
]
# Long enough in UTF-8 that it cannot travel inside 64 bytes of callback data.
PROVINCE_BUTTONS = [
    {"title": "Bắc Ninh", "payload": '/inform{"province":"Bắc Ninh","district":"Thành phố Bắc Ninh"}'},
    {"title": "Hà Nội", "payload": '/inform{"province":"Hà Nội","district":"Quận Hoàn Kiếm"}'},
]
LONG_TEXT = "\n".join(f"Line {n}: " + "giấy tờ " * 20 for n in range(60))  # about 10,000 characters


@dataclass(frozen=True)
class Received:
    sender: str
    message: str
    metadata: dict[str, Any] | None
    started: float
    finished: float


class FakeRasa:
    def __init__(self, gateway_secret: str = GATEWAY_CHANNEL_SECRET.development_default) -> None:
        self._secrets = {"telegram": gateway_secret}
        self._nonces = NonceCache()
        self.refused = 0
        self.received: list[Received] = []
        self.attempts = 0
        # Failure modes, set by tests: connection refused or a read timeout for the next N requests,
        # HTTP error statuses for the next requests (one each, without acting on the message), delays.
        self.refuse_next = 0
        self.time_out_next = 0
        self.statuses_next: list[int] = []
        self.delays: dict[str, float] = {}

    def reply(self, sender: str, message: str) -> list[dict[str, Any]]:
        def say(text: str, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
            out: dict[str, Any] = {"recipient_id": sender, "text": text}
            if buttons:
                out["buttons"] = buttons
            return out

        if message == "/greet":
            return [say("Hello! I help with paperwork in Viet Nam."), say("What do you need?")]
        if message == "/choose_language":
            return [say("Which language do you prefer?", LANGUAGE_BUTTONS)]
        if message.startswith("/set_language"):
            language = json.loads(message[len("/set_language") :])["language"]
            return [say(f"Language set: {language}")]
        if message == "/declare_guest":
            return [say("Which province is the guest staying in?", PROVINCE_BUTTONS)]
        if message.startswith("/inform"):
            return [say(f"Province noted: {json.loads(message[len('/inform') :])['province']}")]
        if message == "long please":
            return [say(LONG_TEXT, LANGUAGE_BUTTONS)]
        if message == "buttons only":
            return [{"recipient_id": sender, "buttons": LANGUAGE_BUTTONS}]
        return [say(f"You said: {message}")]

    async def handle(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        started = time.monotonic()
        sender, message = str(body["sender"]), str(body["message"])
        await asyncio.sleep(self.delays.get(message, 0.0))
        replies = self.reply(sender, message)
        self.received.append(Received(sender, message, body.get("metadata"), started, time.monotonic()))
        return replies

    def authenticated(self, headers: Any, body: bytes) -> bool:
        try:
            client = verify(self._secrets, headers, body, self._nonces)
            check_sender(client, json.loads(body).get("sender"))
        except BadSignature:
            self.refused += 1
            return False
        return True

    def messages(self) -> list[str]:
        return [item.message for item in self.received]

    def transport(self) -> httpx.MockTransport:
        async def handle(request: httpx.Request) -> httpx.Response:
            self.attempts += 1
            if self.refuse_next > 0:
                self.refuse_next -= 1
                raise httpx.ConnectError("connection refused", request=request)
            if self.time_out_next > 0:
                self.time_out_next -= 1
                raise httpx.ReadTimeout("no answer", request=request)
            if self.statuses_next:
                return httpx.Response(self.statuses_next.pop(0), text="Bad Gateway")
            body = await request.aread()
            if not self.authenticated(request.headers, body):
                return httpx.Response(401, json={"error": "unauthorized"})
            return httpx.Response(200, json=await self.handle(json.loads(body)))

        return httpx.MockTransport(handle)

    def asgi_app(self) -> Starlette:
        async def webhook(request: Request) -> JSONResponse:
            self.attempts += 1
            if self.statuses_next:
                return JSONResponse({"error": "unavailable"}, status_code=self.statuses_next.pop(0))
            body = await request.body()
            if not self.authenticated(request.headers, body):
                return JSONResponse({"error": "unauthorized"}, status_code=401)
            return JSONResponse(await self.handle(json.loads(body)))

        return Starlette(routes=[Route("/webhooks/rest/webhook", webhook, methods=["POST"])])
