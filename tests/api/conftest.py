"""Fixtures: the whole API suite runs against a fresh SQLite file and against PostgreSQL.

PostgreSQL gets one uniquely named database per test session (parallel runs never collide), migrated
with Alembic once; each test starts from emptied tables. SQLite gets a new migrated file per test.
Tests skip with a clear message when PostgreSQL does not answer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from api.config import Settings
from api.db import make_engine, make_session_factory
from api.main import create_app
from api.migrations import upgrade_to_head
from tests.api.factories import CHANNEL_TOKEN
from tests.api.testclient import TestClient
from tests.postgres import temporary_database

TABLES = "link_codes, audit_events, idempotency_records, declaration_versions, declarations, chat_links, officers, establishments"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    with temporary_database(f"api_test_{os.getpid()}") as url:
        upgrade_to_head(url)
        yield url


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'intake.sqlite3'}"
        upgrade_to_head(url)
        return url
    pg_url: str = request.getfixturevalue("postgres_url")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
    return pg_url


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(DATABASE_URL=db_url, API_ENV="test", CHANNEL_TOKEN=CHANNEL_TOKEN, RETENTION_DAYS=30)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with make_session_factory(engine)() as s:
        yield s


def count_rows(session: Session, table: str) -> int:
    """Reads in its own short transaction (on SQLite every transaction holds the write lock)."""
    session.rollback()
    try:
        return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        session.rollback()
