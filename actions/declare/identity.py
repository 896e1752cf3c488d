"""Who is talking (chat account for the API), idempotency keys, and masking for logs."""

from __future__ import annotations

import hashlib
import re

_TELEGRAM_ID = re.compile(r"^[0-9]{1,20}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_.@-]")


def chat_account(sender_id: str) -> str:
    """The Telegram gateway sends the user id (digits); every other sender comes through the REST channel.
    The API accepts `[A-Za-z0-9_.@-]{1,80}` after the channel, so other characters become '_'."""
    if _TELEGRAM_ID.match(sender_id):
        return f"telegram:{sender_id}"
    return f"rest:{_UNSAFE.sub('_', sender_id)[:80] or 'anonymous'}"


def idempotency_key(sender_id: str, form_id: str) -> str:
    """Same conversation + same form instance -> same key, so a double tap or a retry files once;
    a new form instance ("another guest") gets a new key. The sender id is hashed: keys end up in logs."""
    digest = hashlib.sha256(sender_id.encode()).hexdigest()[:16]
    return f"chat-{digest}-{form_id}"


def mask_document(number: str | None) -> str:
    """All but the last 3 characters hidden: what logs and chat summaries may show."""
    if not number:
        return ""
    cleaned = "".join(number.split())
    if len(cleaned) <= 3:
        return "*" * len(cleaned)
    return "*" * (len(cleaned) - 3) + cleaned[-3:]
