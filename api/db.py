"""Engine and session factory. Created by the app factory or the CLI, never at import time."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pydantic_core
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
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
            hide_parameters=True,
            **pool,
        )
        _configure_sqlite(engine)
    else:
        # No pre-ping: it costs a round trip per request; stale connections are recycled instead, and
        # connections that turned out read-only are dropped (see _drop_read_only_connections).
        engine = create_engine(
            url,
            pool_size=pool_size,
            max_overflow=SESSION_SLOTS,
            pool_recycle=1800,
            json_serializer=json_text,
            hide_parameters=True,  # error messages and logs never quote names, dates or numbers
        )
    _drop_read_only_connections(engine)
    return engine


_SQLITE_READONLY = 8  # primary result code; extended codes (READONLY_DIRECTORY, ...) share it
_PG_READ_ONLY_TRANSACTION = "25006"


def is_read_only(error: BaseException) -> bool:
    """True when the database refused a write because it, or this connection, is read-only."""
    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        return (code is not None and code & 0xFF == _SQLITE_READONLY) or "readonly" in str(orig)
    return getattr(orig, "sqlstate", None) == _PG_READ_ONLY_TRANSACTION


def forget_connections(engine: Engine) -> None:
    """After a read-only error: close every pooled connection and collect the closed ones still referenced
    by tracebacks (exception cycles). Python's sqlite3 closes a connection with live statements only when
    the object is freed, and until then SQLite keeps the file's shared state, read-only, for every new
    connection of the process. A full collection costs milliseconds; it runs only in this failure."""
    engine.dispose()
    gc.collect()


def _drop_read_only_connections(engine: Engine) -> None:
    """A connection opened while the database was read-only stays so after write access returns (a
    SQLite file opened read-only; a PostgreSQL session started with default_transaction_read_only).
    Such an error is treated like a lost connection: the pool discards its connections and opens new
    ones, so the API recovers without a restart."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        if is_read_only(context.original_exception):
            context.is_disconnect = True


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
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            # A file that cannot be written is opened read-only, silently, and stays so. SQLite shares
            # one lock and WAL index per file among the connections of a process, so a single read-only
            # connection kept in the pool would keep every later one read-only after write access
            # returns: refuse and close it now.
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("ROLLBACK")
        except sqlite3.Error:
            cursor.close()
            dbapi_connection.close()
            raise
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as session:
        yield session
