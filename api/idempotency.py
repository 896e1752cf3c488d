"""Idempotency-Key: the first answer is stored in the same transaction as what it filed.

A retry with the same key and body gets that answer again; the same key with another body is a 409.
Keys are scoped to the caller (an establishment key, or one chat account), so callers cannot collide.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api.errors import ClientError, Conflict
from api.models import IdempotencyRecord, core_table
from api.timeutil import utcnow

_KEY = re.compile(r"^[\x21-\x7e]{1,200}$")
_ATTEMPTS = 3  # a retry after a receipt-code collision (40 random bits: practically never)


def request_hash(route: str, payload: Any) -> str:
    canonical = json.dumps([route, payload], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str | None) -> None:
    if key is not None and not _KEY.match(key):
        raise ClientError("idempotency_key_invalid", ("header", "Idempotency-Key"))


# Core statements built once (cached compiled form): every keyed submission runs both.
_RECORDS = core_table(IdempotencyRecord)
_FIND = select(_RECORDS.c.request_hash, _RECORDS.c.status_code, _RECORDS.c.response).where(
    _RECORDS.c.scope == bindparam("scope"), _RECORDS.c.key == bindparam("key")
)
_INSERT = insert(_RECORDS)


def _replay(session: Session, scope: str, key: str, digest: str) -> tuple[int, dict[str, Any]] | None:
    found = session.connection().execute(_FIND, {"scope": scope, "key": key}).first()
    if found is None:
        return None
    if found.request_hash != digest:
        raise Conflict("idempotency_conflict", ("header", "Idempotency-Key"))
    return found.status_code, found.response


def run_once(
    session: Session,
    scope: str,
    key: str | None,
    digest: str,
    produce: Callable[[], tuple[int, dict[str, Any]]],
) -> tuple[int, dict[str, Any], bool]:
    """(status, body, replayed). `produce` adds rows to the session; this commits them with the answer."""
    check_key(key)
    if key is not None:
        earlier = _replay(session, scope, key, digest)
        if earlier is not None:
            session.rollback()
            return (*earlier, True)
    for attempt in range(_ATTEMPTS):
        try:
            status, body = produce()
            if key is not None:
                session.connection().execute(
                    _INSERT,
                    {
                        "scope": scope,
                        "key": key,
                        "request_hash": digest,
                        "status_code": status,
                        "response": body,
                        "created_at": utcnow(),
                    },
                )
            session.commit()
            return status, body, False
        except IntegrityError:
            session.rollback()
            if key is not None:
                earlier = _replay(session, scope, key, digest)
                if earlier is not None:
                    session.rollback()
                    return (*earlier, True)
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
