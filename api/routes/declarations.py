"""Declarations: file one or a batch, dry-run validation, read, list and search, amend, cancel, export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import ValidationError
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, sessionmaker

from api import audit, filing
from api.callers import Caller
from api.deps import CallerDep, HostDep, OfficerDep, SessionDep
from api.errors import ClientError, Conflict, FieldError, Forbidden, InvalidRecord, NotFound
from api.exports import safe_cell
from api.handlers import pydantic_items
from api.idempotency import request_hash, run_once
from api.models import Declaration, DeclarationVersion, Establishment, declaration_values
from api.presenters import declaration_json, declaration_public
from api.responses import FastJSONResponse
from api.schemas import (
    DB_INT_MAX,
    BatchRequest,
    BatchResponse,
    CancelRequest,
    DeclarationAmend,
    DeclarationCreate,
    DeclarationHistory,
    DeclarationList,
    DeclarationPublic,
    Status,
    Text,
    ValidationOk,
    VersionPublic,
    error_responses,
)
from api.security import mask_document_number
from api.timeutil import local_midnight_utc, to_local, to_utc, utcnow
from api.validation import declaration_errors, normalise_document_number, timing
from declaration_spec.receipts import has_valid_check, is_well_formed, normalise
from knowledge.text import fold

router = APIRouter(prefix="/v1/declarations", tags=["declarations"])

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Retrying with the same key returns the first answer; another body with it is a 409",
    ),
]
_ERRORS = error_responses(401, 403, 404, 409, 413, 422)
_EXPORT_LIMIT = 10_000
ReceiptCode = Annotated[Text, Path(max_length=30, description="e.g. HN-7K3Q-9XMD-R")]


def _replayed_headers(replayed: bool) -> dict[str, str] | None:
    return {"Idempotent-Replayed": "true"} if replayed else None


def _answer(outcome: tuple[int, dict[str, Any], bool]) -> FastJSONResponse:
    code, body, replayed = outcome
    return FastJSONResponse(body, status_code=code, headers=_replayed_headers(replayed))


def _filing_establishment(caller: Caller) -> Establishment:
    if caller.establishment is None:
        raise Forbidden("host_only")
    return caller.establishment


# The two submission routes are the hot paths. They are `async def` and hand all their blocking work
# (checks, one transaction, the answer) to the threadpool in ONE hop with a session of their own; a
# sync route with SessionDep costs four hops (session open, route, session close, plus the caller).


@router.post("", status_code=status.HTTP_201_CREATED, response_model=DeclarationPublic, responses=_ERRORS)
async def create_declaration(
    request: Request, body: DeclarationCreate, caller: HostDep, idempotency_key: IdempotencyKey = None
) -> FastJSONResponse:
    """File one declaration. A 201 means it is committed. The document number is masked in the answer."""
    est = _filing_establishment(caller)
    factory = request.app.state.session_factory
    return _answer(await run_in_threadpool(_file_one, factory, est, caller.actor, body, idempotency_key))


def _file_one(
    factory: sessionmaker[Session], est: Establishment, actor: str, body: DeclarationCreate, key: str | None
) -> tuple[int, dict[str, Any], bool]:
    def produce(session: Session) -> tuple[int, dict[str, Any]]:
        now = utcnow()
        errors = declaration_errors(body, now, ("body",))
        if errors:
            raise InvalidRecord(errors)
        [decl] = filing.file_many(session, est, [body], now, actor)
        return 201, declaration_json(decl, est)

    # The hash is only needed to compare a retry with its first request.
    digest = request_hash("POST /v1/declarations", body.model_dump(mode="json")) if key else ""
    with factory() as session:
        return run_once(session, actor, key, digest, lambda: produce(session))


@router.post("/batch", response_model=BatchResponse, responses=_ERRORS)
async def create_declarations_batch(
    request: Request, body: BatchRequest, caller: HostDep, idempotency_key: IdempotencyKey = None
) -> FastJSONResponse:
    """File up to 100 declarations. Results come in input order: a receipt (201) for each good record,
    field errors (422) for each bad one. Good records are filed even when others are rejected."""
    est = _filing_establishment(caller)
    factory = request.app.state.session_factory
    return _answer(await run_in_threadpool(_file_batch, factory, est, caller.actor, body, idempotency_key))


def _check_batch(
    records: list[dict[str, Any]], now: datetime
) -> tuple[dict[int, dict[str, Any]], list[tuple[int, DeclarationCreate]]]:
    """Each record validated once (the request model keeps them as plain dicts, so one bad record
    cannot fail the whole batch): (results of rejected records by index, good records with index)."""
    rejected: dict[int, dict[str, Any]] = {}
    good: list[tuple[int, DeclarationCreate]] = []
    first_of: dict[tuple[object, ...], int] = {}  # a guest's stay -> index of its first record
    for index, raw in enumerate(records):
        loc: tuple[str | int, ...] = ("body", "declarations", index)
        try:
            data = DeclarationCreate.model_validate(raw)
        except ValidationError as error:
            items = pydantic_items(error.errors(), loc)
            rejected[index] = {"index": index, "status": 422, "declaration": None, "errors": items}
            continue
        problems = declaration_errors(data, now, loc)
        stay = _stay_key(data)
        if not problems and stay in first_of:
            problems = [FieldError(loc, "batch_duplicate", {"index": first_of[stay]})]
        if problems:
            items = [p.as_dict() for p in problems]
            rejected[index] = {"index": index, "status": 422, "declaration": None, "errors": items}
        else:
            first_of[stay] = index
            good.append((index, data))
    return rejected, good


def _stay_key(data: DeclarationCreate) -> tuple[object, ...]:
    """What makes two records the same declaration: the same document and the same arrival."""
    guest = data.guest
    number = normalise_document_number(guest.document_number)
    return (guest.nationality.upper(), guest.document_type, number, to_utc(data.arrival_at))


def _file_batch(
    factory: sessionmaker[Session], est: Establishment, actor: str, body: BatchRequest, key: str | None
) -> tuple[int, dict[str, Any], bool]:
    def produce(session: Session) -> tuple[int, dict[str, Any]]:
        now = utcnow()
        results, good = _check_batch(body.declarations, now)
        filed = filing.file_many(session, est, [data for _, data in good], now, actor) if good else []
        for (index, _), decl in zip(good, filed, strict=True):
            results[index] = {
                "index": index,
                "status": 201,
                "declaration": declaration_json(decl, est),
                "errors": None,
            }
        ordered = [results[i] for i in range(len(body.declarations))]
        return 200, {"filed": len(filed), "rejected": len(ordered) - len(filed), "results": ordered}

    digest = request_hash("POST /v1/declarations/batch", body.declarations) if key else ""
    with factory() as session:
        return run_once(session, actor, key, digest, lambda: produce(session))


@router.post("/validate", response_model=ValidationOk, responses=_ERRORS)
def validate_declaration(body: DeclarationCreate, caller: HostDep) -> ValidationOk:
    """Dry run: the same checks and errors as filing, nothing stored."""
    est = caller.establishment
    if est is None:
        raise Forbidden("host_only")
    now = utcnow()
    errors = declaration_errors(body, now, ("body",))
    if errors:
        raise InvalidRecord(errors)
    t = timing(body.arrival_at, now, est.remote_area)
    return ValidationOk(
        valid=True,
        deadline_at=to_local(t.deadline_at),
        deadline_hours=t.deadline_hours,
        late=t.late,
        hours_after_arrival=t.hours_after_arrival,
    )


@dataclass(frozen=True)
class _Filters:
    """Search parameters shared by the list and the CSV export (FastAPI reads them from the query string)."""

    document_number: Annotated[Text | None, Query(max_length=20, description="Exact, officers")] = None
    name: Annotated[Text | None, Query(max_length=120, description="Part of the name, any accents")] = None
    nationality: Annotated[Text | None, Query(max_length=3)] = None
    status: Status | None = None
    late: bool | None = None
    arrival_from: Annotated[date | None, Query(description="Viet Nam date, inclusive")] = None
    arrival_to: Annotated[date | None, Query(description="Viet Nam date, inclusive")] = None
    declared_from: date | None = None
    declared_to: date | None = None
    establishment_id: Annotated[int | None, Query(ge=1, le=DB_INT_MAX)] = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        if self.document_number:
            query = query.where(
                Declaration.document_number == normalise_document_number(self.document_number)
            )
        if self.name and fold(self.name):
            query = query.where(Declaration.name_search.contains(fold(self.name), autoescape=True))
        if self.nationality:
            query = query.where(Declaration.nationality == self.nationality.upper())
        if self.status:
            query = query.where(Declaration.status == self.status.value)
        if self.late is not None:
            query = query.where(Declaration.late == self.late)
        if self.establishment_id is not None:
            query = query.where(Declaration.establishment_id == self.establishment_id)
        for column, start, end in (
            (Declaration.arrival_at, self.arrival_from, self.arrival_to),
            (Declaration.declared_at, self.declared_from, self.declared_to),
        ):
            if start is not None and _in_range(start):
                query = query.where(column >= local_midnight_utc(start))
            if end is not None and _in_range(end):
                query = query.where(column < local_midnight_utc(date.fromordinal(end.toordinal() + 1)))
        return query

    def audit_detail(self) -> dict[str, Any]:
        """The search as recorded in the audit log: a document number only masked."""
        detail = {
            k: (v.isoformat() if isinstance(v, date) else v) for k, v in vars(self).items() if v is not None
        }
        if self.document_number:
            detail["document_number"] = mask_document_number(normalise_document_number(self.document_number))
        return detail


def _in_range(day: date) -> bool:
    return date(1900, 1, 1) <= day < date(9999, 12, 31)


FiltersDep = Annotated[_Filters, Depends()]


def _visible(caller: Caller) -> Select[Any]:
    """Hosts see their establishment's declarations, officers their province's."""
    query = select(Declaration)
    if caller.officer is not None:
        return query.where(Declaration.province_code == caller.officer.province_code)
    if caller.establishment is None:
        raise Forbidden("chat_not_linked", ("header", "X-Chat-Account"))
    return query.where(Declaration.establishment_id == caller.establishment.id)


@router.get("", response_model=DeclarationList, responses=_ERRORS)
def list_declarations(
    caller: CallerDep,
    session: SessionDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> DeclarationList:
    """Newest first. Hosts: their own; officers: their province, with search. Numbers are masked."""
    query = filters.apply(_visible(caller))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Declaration.declared_at.desc(), Declaration.id.desc()).limit(limit).offset(offset)
    ).all()
    if caller.officer is not None:
        audit.record(
            session,
            caller.actor,
            "declaration.search",
            "declarations",
            count=len(rows),
            **filters.audit_detail(),
        )
    session.commit()  # the audit entry; for hosts it ends the read (see api.deps.SessionDep)
    items = [declaration_public(d, d.establishment) for d in rows]
    return DeclarationList(items=items, total=total, limit=limit, offset=offset)


_CSV_COLUMNS = (
    "receipt_code", "status", "version", "declared_at", "arrival_at", "deadline_at", "late",
    "establishment_id", "establishment_name", "ward", "full_name", "sex", "date_of_birth", "nationality",
    "document_type", "document_number", "document_expiry", "visa_number", "entry_date", "port_of_entry",
    "purpose", "stay_until", "room",
)  # fmt: skip


@router.get(
    "/export.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}, **_ERRORS},
)
def export_declarations(caller: OfficerDep, session: SessionDep, filters: FiltersDep) -> StreamingResponse:
    """Officers: the province's declarations matching the search, as CSV (numbers masked; the detail
    read shows the full number and is audited). At most 10,000 rows, newest first."""
    query = filters.apply(_visible(caller)).order_by(Declaration.declared_at.desc()).limit(_EXPORT_LIMIT)
    rows = session.scalars(query).all()
    audit.record(
        session, caller.actor, "declaration.export", "declarations", count=len(rows), **filters.audit_detail()
    )
    session.commit()

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(_CSV_COLUMNS)
        for d in rows:
            writer.writerow([safe_cell(value) for value in _csv_row(declaration_public(d, d.establishment))])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(
        lines(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="declarations.csv"'},
    )


def _csv_row(p: DeclarationPublic) -> list[object]:
    """One export row in `_CSV_COLUMNS` order; every cell then goes through `safe_cell` (no formulas)."""
    return [
        p.receipt_code, p.status.value, p.version, p.declared_at.isoformat(),
        p.arrival_at.isoformat(), p.deadline_at.isoformat(), p.late, p.establishment.id,
        p.establishment.name, p.establishment.ward,
        p.guest.full_name, p.guest.sex.value, p.guest.date_of_birth, p.guest.nationality,
        p.guest.document_type.value, p.guest.document_number, p.guest.document_expiry,
        p.guest.visa_number, p.guest.entry_date, p.guest.port_of_entry,
        p.guest.purpose.value if p.guest.purpose else None, p.stay_until, p.room,
    ]  # fmt: skip


def _load(session: Session, caller: Caller, receipt_code: str, *, for_update: bool = False) -> Declaration:
    code = normalise(receipt_code)
    if is_well_formed(code) and not has_valid_check(code):
        raise ClientError("receipt_check_failed", ("path", "receipt_code"), receipt_code=code)
    query = _visible(caller).where(Declaration.receipt_code == code)
    if for_update:
        query = query.with_for_update()
    decl: Declaration | None = session.scalars(query).first()
    if decl is None:
        raise NotFound("declaration_not_found", ("path", "receipt_code"), receipt_code=code[:20])
    return decl


@router.get("/{receipt_code}", response_model=DeclarationPublic, responses=_ERRORS)
def read_declaration(receipt_code: ReceiptCode, caller: CallerDep, session: SessionDep) -> DeclarationPublic:
    """One declaration. Officers see the full document number (and the read is audited)."""
    decl = _load(session, caller, receipt_code)
    reveal = caller.officer is not None
    if reveal:
        audit.record(session, caller.actor, "declaration.read", decl.receipt_code)
    session.commit()  # the audit entry; for hosts it ends the read (see api.deps.SessionDep)
    return declaration_public(decl, decl.establishment, reveal=reveal)


@router.get("/{receipt_code}/history", response_model=DeclarationHistory, responses=_ERRORS)
def read_declaration_history(
    receipt_code: ReceiptCode, caller: CallerDep, session: SessionDep
) -> DeclarationHistory:
    """Every version, oldest first. Numbers are masked except for officers (audited)."""
    decl = _load(session, caller, receipt_code)
    versions = session.scalars(
        select(DeclarationVersion)
        .where(DeclarationVersion.declaration_id == decl.id)
        .order_by(DeclarationVersion.version)
    ).all()
    reveal = caller.officer is not None
    if reveal:
        audit.record(session, caller.actor, "declaration.history", decl.receipt_code)
    session.commit()  # the audit entry; for hosts it ends the read (see api.deps.SessionDep)
    out = []
    for v in versions:
        data = dict(v.data)
        if not reveal:
            data["document_number"] = mask_document_number(str(data.get("document_number", "")))
        out.append(
            VersionPublic(
                version=v.version,
                change=v.change,
                recorded_at=to_local(v.recorded_at),
                reason=v.reason,
                data=data,
            )
        )
    return DeclarationHistory(receipt_code=decl.receipt_code, versions=out)


@router.post("/{receipt_code}/amend", response_model=DeclarationPublic, responses=_ERRORS)
def amend_declaration(
    receipt_code: ReceiptCode,
    body: DeclarationAmend,
    caller: HostDep,
    session: SessionDep,
    idempotency_key: IdempotencyKey = None,
) -> FastJSONResponse:
    """Replace the declaration's content with a new version; the earlier versions stay in the history.
    The deadline and the late flag are recomputed from the new arrival against the first filing time."""
    payload = body.model_dump(mode="json")

    def produce() -> tuple[int, dict[str, Any]]:
        decl = _load(session, caller, receipt_code, for_update=True)
        if decl.status == Status.cancelled.value:
            raise Conflict("declaration_cancelled", ("path", "receipt_code"))
        now = utcnow()
        errors = declaration_errors(body, now, ("body",))
        if errors:
            raise InvalidRecord(errors)
        filing.amend(session, decl, body, body.reason, now, caller.actor)
        session.flush()
        return 200, declaration_json(declaration_values(decl), decl.establishment)

    digest = request_hash(f"POST /v1/declarations/{normalise(receipt_code)}/amend", payload)
    code, answer, replayed = run_once(session, caller.actor, idempotency_key, digest, produce)
    return FastJSONResponse(answer, status_code=code, headers=_replayed_headers(replayed))


@router.post("/{receipt_code}/cancel", response_model=DeclarationPublic, responses=_ERRORS)
def cancel_declaration(
    receipt_code: ReceiptCode,
    body: CancelRequest,
    caller: HostDep,
    session: SessionDep,
    idempotency_key: IdempotencyKey = None,
) -> FastJSONResponse:
    """Cancel with a reason (e.g. filed for the wrong guest). The record and its history are kept."""

    def produce() -> tuple[int, dict[str, Any]]:
        decl = _load(session, caller, receipt_code, for_update=True)
        if decl.status == Status.cancelled.value:
            raise Conflict("declaration_cancelled", ("path", "receipt_code"))
        filing.cancel(session, decl, body.reason, utcnow(), caller.actor)
        session.flush()
        return 200, declaration_json(declaration_values(decl), decl.establishment)

    digest = request_hash(
        f"POST /v1/declarations/{normalise(receipt_code)}/cancel", body.model_dump(mode="json")
    )
    code, answer, replayed = run_once(session, caller.actor, idempotency_key, digest, produce)
    return FastJSONResponse(answer, status_code=code, headers=_replayed_headers(replayed))
