"""Outside development a secret must be set and strong; development alone has defaults, from one table."""

from __future__ import annotations

import base64
import random
import secrets

import pytest

from deployment.errors import InsecureSettings
from deployment.secret_strength import GENERATE, require_secrets, weakness
from deployment.table import CHANNEL_TOKEN, RASA_TOKEN, SECRETS


@pytest.mark.parametrize(
    ("encode", "size"),
    [("urlsafe", 32), ("urlsafe", 24), ("hex", 16), ("hex", 32)],
)
def test_values_from_a_random_generator_pass(encode: str, size: int) -> None:
    """What secrets.token_urlsafe / token_hex produce, from seeded bytes so the draws are the same on
    every run. (Unseeded, token_hex(16) is refused about twice per million draws: all digits, or one
    character 13 times out of 32; token_urlsafe(32), the documented generator, never in a million.)"""
    draws = random.Random(f"{encode}{size}")
    values = [
        base64.urlsafe_b64encode(raw).rstrip(b"=").decode() if encode == "urlsafe" else raw.hex()
        for raw in (draws.randbytes(size) for _ in range(10_000))
    ]
    assert [(value, weakness(value)) for value in values if weakness(value)] == []


def test_the_documented_generator_passes() -> None:
    assert weakness(secrets.token_urlsafe(32)) is None


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("a", "too short"),
        ("Xk2p" * 7, "too short"),  # 28 characters
        ("a" * 40, "kinds of characters"),
        ("aB" * 20, "repeats one character"),
        ("thisismysupersecrettokenforproductionuse", "kinds of characters"),
        ("Password123Password123Password123!", "repeats a pattern"),
        ("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "consecutive characters"),
        ("dev-channel-token", "known default"),  # the default the issue found in production
        ("a-long-random-secret-shared-by-the-assistant-and-the-api", "known default"),  # old .env.example
        (CHANNEL_TOKEN.development_default, "known default"),
        ("prod-CHANGE-ME-9f8e7d6c5b4a39281706f5e4d3c2b1a0", "known default"),
    ],
)
def test_weak_values_are_refused_with_the_reason(value: str, reason: str) -> None:
    assert reason in (weakness(value) or "")


def test_development_fills_missing_secrets_from_the_table() -> None:
    chosen = require_secrets("development", {"CHANNEL_TOKEN": None, "RASA_TOKEN": "mine"}, "test service")
    assert chosen == {"CHANNEL_TOKEN": CHANNEL_TOKEN.development_default, "RASA_TOKEN": "mine"}


@pytest.mark.parametrize("environment", ["test", "production"])
def test_outside_development_each_bad_secret_is_named_with_how_to_generate_one(environment: str) -> None:
    with pytest.raises(InsecureSettings) as refused:
        require_secrets(environment, {"CHANNEL_TOKEN": None, "RASA_TOKEN": "a"}, "intake API")
    message = str(refused.value)
    assert f"API_ENV={environment}" in message and "intake API" in message
    assert "CHANNEL_TOKEN is not set" in message and "RASA_TOKEN is too short" in message
    assert GENERATE in message and "docs/production.md" in message


def test_outside_development_strong_secrets_are_used_as_given() -> None:
    strong = {name: secrets.token_urlsafe(32) for name in (CHANNEL_TOKEN.variable, RASA_TOKEN.variable)}
    assert require_secrets("production", strong, "run command") == strong


def test_no_development_default_is_acceptable_outside_development() -> None:
    assert all(weakness(secret.development_default) for secret in SECRETS.values())
