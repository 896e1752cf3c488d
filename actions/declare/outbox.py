"""Durable outbox for declarations the intake API could not take right now (SQLite, WAL mode).

An item moves pending -> filed (receipt stored) -> announced (the bot's messages stored) -> done (pushed
to every notify URL), or pending -> rejected (a 4xx: never retried) -> done once the host is told.
Each step is committed before the next network call, so a crash repeats at most one idempotent step:
filing reuses the same Idempotency-Key, and a notification that failed is pushed again, never refiled.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actions.declare import settings
from actions.declare.errors import OutboxError

BASE_DELAY_SECONDS = 2.0
MAX_DELAY_SECONDS = 300.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    id TEXT PRIMARY KEY,
    sender_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    language TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    result TEXT,
    messages TEXT,
    delivered TEXT NOT NULL DEFAULT '[]',
    last_error TEXT,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
)
"""


@dataclass(frozen=True)
class OutboxItem:
    id: str
    sender_id: str
    idempotency_key: str
    body: dict[str, Any]
    language: str
    state: str
    attempts: int
    next_attempt_at: float
    result: dict[str, Any] | None
    messages: list[dict[str, Any]] | None
    delivered: list[str]
    last_error: str | None


def backoff(attempts: int) -> float:
    """Seconds to wait after `attempts` failures: 2, 4, 8 ... capped at five minutes."""
    return float(min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** max(0, attempts - 1)))


class Outbox:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings.outbox_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            try:
                db.execute(
                    "PRAGMA journal_mode=WAL"
                )  # a persistent setting of the file; outside a transaction
                db.execute(_SCHEMA)
            finally:
                db.close()
        except sqlite3.Error as error:
            raise OutboxError(f"cannot open the outbox at {self.path}: {error}") from error

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            db.execute("PRAGMA synchronous=FULL")  # durable on commit: the host was told "queued"
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()

    def enqueue(self, sender_id: str, idempotency_key: str, body: dict[str, Any], language: str) -> str:
        """Store a declaration to file later. The same key enqueued twice (double tap) is kept once."""
        now = time.time()
        try:
            with self._connect() as db:
                row = db.execute(
                    "SELECT id FROM outbox WHERE idempotency_key = ?", (idempotency_key,)
                ).fetchone()
                if row is not None:
                    return str(row["id"])
                item_id = uuid.uuid4().hex
                db.execute(
                    "INSERT INTO outbox (id, sender_id, idempotency_key, body, language, state, attempts,"
                    " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)",
                    (item_id, sender_id, idempotency_key, json.dumps(body), language, now, now, now),
                )
                return item_id
        except sqlite3.Error as error:
            raise OutboxError(f"cannot write to the outbox: {error}") from error

    def due(self, now: float | None = None, limit: int = 20) -> list[OutboxItem]:
        """Items with work left whose next attempt time has come, oldest first."""
        moment = time.time() if now is None else now
        with self._connect() as db:
            rows = db.execute(
                "SELECT * FROM outbox WHERE state != 'done' AND next_attempt_at <= ? ORDER BY created_at LIMIT ?",
                (moment, limit),
            ).fetchall()
        return [_item(row) for row in rows]

    def get(self, item_id: str) -> OutboxItem | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM outbox WHERE id = ?", (item_id,)).fetchone()
        return _item(row) if row else None

    def find_by_key(self, idempotency_key: str) -> OutboxItem | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM outbox WHERE idempotency_key = ?", (idempotency_key,)).fetchone()
        return _item(row) if row else None

    def all_items(self) -> list[OutboxItem]:
        with self._connect() as db:
            rows = db.execute("SELECT * FROM outbox ORDER BY created_at").fetchall()
        return [_item(row) for row in rows]

    def failed_attempt(self, item_id: str, error: str) -> None:
        """Count a failure and push the next attempt back exponentially."""
        with self._connect() as db:
            row = db.execute("SELECT attempts FROM outbox WHERE id = ?", (item_id,)).fetchone()
            attempts = int(row["attempts"]) + 1 if row else 1
            now = time.time()
            db.execute(
                "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?",
                (attempts, now + backoff(attempts), error[:300], now, item_id),
            )

    def mark_filed(self, item_id: str, result: dict[str, Any]) -> None:
        self._update(item_id, state="filed", result=json.dumps(result), attempts=0, body="{}")

    def mark_rejected(self, item_id: str, detail: list[dict[str, Any]], full_name: str | None) -> None:
        outcome = {"detail": detail, "full_name": full_name}
        self._update(item_id, state="rejected", result=json.dumps(outcome), attempts=0, body="{}")

    def mark_announced(self, item_id: str, messages: list[dict[str, Any]]) -> None:
        self._update(item_id, state="announced", messages=json.dumps(messages), attempts=0)

    def mark_delivered(self, item_id: str, url: str, all_urls: list[str]) -> None:
        with self._connect() as db:
            row = db.execute("SELECT delivered FROM outbox WHERE id = ?", (item_id,)).fetchone()
            delivered = sorted(set(json.loads(row["delivered"]) if row else []) | {url})
            state = "done" if set(all_urls) <= set(delivered) else "announced"
            db.execute(
                "UPDATE outbox SET delivered = ?, state = ?, updated_at = ? WHERE id = ?",
                (json.dumps(delivered), state, time.time(), item_id),
            )

    def mark_done(self, item_id: str) -> None:
        self._update(item_id, state="done")

    def _update(self, item_id: str, **columns: Any) -> None:
        now = time.time()
        columns = {**columns, "updated_at": now, "next_attempt_at": now, "last_error": None}
        assignments = ", ".join(f"{name} = ?" for name in columns)
        with self._connect() as db:
            db.execute(f"UPDATE outbox SET {assignments} WHERE id = ?", (*columns.values(), item_id))


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        sender_id=row["sender_id"],
        idempotency_key=row["idempotency_key"],
        body=json.loads(row["body"]),
        language=row["language"],
        state=row["state"],
        attempts=int(row["attempts"]),
        next_attempt_at=float(row["next_attempt_at"]),
        result=json.loads(row["result"]) if row["result"] else None,
        messages=json.loads(row["messages"]) if row["messages"] else None,
        delivered=list(json.loads(row["delivered"] or "[]")),
        last_error=row["last_error"],
    )
