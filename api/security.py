"""Credentials: random bearer tokens, stored only as SHA-256 digests.

Tokens are 256-bit random values, so a fast digest is enough (a slow password hash protects low-entropy
secrets; these have none to protect) and keeps authentication cheap on every request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

HOST_KEY_PREFIX = "est_"
OFFICER_TOKEN_PREFIX = "off_"


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def mask_document_number(number: str) -> str:
    """'B12345678' -> '******678': never show or log more than the last 3 characters."""
    if len(number) <= 3:
        return "*" * len(number)
    return "*" * (len(number) - 3) + number[-3:]
