"""Webhook mode: Telegram POSTs updates to us; they go into PTB's update queue like polled ones.

Served by starlette+uvicorn (already in the environment) instead of PTB's tornado-based webhook
server, which would need the ``python-telegram-bot[webhooks]`` extra.
"""

from __future__ import annotations

import hmac
import json
import logging
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Update
from telegram.ext import Application

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def webhook_path(webhook_url: str) -> str:
    """The local route is the public URL's path (a reverse proxy forwards it unchanged)."""
    return urlsplit(webhook_url).path or "/"


def create_webhook_app(
    application: Application,  # type: ignore[type-arg]
    path: str,
    secret: str | None,
) -> Starlette:
    async def receive_update(request: Request) -> Response:
        if secret and not hmac.compare_digest(
            request.headers.get(SECRET_HEADER, "").encode(), secret.encode()
        ):
            return Response(status_code=403)
        try:
            update = Update.de_json(json.loads(await request.body()), application.bot)
        except (json.JSONDecodeError, TypeError, KeyError) as error:
            logger.warning("ignoring a malformed webhook body: %s", error)
            return Response(status_code=400)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return Starlette(routes=[Route(path, receive_update, methods=["POST"])])
