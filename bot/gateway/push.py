"""The loopback endpoint that delivers proactive messages (e.g. a receipt filed after the chat ended).

``POST /push`` with ``Authorization: Bearer <PUSH_TOKEN>`` (always required) and
``{"recipient_id": "telegram:123456", "messages": [<Rasa REST message objects>]}``; the recipient is
the Rasa sender id, namespaced by channel as the gateway sends it. The answer is 202 once
Telegram has accepted every message, so a caller that gets anything else knows to try again.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.gateway.errors import DeliveryError, PushRequestError
from bot.gateway.relay import ChatRelay
from bot.gateway.texts import Language, language_of
from bot.rasa_client import BotMessage

logger = logging.getLogger(__name__)

# The gateway's sender ids: "telegram:" and the Telegram user id (chat ids are negative for groups).
_TELEGRAM_RECIPIENT = re.compile(r"telegram:(-?[0-9]{1,20})")


@dataclass(frozen=True)
class PushRequest:
    chat_id: int
    messages: tuple[BotMessage, ...]
    language: Language


def parse_push(body: Any) -> PushRequest:
    """Validate a push body, with bilingual errors that say what to fix."""
    if not isinstance(body, dict):
        raise PushRequestError(
            'The body must be a JSON object {"recipient_id": ..., "messages": [...]}. / '
            'Nội dung phải là một đối tượng JSON {"recipient_id": ..., "messages": [...]}.'
        )
    recipient = str(body.get("recipient_id", ""))
    matched = _TELEGRAM_RECIPIENT.fullmatch(recipient)
    if matched is None:
        raise PushRequestError(
            f"Unknown recipient {recipient!r}: recipient_id must be 'telegram:' and a Telegram user or "
            f"chat id (digits). / Không rõ người nhận {recipient!r}: recipient_id phải là 'telegram:' "
            "và mã người dùng hoặc mã cuộc trò chuyện Telegram (chữ số).",
            status_code=404,
        )
    raw_messages = body.get("messages")
    if (
        not isinstance(raw_messages, list)
        or not raw_messages
        or not all(isinstance(m, dict) and (m.get("text") or m.get("buttons")) for m in raw_messages)
    ):
        raise PushRequestError(
            'messages must be a non-empty list of objects with "text" and/or "buttons". / '
            'messages phải là danh sách không rỗng gồm các đối tượng có "text" và/hoặc "buttons".'
        )
    return PushRequest(
        chat_id=int(matched.group(1)),
        messages=tuple(BotMessage.from_json(m) for m in raw_messages),
        language=language_of(str(body.get("language") or "")),
    )


def create_push_app(relay: ChatRelay, push_token: str) -> Starlette:
    async def push(request: Request) -> JSONResponse:
        if not _authorized(request, push_token):
            return _error(
                401,
                "Missing or wrong bearer token: send 'Authorization: Bearer <PUSH_TOKEN>'. / "
                "Thiếu hoặc sai mã: hãy gửi 'Authorization: Bearer <PUSH_TOKEN>'.",
            )
        try:
            parsed = parse_push(json.loads(await request.body()))
        except json.JSONDecodeError:
            return _error(400, "The body is not valid JSON. / Nội dung không phải JSON hợp lệ.")
        except PushRequestError as error:
            return _error(error.status_code, str(error))
        try:
            await relay.submit_push(parsed.chat_id, parsed.messages, parsed.language)
        except DeliveryError as error:
            logger.warning("push to chat %s failed: %s", parsed.chat_id, error)
            return _error(
                502, f"Telegram did not accept the message: {error} / Telegram không nhận tin nhắn."
            )
        return JSONResponse({"status": "delivered", "messages": len(parsed.messages)}, status_code=202)

    return Starlette(routes=[Route("/push", push, methods=["POST"])])


def _authorized(request: Request, push_token: str) -> bool:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(credentials.encode(), push_token.encode())


def _error(status_code: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status_code)
