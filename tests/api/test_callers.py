"""The per-process caller cache: found establishment callers only, for CALLER_CACHE_SECONDS at most."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from api.config import Settings
from api.main import create_app
from tests.api.factories import (
    CHANNEL_TOKEN,
    channel_headers,
    declaration_body,
    establishment_body,
    register_host,
)
from tests.api.testclient import TestClient


def _client(db_url: str, cache_seconds: float) -> Iterator[TestClient]:
    settings = Settings(
        DATABASE_URL=db_url, API_ENV="test", CHANNEL_TOKEN=CHANNEL_TOKEN, CALLER_CACHE_SECONDS=cache_seconds
    )
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def uncached(db_url: str) -> Iterator[TestClient]:
    yield from _client(db_url, 0)


@pytest.fixture
def short_cache(db_url: str) -> Iterator[TestClient]:
    yield from _client(db_url, 0.5)


@pytest.fixture
def long_cache(db_url: str) -> Iterator[TestClient]:
    yield from _client(db_url, 60)


def _revoke(session: Session, establishment_id: int) -> None:
    """What an operator would do: the stored key digest no longer matches any key."""
    session.execute(
        text("UPDATE establishments SET key_hash = :h WHERE id = :id"),
        {"h": f"revoked-{establishment_id}", "id": establishment_id},
    )
    session.commit()


def test_without_cache_a_revoked_key_fails_at_once(uncached: TestClient, session: Session) -> None:
    host = register_host(uncached)
    assert uncached.post("/v1/declarations", json=declaration_body(), headers=host.headers).status_code == 201
    _revoke(session, host.id)
    r = uncached.post("/v1/declarations", json=declaration_body(), headers=host.headers)
    assert r.status_code == 401
    assert r.json()["detail"][0]["code"] == "auth_invalid"


def test_a_revoked_key_stops_working_once_the_cache_entry_expires(
    short_cache: TestClient, session: Session
) -> None:
    host = register_host(short_cache)
    assert short_cache.get("/v1/me", headers=host.headers).status_code == 200  # cached now
    _revoke(session, host.id)
    time.sleep(0.6)
    assert (
        short_cache.post("/v1/declarations", json=declaration_body(), headers=host.headers).status_code == 401
    )


def test_within_the_window_the_cached_caller_is_used(long_cache: TestClient, session: Session) -> None:
    """The documented trade-off: a key removed in the database works for up to CALLER_CACHE_SECONDS."""
    host = register_host(long_cache)
    assert long_cache.get("/v1/me", headers=host.headers).status_code == 200
    _revoke(session, host.id)
    assert (
        long_cache.post("/v1/declarations", json=declaration_body(), headers=host.headers).status_code == 201
    )


def test_an_unlinked_chat_account_is_not_cached(short_cache: TestClient) -> None:
    """The chat asks, registers, then files at once: the earlier 'not linked' must not be remembered."""
    account = channel_headers("telegram:555")
    before = short_cache.post("/v1/declarations", json=declaration_body(), headers=account)
    assert before.status_code == 403
    assert before.json()["detail"][0]["code"] == "chat_not_linked"
    registered = short_cache.post("/v1/establishments", json=establishment_body(), headers=account)
    assert registered.status_code == 201
    after = short_cache.post("/v1/declarations", json=declaration_body(), headers=account)
    assert after.status_code == 201, after.text


def test_a_wrong_key_is_refused_every_time(short_cache: TestClient) -> None:
    bad = {"Authorization": "Bearer est_not-a-real-key"}
    for _ in range(2):
        assert short_cache.post("/v1/declarations", json=declaration_body(), headers=bad).status_code == 401


def test_the_channel_token_is_checked_before_the_cache(short_cache: TestClient) -> None:
    account = "telegram:556"
    short_cache.post("/v1/establishments", json=establishment_body(), headers=channel_headers(account))
    assert short_cache.get("/v1/me", headers=channel_headers(account)).status_code == 200  # cached
    forged = {"Authorization": "Bearer not-the-channel-token", "X-Chat-Account": account}
    assert short_cache.get("/v1/me", headers=forged).status_code == 401
