"""Append-only audit log: every write and every officer read of personal data.

Entries name the actor, the action and the target (a receipt code, an establishment id, a search) but
never a document number: searches by number are recorded masked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from api.models import AuditEvent, core_table
from api.timeutil import utcnow


def record(session: Session, actor: str, action: str, target: str, **detail: Any) -> None:
    """Added to the caller's transaction, so the audit entry commits with the change it describes."""
    session.add(AuditEvent(at=utcnow(), actor=actor, action=action, target=target[:200], detail=detail))


def entry(actor: str, action: str, target: str, at: datetime, **detail: Any) -> dict[str, Any]:
    """One audit row as column values, for `record_many`."""
    return {"at": at, "actor": actor, "action": action, "target": target[:200], "detail": detail}


_INSERT = insert(core_table(AuditEvent))


def record_many(session: Session, entries: list[dict[str, Any]]) -> None:
    """Many entries in one INSERT (hot paths), in the caller's transaction like `record`."""
    if entries:
        session.connection().execute(_INSERT, entries)
