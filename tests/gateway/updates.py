"""Raw Bot API update dicts, as Telegram sends them (turned into real Updates with de_json)."""

from __future__ import annotations

import itertools
import time
from typing import Any

_ids = itertools.count(1)


def user(user_id: int = 42, language_code: str | None = "en") -> dict[str, Any]:
    out: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    if language_code is not None:
        out["language_code"] = language_code
    return out


def _message(user_id: int, language_code: str | None, **fields: Any) -> dict[str, Any]:
    return {
        "message_id": next(_ids),
        "date": int(time.time()),
        "chat": {"id": user_id, "type": "private", "first_name": f"User{user_id}"},
        "from": user(user_id, language_code),
        **fields,
    }


def text_message(text: str, user_id: int = 42, language_code: str | None = "en") -> dict[str, Any]:
    fields: dict[str, Any] = {"text": text}
    if text.startswith("/"):
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"message": _message(user_id, language_code, **fields)}


def photo_message(user_id: int = 42, language_code: str | None = "en") -> dict[str, Any]:
    photo = [{"file_id": "AgACAgIAAx", "file_unique_id": "AQAD", "width": 90, "height": 60}]
    return {"message": _message(user_id, language_code, photo=photo, caption="my passport")}


def document_message(user_id: int = 42, language_code: str | None = "vi") -> dict[str, Any]:
    document = {"file_id": "BQACAgIAAx", "file_unique_id": "AgAD", "file_name": "passport.pdf"}
    return {"message": _message(user_id, language_code, document=document)}


def button_tap(
    sent_message: dict[str, Any], callback_data: str, user_id: int = 42, language_code: str | None = "en"
) -> dict[str, Any]:
    """A tap on a button of `sent_message` (the bot's message as the fake Bot API returned it)."""
    return {
        "callback_query": {
            "id": str(next(_ids)),
            "from": user(user_id, language_code),
            "chat_instance": "ci-1",
            "data": callback_data,
            "message": sent_message,
        }
    }
