"""Pure ASGI middleware: uploads (multipart, images, PDF) get a 415 — no document images — and a declared
Content-Length over 64 KB a 413 before anything is read. Bodies sent without a length (chunked) are counted
as they stream by Starlette's RequestBodyLimitMiddleware, installed inside this one (see api.main); its
413 reaches the client through api.handlers in the same error shape."""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.messages import message

MAX_BODY_BYTES = 64 * 1024

logger = logging.getLogger("api")


async def _send_error(
    send: Send, status: int, code: str, loc: tuple[str, ...] = ("body",), **params: Any
) -> None:
    en, vi = message(code, **params)
    body = json.dumps({"detail": [{"loc": list(loc), "code": code, "msg": en, "msg_vi": vi}]}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


class UploadGuardMiddleware:
    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        content_type = headers.get(b"content-type", b"").lower()
        if content_type.startswith((b"multipart/", b"image/", b"application/pdf")):
            await _send_error(send, 415, "unsupported_media_type")
            return
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await _send_error(send, 413, "payload_too_large", limit=self.limit)
            return
        await self.app(scope, receive, send)


class ErrorShieldMiddleware:
    """Unexpected exceptions become a 500 in the uniform error shape and one log entry with the exception's
    class and stack frames but never its message: messages of validation and driver errors quote the
    values they refused (names, dates of birth, document numbers). Installed innermost of our
    middleware, so Starlette's ServerErrorMiddleware (which re-raises for the server to log the full
    text) never sees the exception."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as error:  # any exception: the point of this middleware
            frames = "".join(traceback.format_tb(error.__traceback__))
            logger.error(
                "unhandled %s on %s %s\n%s",
                type(error).__name__,
                scope.get("method"),
                scope.get("path"),
                frames,
            )
            if not started:
                await _send_error(send, 500, "internal_error", loc=())
