"""The signature a chat client puts on every call to Rasa's channel, and its check (standard library).

The client (the Telegram gateway, the terminal chat) signs, with its own secret,
``client \\n timestamp \\n nonce \\n body`` with HMAC-SHA256 and sends the parts as headers. The channel
(``rasa_addons.channel``) accepts a call only when the signature matches the claimed client's secret,
the timestamp is within MAX_SKEW_SECONDS, the nonce was not seen in that window (no replay), and the
sender id lies in that client's namespace ("telegram:<id>" only for the gateway, "cli:<id>" only for
the terminal chat).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Mapping

from deployment.errors import BadSignature

CLIENT_HEADER = "X-Channel-Client"
TIMESTAMP_HEADER = "X-Channel-Timestamp"
NONCE_HEADER = "X-Channel-Nonce"
SIGNATURE_HEADER = "X-Channel-Signature"
MAX_SKEW_SECONDS = 300
# After the namespace: what the intake API accepts as a chat account's user part.
SENDER_LOCAL_PART = re.compile(r"[A-Za-z0-9_.@-]{1,80}")
_NONCE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _digest(secret: str, client: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = b"\n".join([client.encode(), timestamp.encode(), nonce.encode(), body])
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def sign(client: str, secret: str, body: bytes, *, now: float | None = None) -> dict[str, str]:
    """The headers that authenticate `body` as sent by `client`."""
    timestamp = str(int(time.time() if now is None else now))
    nonce = secrets.token_urlsafe(18)
    return {
        CLIENT_HEADER: client,
        TIMESTAMP_HEADER: timestamp,
        NONCE_HEADER: nonce,
        SIGNATURE_HEADER: _digest(secret, client, timestamp, nonce, body),
    }


def namespaced(client: str, user_id: str) -> str:
    """The sender id of `user_id` as `client` asserts it, e.g. "telegram:123456"."""
    return f"{client}:{user_id}"


class NonceCache:
    """Nonces seen within the accepted window; a second use of one is a replay."""

    def __init__(self, window: float = 2 * MAX_SKEW_SECONDS) -> None:
        self._window = window
        self._seen: dict[str, float] = {}

    def first_use(self, nonce: str, now: float) -> bool:
        if len(self._seen) > 10_000:
            self._seen = {n: t for n, t in self._seen.items() if now - t < self._window}
        if nonce in self._seen and now - self._seen[nonce] < self._window:
            return False
        self._seen[nonce] = now
        return True


def verify(
    client_secrets: Mapping[str, str],
    headers: Mapping[str, str],
    body: bytes,
    nonces: NonceCache,
    *,
    now: float | None = None,
) -> str:
    """The authenticated client's name; BadSignature says what is wrong (never which secret was tried)."""
    current = time.time() if now is None else now
    client = headers.get(CLIENT_HEADER, "")
    timestamp = headers.get(TIMESTAMP_HEADER, "")
    nonce = headers.get(NONCE_HEADER, "")
    signature = headers.get(SIGNATURE_HEADER, "")
    if not (client and timestamp and nonce and signature):
        raise BadSignature(
            f"unsigned call: send {CLIENT_HEADER}, {TIMESTAMP_HEADER}, {NONCE_HEADER} and {SIGNATURE_HEADER}"
        )
    secret = client_secrets.get(client)
    if secret is None:
        raise BadSignature(f"unknown client {client[:20]!r}")
    if not timestamp.isdigit() or abs(current - int(timestamp)) > MAX_SKEW_SECONDS:
        raise BadSignature(f"timestamp outside ±{MAX_SKEW_SECONDS} s of the server's clock")
    if not _NONCE.fullmatch(nonce):
        raise BadSignature("malformed nonce")
    if not hmac.compare_digest(signature, _digest(secret, client, timestamp, nonce, body)):
        raise BadSignature("wrong signature")
    if not nonces.first_use(nonce, current):  # only after the signature: strangers cannot fill the cache
        raise BadSignature("replayed call")
    return client


def check_sender(client: str, sender: object) -> str:
    """The sender id if it lies in `client`'s namespace; BadSignature otherwise."""
    if not isinstance(sender, str):
        raise BadSignature("the body has no sender")
    namespace, colon, local = sender.partition(":")
    if not colon or namespace != client or not SENDER_LOCAL_PART.fullmatch(local):
        raise BadSignature(f"client {client!r} may only send as '{client}:<id>'")
    return sender
