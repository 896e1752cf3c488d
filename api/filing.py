"""Filing, amending and cancelling declarations inside the caller's transaction (the route commits)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, bindparam, insert, literal, select
from sqlalchemy.orm import Session

from api import audit
from api.models import (
    Declaration,
    DeclarationVersion,
    Establishment,
    UTCDateTime,
    core_table,
    declaration_values,
)
from api.schemas import DeclarationCreate, Status
from api.validation import normalise_document_number, timing
from declaration_spec.receipts import new_receipt_code
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


def snapshot(values: Mapping[str, Any]) -> dict[str, Any]:
    """The filed content of one version, JSON-ready, for the history (`values`: column values)."""
    v = values
    return {
        "full_name": v["full_name"],
        "sex": v["sex"],
        "date_of_birth": v["date_of_birth"].isoformat(),
        "nationality": v["nationality"],
        "document_type": v["document_type"],
        "document_number": v["document_number"],
        "document_expiry": v["document_expiry"].isoformat(),
        "visa_number": v["visa_number"],
        "entry_date": v["entry_date"].isoformat() if v["entry_date"] else None,
        "port_of_entry": v["port_of_entry"],
        "purpose": v["purpose"],
        "arrival_at": v["arrival_at"].isoformat(),
        "stay_until": v["stay_until"].isoformat(),
        "room": v["room"],
        "status": v["status"],
    }


def build(est: Establishment, data: DeclarationCreate, now: datetime) -> dict[str, Any]:
    """The column values of a new declaration (a plain dict: ORM objects cost more than the insert)."""
    t = timing(data.arrival_at, now, est.remote_area)
    return {
        "receipt_code": new_receipt_code(est.province_code),
        "establishment_id": est.id,
        "province_code": est.province_code,
        "status": Status.received.value,
        "version": 1,
        "declared_at": now,
        "updated_at": now,
        "arrival_at": t.arrival_at,
        "deadline_at": t.deadline_at,
        "deadline_hours": t.deadline_hours,
        "late": t.late,
        "cancel_reason": None,
        **_guest_columns(data),
    }


# Core statements, built once so SQLAlchemy reuses their cache keys and compiled SQL. Nothing needs the
# new ids back: each first version finds its declaration by the (unique) receipt code inside the same
# INSERT. Without RETURNING, both inserts go through the driver's executemany (psycopg pipelines it:
# one round trip), which costs far less than the multi-row VALUES statement a RETURNING needs.
_DECLARATIONS = core_table(Declaration)
_INSERT_DECLARATIONS = insert(_DECLARATIONS)
_INSERT_FIRST_VERSIONS = insert(core_table(DeclarationVersion)).from_select(
    ["declaration_id", "version", "change", "recorded_at", "data"],
    select(
        _DECLARATIONS.c.id,
        literal(1),
        literal("filed"),
        bindparam("recorded_at", type_=UTCDateTime()),
        bindparam("data", type_=JSON()),
    ).where(_DECLARATIONS.c.receipt_code == bindparam("receipt_code")),
)


def file_many(
    session: Session, est: Establishment, records: list[DeclarationCreate], now: datetime, actor: str
) -> list[dict[str, Any]]:
    """Insert declarations, their first versions and audit entries in the caller's transaction; returns
    the filed column values (for the answer).

    Core bulk inserts, three statements whatever the count: the ORM unit of work (an instrumented object
    per row, identity map, flush bookkeeping) cost more CPU than everything else in a submission.
    """
    filed = [build(est, data, now) for data in records]
    connection = session.connection()  # Core statements need none of the Session's ORM plumbing
    connection.execute(_INSERT_DECLARATIONS, filed)
    connection.execute(
        _INSERT_FIRST_VERSIONS,
        [{"receipt_code": v["receipt_code"], "recorded_at": now, "data": snapshot(v)} for v in filed],
    )
    audit.record_many(
        session,
        [
            audit.entry(actor, "declaration.file", v["receipt_code"], now, establishment_id=est.id)
            for v in filed
        ],
    )
    return filed


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
            data=snapshot(declaration_values(decl)),
        )
    )
