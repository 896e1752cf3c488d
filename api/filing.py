"""Filing, amending and cancelling declarations inside the caller's transaction (the route commits)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from api import audit
from api.models import Declaration, DeclarationVersion, Establishment
from api.receipts import new_receipt_code
from api.schemas import DeclarationCreate, Status
from api.validation import normalise_document_number, timing
from knowledge.text import fold


def _guest_columns(data: DeclarationCreate) -> dict[str, Any]:
    guest = data.guest
    return {
        "full_name": " ".join(guest.full_name.split()),
        "name_search": fold(guest.full_name)[:120],
        "sex": guest.sex.value,
        "date_of_birth": guest.date_of_birth,
        "nationality": guest.nationality.strip().upper(),
        "document_type": guest.document_type.value,
        "document_number": normalise_document_number(guest.document_number),
        "document_expiry": guest.document_expiry,
        "visa_number": normalise_document_number(guest.visa_number) if guest.visa_number else None,
        "entry_date": guest.entry_date,
        "port_of_entry": guest.port_of_entry or None,
        "purpose": guest.purpose.value if guest.purpose else None,
        "stay_until": data.stay_until,
        "room": data.room or None,
    }


def snapshot(decl: Declaration) -> dict[str, Any]:
    """The filed content of one version, JSON-ready, for the history."""
    return {
        "full_name": decl.full_name,
        "sex": decl.sex,
        "date_of_birth": decl.date_of_birth.isoformat(),
        "nationality": decl.nationality,
        "document_type": decl.document_type,
        "document_number": decl.document_number,
        "document_expiry": decl.document_expiry.isoformat(),
        "visa_number": decl.visa_number,
        "entry_date": decl.entry_date.isoformat() if decl.entry_date else None,
        "port_of_entry": decl.port_of_entry,
        "purpose": decl.purpose,
        "arrival_at": decl.arrival_at.isoformat(),
        "stay_until": decl.stay_until.isoformat(),
        "room": decl.room,
        "status": decl.status,
    }


def build(est: Establishment, data: DeclarationCreate, now: datetime) -> Declaration:
    t = timing(data.arrival_at, now, est.remote_area)
    decl = Declaration(
        receipt_code=new_receipt_code(est.province_code),
        establishment_id=est.id,
        province_code=est.province_code,
        status=Status.received.value,
        version=1,
        declared_at=now,
        updated_at=now,
        arrival_at=t.arrival_at,
        deadline_at=t.deadline_at,
        deadline_hours=t.deadline_hours,
        late=t.late,
        cancel_reason=None,
        **_guest_columns(data),
    )
    decl.establishment = est
    return decl


def file_many(
    session: Session, est: Establishment, records: list[DeclarationCreate], now: datetime, actor: str
) -> list[Declaration]:
    """Insert declarations, their first versions and audit entries (bulk: one flush per table)."""
    declarations = [build(est, data, now) for data in records]
    session.add_all(declarations)
    session.flush()
    session.add_all(
        DeclarationVersion(
            declaration_id=d.id, version=1, change="filed", recorded_at=now, reason=None, data=snapshot(d)
        )
        for d in declarations
    )
    for d in declarations:
        audit.record(session, actor, "declaration.file", d.receipt_code, establishment_id=est.id)
    return declarations


def amend(
    session: Session,
    decl: Declaration,
    data: DeclarationCreate,
    reason: str | None,
    now: datetime,
    actor: str,
) -> None:
    """A new version; the deadline and lateness are recomputed against the first filing time."""
    t = timing(data.arrival_at, decl.declared_at, decl.establishment.remote_area)
    for column, value in _guest_columns(data).items():
        setattr(decl, column, value)
    decl.arrival_at = t.arrival_at
    decl.deadline_at = t.deadline_at
    decl.deadline_hours = t.deadline_hours
    decl.late = t.late
    decl.version += 1
    decl.status = Status.amended.value
    decl.updated_at = now
    _add_version(session, decl, "amended", reason, now)
    audit.record(session, actor, "declaration.amend", decl.receipt_code, version=decl.version)


def cancel(session: Session, decl: Declaration, reason: str, now: datetime, actor: str) -> None:
    decl.version += 1
    decl.status = Status.cancelled.value
    decl.cancel_reason = reason
    decl.updated_at = now
    _add_version(session, decl, "cancelled", reason, now)
    audit.record(session, actor, "declaration.cancel", decl.receipt_code, version=decl.version)


def _add_version(session: Session, decl: Declaration, change: str, reason: str | None, now: datetime) -> None:
    session.add(
        DeclarationVersion(
            declaration_id=decl.id,
            version=decl.version,
            change=change,
            recorded_at=now,
            reason=reason,
            data=snapshot(decl),
        )
    )
