"""Who is talking (chat account for the API), idempotency keys, and masking for logs."""

from __future__ import annotations

import hashlib
import re

from deployment.channel_signature import SENDER_LOCAL_PART
from deployment.table import CHANNEL_CLIENTS

_UNSAFE = re.compile(r"[^A-Za-z0-9_.@-]")


def chat_account(sender_id: str) -> str:
    """The intake API's chat account is the sender id as Rasa's signed channel let it in: the channel
    only accepts "telegram:<id>" from the gateway and "cli:<id>" from the terminal chat, so a bare
    number is never taken for a Telegram user. Conversations opened otherwise (Rasa's token-protected
    HTTP API) are "rest:<id>", with characters the API refuses turned into '_'."""
    namespace, colon, local = sender_id.partition(":")
    if colon and namespace in CHANNEL_CLIENTS and SENDER_LOCAL_PART.fullmatch(local):
        return sender_id
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
