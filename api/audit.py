"""Append-only audit log: every write and every officer read of personal data.

Entries name the actor, the action and the target (a receipt code, an establishment id, a search) but
never a document number: searches by number are recorded masked.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from api.models import AuditEvent
from api.timeutil import utcnow


def record(session: Session, actor: str, action: str, target: str, **detail: Any) -> None:
    """Added to the caller's transaction, so the audit entry commits with the change it describes."""
    session.add(AuditEvent(at=utcnow(), actor=actor, action=action, target=target[:200], detail=detail))
