"""Retention: declarations whose stay ended more than RETENTION_DAYS ago are deleted with their history.

The audit log keeps its entries (they hold no document number); the purge itself is audited.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api import audit
from api.models import Declaration, DeclarationVersion, IdempotencyRecord
from api.timeutil import local_date

IDEMPOTENCY_KEEP = timedelta(days=7)


def purge(session: Session, retention_days: int, now: datetime) -> int:
    """Delete expired declarations; returns how many. Commits."""
    cutoff_day = local_date(now) - timedelta(days=retention_days)
    cutoff = now - timedelta(days=retention_days)
    expired = select(Declaration.id).where(
        Declaration.stay_until < cutoff_day, Declaration.updated_at < cutoff
    )
    ids = list(session.scalars(expired))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        session.execute(delete(DeclarationVersion).where(DeclarationVersion.declaration_id.in_(chunk)))
        session.execute(delete(Declaration).where(Declaration.id.in_(chunk)))
    session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now - IDEMPOTENCY_KEEP))
    audit.record(
        session,
        "system:purge",
        "declaration.purge",
        "declarations",
        count=len(ids),
        retention_days=retention_days,
    )
    session.commit()
    return len(ids)
