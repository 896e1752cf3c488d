"""The gateway's durable state: messages kept during a Rasa outage, and long button payloads.

One SQLite file (``$VAR_DIR/gateway/gateway.sqlite3``) in WAL mode. Kept-message writes commit with
``synchronous=FULL`` (the WAL is fsynced): a row is on disk before the user is told "I kept your
message", and it survives a crash or a power cut. Button tokens, written for almost every reply with
long payloads, commit with ``synchronous=NORMAL``: they survive a crash of the gateway (the OS has
the WAL) and only a power cut can lose the latest ones, which then answer "button expired". That
keeps an fsync (~10 ms here) off the path of every reply; outages are rare, replies are not.

Calls are synchronous on purpose. Each is one indexed statement (tens of microseconds), and
handlers must not await before handing their work to the chat's sequence, so a button lookup cannot
be moved to a thread without losing per-chat order.

Kept messages are delivered at least once *unless* the gateway died while one was with Rasa: before
each request the row is marked ``sending``; the mark is cleared when Rasa provably did not get it
(connection refused, 502/503/504) and the row is deleted after Rasa's 200. A row still marked when
the next process starts was in flight during the crash, or Rasa had answered and the delete never
happened: Rasa may have acted on it (filed a declaration), so it is *not* sent again; the user is
asked to check and resend instead, as after a read timeout (docs/telegram.md).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.gateway.errors import StoreError

DB_NAME = "gateway.sqlite3"
_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS kept_messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: ids never reused, so order holds
    chat_id       INTEGER NOT NULL,
    sender_id     TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    language_code TEXT,
    kept_at       REAL    NOT NULL,
    sending_since REAL                                -- set while the message is with Rasa
);
CREATE INDEX IF NOT EXISTS kept_messages_by_chat ON kept_messages (chat_id, id);
CREATE TABLE IF NOT EXISTS button_payloads (
    chat_id    INTEGER NOT NULL,
    token      TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    created_at REAL    NOT NULL,
    PRIMARY KEY (chat_id, token)
);
CREATE INDEX IF NOT EXISTS button_payloads_by_age ON button_payloads (created_at);
"""


@dataclass(frozen=True)
class KeptMessage:
    id: int
    chat_id: int
    sender_id: str
    text: str
    language_code: str | None
    kept_at: float
    sending_since: float | None

    @property
    def was_in_flight(self) -> bool:
        """True when a previous attempt may have reached Rasa (the process died during it)."""
        return self.sending_since is not None


@dataclass(frozen=True)
class ButtonLimits:
    per_chat: int = 200
    total: int = 200_000
    ttl_seconds: float = 30 * 24 * 3600.0  # an inline keyboard is rarely tapped after a month
    prune_every: int = 1_000  # inserts between two global prunes (expiry and the total cap)


class GatewayStore:
    """Kept messages (per-chat FIFO) and button tokens in one SQLite file; one gateway process per file."""

    def __init__(
        self, path: Path, *, buttons: ButtonLimits | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.button_limits = buttons or ButtonLimits()
        self._clock = clock
        self._inserts_since_prune = 0
        try:
            # Kept messages may hold passport data typed during an outage: owner-only directory,
            # and deleted rows overwritten rather than left in free pages.
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            # isolation_level=None: autocommit, explicit BEGIN where several statements must hold together.
            self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.execute("PRAGMA secure_delete=ON")
            self._migrate()
        except (OSError, sqlite3.Error) as error:
            raise StoreError(
                f"The gateway cannot open its state file {path}: {error}. Set VAR_DIR to a writable "
                f"directory. / Cổng Telegram không mở được tệp trạng thái {path}: {error}. Hãy đặt "
                "VAR_DIR là một thư mục có quyền ghi."
            ) from error
        self.prune_buttons()

    @classmethod
    def in_var_dir(cls, var_dir: Path) -> GatewayStore:
        return cls(var_dir / "gateway" / DB_NAME)

    def close(self) -> None:
        self._db.close()

    def _migrate(self) -> None:
        (version,) = self._db.execute("PRAGMA user_version").fetchone()
        if version > _SCHEMA_VERSION:
            raise sqlite3.DatabaseError(
                f"schema version {version} is newer than this gateway ({_SCHEMA_VERSION})"
            )
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")

    # -- kept messages ---------------------------------------------------------------------------

    def keep(
        self, chat_id: int, sender_id: str, text: str, language_code: str | None, *, max_per_chat: int
    ) -> bool:
        """Append to the chat's queue; False (and nothing stored) when it already holds max_per_chat."""
        with self._transaction(durable=True):
            (count,) = self._db.execute(
                "SELECT count(*) FROM kept_messages WHERE chat_id = ?", (chat_id,)
            ).fetchone()
            if count >= max_per_chat:
                return False
            self._db.execute(
                "INSERT INTO kept_messages (chat_id, sender_id, text, language_code, kept_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (chat_id, sender_id, text, language_code, self._clock()),
            )
        return True

    def head(self, chat_id: int) -> KeptMessage | None:
        """The oldest kept message of the chat."""
        row = self._db.execute(
            "SELECT id, chat_id, sender_id, text, language_code, kept_at, sending_since "
            "FROM kept_messages WHERE chat_id = ? ORDER BY id LIMIT 1",
            (chat_id,),
        ).fetchone()
        return KeptMessage(*row) if row is not None else None

    def mark_sending(self, message_id: int) -> None:
        with self._transaction(durable=True):
            self._db.execute(
                "UPDATE kept_messages SET sending_since = ? WHERE id = ?", (self._clock(), message_id)
            )

    def unmark_sending(self, message_id: int) -> None:
        """Rasa provably did not receive it (connection refused, 502/503/504): safe to send again."""
        with self._transaction(durable=True):
            self._db.execute("UPDATE kept_messages SET sending_since = NULL WHERE id = ?", (message_id,))

    def remove(self, message_id: int) -> None:
        with self._transaction(durable=True):
            self._db.execute("DELETE FROM kept_messages WHERE id = ?", (message_id,))

    def kept_count(self, chat_id: int) -> int:
        (count,) = self._db.execute(
            "SELECT count(*) FROM kept_messages WHERE chat_id = ?", (chat_id,)
        ).fetchone()
        return int(count)

    def has_kept(self, chat_id: int) -> bool:
        row = self._db.execute("SELECT 1 FROM kept_messages WHERE chat_id = ? LIMIT 1", (chat_id,)).fetchone()
        return row is not None

    def chats_with_kept(self) -> list[int]:
        """Chats with kept messages, the one waiting longest first."""
        rows = self._db.execute(
            "SELECT chat_id FROM kept_messages GROUP BY chat_id ORDER BY min(id)"
        ).fetchall()
        return [int(chat_id) for (chat_id,) in rows]

    # -- button payloads -------------------------------------------------------------------------

    def put_buttons(self, chat_id: int, tokens: dict[str, str]) -> None:
        """Store token -> payload for one keyboard (one transaction), keeping the chat's newest per_chat."""
        if not tokens:
            return
        now = self._clock()
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO button_payloads (chat_id, token, payload, created_at) "
                "VALUES (?, ?, ?, ?)",
                [(chat_id, token, payload, now) for token, payload in tokens.items()],
            )
            self._db.execute(
                "DELETE FROM button_payloads WHERE chat_id = ? AND rowid NOT IN ("
                "SELECT rowid FROM button_payloads WHERE chat_id = ? ORDER BY created_at DESC, rowid DESC "
                "LIMIT ?)",
                (chat_id, chat_id, self.button_limits.per_chat),
            )
        self._inserts_since_prune += len(tokens)
        if self._inserts_since_prune >= self.button_limits.prune_every:
            self.prune_buttons()

    def get_button(self, chat_id: int, token: str) -> str | None:
        """The payload, or None when unknown, evicted or older than the time-to-live."""
        row = self._db.execute(
            "SELECT payload FROM button_payloads WHERE chat_id = ? AND token = ? AND created_at >= ?",
            (chat_id, token, self._clock() - self.button_limits.ttl_seconds),
        ).fetchone()
        return str(row[0]) if row is not None else None

    def button_count(self) -> int:
        (count,) = self._db.execute("SELECT count(*) FROM button_payloads").fetchone()
        return int(count)

    def prune_buttons(self) -> None:
        """Drop expired tokens, then the oldest beyond the total cap."""
        self._inserts_since_prune = 0
        limits = self.button_limits
        with self._transaction():
            self._db.execute(
                "DELETE FROM button_payloads WHERE created_at < ?", (self._clock() - limits.ttl_seconds,)
            )
            self._db.execute(
                "DELETE FROM button_payloads WHERE rowid IN (SELECT rowid FROM button_payloads "
                "ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)",
                (limits.total,),
            )

    # -- helpers ---------------------------------------------------------------------------------

    def _transaction(self, *, durable: bool = False) -> _Transaction:
        return _Transaction(self._db, durable=durable)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception (the connection is in autocommit mode).

    durable=True commits with synchronous=FULL (the pragma cannot change inside a transaction).
    """

    def __init__(self, db: sqlite3.Connection, *, durable: bool) -> None:
        self._db = db
        self._durable = durable

    def __enter__(self) -> None:
        if self._durable:
            self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self._db.execute("COMMIT" if exc_type is None else "ROLLBACK")
        finally:
            if self._durable:
                self._db.execute("PRAGMA synchronous=NORMAL")
