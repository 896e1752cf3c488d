"""What the console reads: the filtered declaration list, establishment figures and window reports.

Every query starts from the officer's province (`province_code`), so no route can forget the scope.
Report numbers count declarations by filing time (Viet Nam dates, both ends inclusive) and leave out
cancelled ones, like the API's periodic report (api.routes.reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, select
from sqlalchemy.orm import Session

from api.models import Declaration, DeclarationVersion, Establishment
from api.routes.reports import window_bounds
from api.schemas import Status
from api.security import mask_document_number
from api.timeutil import local_midnight_utc
from api.validation import normalise_document_number
from knowledge.text import fold

PAGE_SIZE = 50
COUNT_CAP = 10_000
WINDOWS = ("16-15", "11-10")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_NATIONALITY = re.compile(r"^[A-Za-z<]{1,3}$")


@dataclass
class Filters:
    """The declaration list's filters as read from the query string; `invalid` names rejected fields."""

    q: str = ""
    nationality: str = ""
    establishment_id: int | None = None
    status: str = ""
    timing: str = ""  # "late" | "on_time" | ""
    arrival_from: date | None = None
    arrival_to: date | None = None
    page: int = 1
    invalid: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, params: dict[str, str]) -> Filters:
        f = cls(q=params.get("q", "").strip()[:120])
        nationality = params.get("nationality", "").strip().upper()
        if nationality and not _NATIONALITY.match(nationality):
            f.invalid.append("nationality")
        else:
            f.nationality = nationality
        status = params.get("status", "")
        if status and status not in {s.value for s in Status}:
            f.invalid.append("status")
        else:
            f.status = status
        timing = params.get("timing", "")
        if timing and timing not in ("late", "on_time"):
            f.invalid.append("timing")
        else:
            f.timing = timing
        f.establishment_id = _int(params.get("establishment_id", ""), f.invalid, "establishment_id")
        f.arrival_from = _day(params.get("arrival_from", ""), f.invalid, "arrival_from")
        f.arrival_to = _day(params.get("arrival_to", ""), f.invalid, "arrival_to")
        f.page = max(1, min(_int(params.get("page", ""), f.invalid, "page") or 1, 100_000))
        return f

    def query_string(self, **changes: Any) -> str:
        """These filters as a query string (for pagination and export links), with `changes` applied."""
        from urllib.parse import urlencode

        values: dict[str, Any] = {
            "q": self.q,
            "nationality": self.nationality,
            "establishment_id": self.establishment_id or "",
            "status": self.status,
            "timing": self.timing,
            "arrival_from": self.arrival_from.isoformat() if self.arrival_from else "",
            "arrival_to": self.arrival_to.isoformat() if self.arrival_to else "",
            "page": self.page,
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in ("", None)})

    def audit_detail(self) -> dict[str, Any]:
        """The search as the audit log keeps it: a document number only masked (names have no digits)."""
        detail: dict[str, Any] = {
            "nationality": self.nationality or None,
            "establishment_id": self.establishment_id,
            "status": self.status or None,
            "timing": self.timing or None,
            "arrival_from": self.arrival_from.isoformat() if self.arrival_from else None,
            "arrival_to": self.arrival_to.isoformat() if self.arrival_to else None,
            "page": self.page,
        }
        if self.q:
            detail["q"] = mask_document_number(self.q) if any(c.isdigit() for c in self.q) else self.q
        return {k: v for k, v in detail.items() if v is not None}

    def where(self, province_code: str) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [Declaration.province_code == province_code]
        if self.q and any(c.isdigit() for c in self.q):  # names have no digits: a document number
            conditions.append(Declaration.document_number == normalise_document_number(self.q))
        elif self.q and fold(self.q):
            conditions.append(Declaration.name_search.contains(fold(self.q), autoescape=True))
        elif self.q:  # only marks or punctuation: nothing to look for
            conditions.append(Declaration.document_number == normalise_document_number(self.q))
        if self.nationality:
            conditions.append(Declaration.nationality == self.nationality)
        if self.establishment_id is not None:
            conditions.append(Declaration.establishment_id == self.establishment_id)
        if self.status:
            conditions.append(Declaration.status == self.status)
        if self.timing:
            conditions.append(Declaration.late == (self.timing == "late"))
        if self.arrival_from is not None:
            conditions.append(Declaration.arrival_at >= local_midnight_utc(self.arrival_from))
        if self.arrival_to is not None:
            conditions.append(
                Declaration.arrival_at < local_midnight_utc(self.arrival_to + timedelta(days=1))
            )
        return conditions


def _int(raw: str, invalid: list[str], name: str) -> int | None:
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) < 2**31:
        invalid.append(name)
        return None
    return int(raw)


def _day(raw: str, invalid: list[str], name: str) -> date | None:
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError:
        invalid.append(name)
        return None
    if not date(1900, 1, 1) <= value <= date(2200, 12, 31):
        invalid.append(name)
        return None
    return value


@dataclass(frozen=True)
class Page:
    rows: list[Declaration]
    total: int
    page: int
    pages: int
    capped: bool  # more than `total` declarations match


def declarations_page(session: Session, province_code: str, filters: Filters) -> Page:
    conditions = filters.where(province_code)
    # Counting stops past COUNT_CAP: an exact count of a whole province costs a scan of all its rows on
    # every page, and nobody pages through more than 200 pages instead of narrowing the filters.
    matching: Select[Any] = (
        select(literal_column("1")).select_from(Declaration).where(*conditions).limit(COUNT_CAP + 1)
    )
    total = session.scalar(select(func.count()).select_from(matching.subquery())) or 0
    capped = total > COUNT_CAP
    total = min(total, COUNT_CAP)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(filters.page, pages)
    rows = session.scalars(
        select(Declaration)
        .where(*conditions)
        .order_by(Declaration.arrival_at.desc(), Declaration.id.desc())
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    ).all()
    return Page(rows=list(rows), total=total, page=page, pages=pages, capped=capped)


def declaration_in_province(session: Session, province_code: str, receipt_code: str) -> Declaration | None:
    return session.scalars(
        select(Declaration).where(
            Declaration.province_code == province_code, Declaration.receipt_code == receipt_code.upper()
        )
    ).first()


def versions(session: Session, declaration_id: int) -> list[DeclarationVersion]:
    return list(
        session.scalars(
            select(DeclarationVersion)
            .where(DeclarationVersion.declaration_id == declaration_id)
            .order_by(DeclarationVersion.version)
        )
    )


def establishments_in_province(session: Session, province_code: str) -> list[Establishment]:
    return list(
        session.scalars(
            select(Establishment)
            .where(Establishment.province_code == province_code)
            .order_by(Establishment.name, Establishment.id)
        )
    )


def establishment_choices(session: Session, province_code: str) -> list[Any]:
    """(id, name) rows for the list's establishment filter: no ORM objects for a select box."""
    return list(
        session.execute(
            select(Establishment.id, Establishment.name)
            .where(Establishment.province_code == province_code)
            .order_by(Establishment.name, Establishment.id)
        )
    )


def establishment_in_province(session: Session, province_code: str, est_id: int) -> Establishment | None:
    est = session.get(Establishment, est_id)
    return est if est is not None and est.province_code == province_code else None


@dataclass(frozen=True)
class CountRow:
    key: str
    name: str
    count: int
    late: int

    @property
    def late_share(self) -> float:
        return self.late / self.count if self.count else 0.0


_LATE = func.sum(case((Declaration.late, 1), else_=0))


def establishment_counts(session: Session, province_code: str) -> dict[int, CountRow]:
    """Non-cancelled declarations and late ones per establishment of the province (all time)."""
    rows = session.execute(
        select(Declaration.establishment_id, func.count(), _LATE)
        .where(Declaration.province_code == province_code, Declaration.status != Status.cancelled.value)
        .group_by(Declaration.establishment_id)
    ).all()
    return {est_id: CountRow(str(est_id), "", int(n), int(late or 0)) for est_id, n, late in rows}


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    total: int
    late: int
    per_day: list[tuple[date, int]]
    by_nationality: list[CountRow]
    by_establishment: list[CountRow]


def resolve_window(params: dict[str, str], today: date) -> tuple[str, str, date, date, list[str]]:
    """(window, month, start, end, invalid fields). A decree window of `month` (the month it ends in),
    or a custom range when window=range. Defaults to the 16th-15th window that contains today."""
    invalid: list[str] = []
    window = params.get("window", "16-15")
    if window not in (*WINDOWS, "range"):
        invalid.append("window")
        window = "16-15"
    default_month = today if today.day <= 15 else (today.replace(day=1) + timedelta(days=32))
    month = params.get("month", "") or default_month.strftime("%Y-%m")
    if not _MONTH.match(month) or not 1900 <= int(month[:4]) <= 2200:
        invalid.append("month")
        month = default_month.strftime("%Y-%m")
    if window == "range":
        start = _day(params.get("from", ""), invalid, "from")
        end = _day(params.get("to", ""), invalid, "to")
        if start is not None and end is not None and start <= end and (end - start).days <= 366:
            return window, month, start, end, invalid
        if start is not None and end is not None:
            invalid.append("to")
        window = "16-15"
    start, end = window_bounds(window, month)
    return window, month, start, end, invalid


def _in_window(province_code: str, start: date, end: date) -> list[ColumnElement[bool]]:
    return [
        Declaration.province_code == province_code,
        Declaration.status != Status.cancelled.value,
        Declaration.declared_at >= local_midnight_utc(start),
        Declaration.declared_at < local_midnight_utc(end + timedelta(days=1)),
    ]


def report(session: Session, province_code: str, start: date, end: date) -> Report:
    where = _in_window(province_code, start, end)
    day_column = _local_day(session)
    per_day_rows = session.execute(select(day_column, func.count()).where(*where).group_by(day_column)).all()
    counted = {_as_date(d): int(n) for d, n in per_day_rows}
    per_day = [(start + timedelta(days=i), 0) for i in range((end - start).days + 1)]
    per_day = [(d, counted.get(d, 0)) for d, _ in per_day]
    by_nat = session.execute(
        select(Declaration.nationality, func.count(), _LATE)
        .where(*where)
        .group_by(Declaration.nationality)
        .order_by(func.count().desc(), Declaration.nationality)
    ).all()
    by_est = session.execute(
        select(Establishment.id, Establishment.name, func.count(), _LATE)
        .join(Declaration, Declaration.establishment_id == Establishment.id)
        .where(*where)
        .group_by(Establishment.id, Establishment.name)
        .order_by(func.count().desc(), Establishment.name)
    ).all()
    nationalities = [CountRow(code, code, int(n), int(late or 0)) for code, n, late in by_nat]
    return Report(
        start=start,
        end=end,
        total=sum(r.count for r in nationalities),
        late=sum(r.late for r in nationalities),
        per_day=per_day,
        by_nationality=nationalities,
        by_establishment=[
            CountRow(str(est_id), name, int(n), int(late or 0)) for est_id, name, n, late in by_est
        ],
    )


def window_rows(session: Session, province_code: str, start: date, end: date) -> Select[Any]:
    """The declarations a window's export lists: the report's, oldest filing first."""
    return (
        select(Declaration)
        .where(and_(*_in_window(province_code, start, end)))
        .order_by(Declaration.declared_at, Declaration.id)
    )


def _local_day(session: Session) -> ColumnElement[Any]:
    """The Viet Nam date of the filing time, in SQL (stored times are naive UTC; Viet Nam is UTC+7)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.date(Declaration.declared_at, "+7 hours")
    return func.date(Declaration.declared_at + literal_column("interval '7 hours'"))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
