"""Engine and session factory. Created by the app factory or the CLI, never at import time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic_core
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker


def normalise_url(url: str) -> str:
    """Plain 'postgresql://' URLs mean psycopg 3 here (the only PostgreSQL driver installed)."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.removeprefix("postgres://")
    return url


# Sessions of sync routes alive at once (api.deps.SessionDep). The pool holds one connection per thread
# (the app sizes its threadpool to `pool_size`, see api.main) plus one per such session: threads can then
# never all wait for a connection, whatever the load.
SESSION_SLOTS = 10


def make_engine(url: str, pool_size: int = 10) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        pool: dict[str, Any] = {}
        if parsed.database and parsed.database != ":memory:":  # a file: a QueuePool like PostgreSQL's
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            pool = {"pool_size": pool_size, "max_overflow": SESSION_SLOTS}
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            json_serializer=json_text,
            **pool,
        )
        _configure_sqlite(engine)
        return engine
    # No pre-ping: it costs a round trip per request; stale connections are recycled instead.
    return create_engine(
        url,
        pool_size=pool_size,
        max_overflow=SESSION_SLOTS,
        pool_recycle=1800,
        json_serializer=json_text,
    )


def json_text(value: Any) -> str:
    """JSON columns (stored answers, versions, audit details) serialised by pydantic-core (Rust): a stored
    batch answer is about 100 KB, which json.dumps takes milliseconds to write."""
    return pydantic_core.to_json(value).decode()


def _configure_sqlite(engine: Engine) -> None:
    """WAL, full fsync on commit (a 201 must survive a crash), and BEGIN IMMEDIATE.

    pysqlite's own transaction handling starts transactions lazily, so two writers can both read and
    then fail to upgrade their locks ("database is locked") without waiting; taking the write lock at
    BEGIN makes writers queue on the busy timeout instead.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as session:
        yield session
