"""The signature the chat clients put on calls to Rasa's channel, and what the channel refuses."""

from __future__ import annotations

import json
import time

import pytest

from deployment.channel_signature import (
    NONCE_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    NonceCache,
    check_sender,
    sign,
    verify,
)
from deployment.errors import BadSignature

GATEWAY = "Gw7Lq2ZxV9cKp4RtY1mNb8sHd3JfA6eU0oXi"
CLI = "Cl5Tz8WqE2rYu7IoP1aSd4FgH9jKl3ZxC6vB"
CLIENTS = {"telegram": GATEWAY, "cli": CLI}
BODY = json.dumps({"sender": "telegram:4242", "message": "/list_declarations"}).encode()


def test_a_signed_call_is_accepted_once() -> None:
    nonces = NonceCache()
    headers = sign("telegram", GATEWAY, BODY)
    assert verify(CLIENTS, headers, BODY, nonces) == "telegram"
    with pytest.raises(BadSignature, match="replayed"):
        verify(CLIENTS, headers, BODY, nonces)


@pytest.mark.parametrize(
    ("headers", "body", "reason"),
    [
        ({}, BODY, "unsigned"),
        (sign("telegram", "a-guessed-secret-that-is-not-the-real-one", BODY), BODY, "wrong signature"),
        (sign("cli", GATEWAY, BODY), BODY, "wrong signature"),  # the gateway's secret under another name
        (sign("telegram", GATEWAY, b'{"sender":"telegram:1"}'), BODY, "wrong signature"),  # body swapped
        (sign("admin", GATEWAY, BODY), BODY, "unknown client"),
        (sign("telegram", GATEWAY, BODY, now=time.time() - 3600), BODY, "timestamp"),
        ({**sign("telegram", GATEWAY, BODY), TIMESTAMP_HEADER: "soon"}, BODY, "timestamp"),
        ({**sign("telegram", GATEWAY, BODY), NONCE_HEADER: "x"}, BODY, "nonce"),
        ({**sign("telegram", GATEWAY, BODY), SIGNATURE_HEADER: ""}, BODY, "unsigned"),
    ],
)
def test_bad_calls_are_refused(headers: dict[str, str], body: bytes, reason: str) -> None:
    with pytest.raises(BadSignature, match=reason):
        verify(CLIENTS, headers, body, NonceCache())


@pytest.mark.parametrize(
    ("client", "sender", "allowed"),
    [
        ("telegram", "telegram:4242", True),
        ("cli", "cli:local-anna", True),
        ("cli", "telegram:4242", False),  # the terminal chat may not speak for a Telegram user
        ("telegram", "cli:local-anna", False),
        ("telegram", "4242", False),  # un-namespaced
        ("cli", "cli:", False),
        ("cli", "cli:a b", False),
        ("cli", 4242, False),
    ],
)
def test_senders_must_lie_in_the_signers_namespace(client: str, sender: object, allowed: bool) -> None:
    if allowed:
        assert check_sender(client, sender) == sender
    else:
        with pytest.raises(BadSignature):
            check_sender(client, sender)
