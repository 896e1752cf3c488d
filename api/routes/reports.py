"""The periodic report the Hà Nội regulations ask for: declarations per nationality and establishment.

Windows: '16-15' is the 16th of the previous month to the 15th of `month` (QĐ 18/2017/QĐ-UBND Hà Nội:
"mốc số liệu từ ngày 16 tháng trước đến ngày 15 tháng tiếp theo"); '11-10' is the 11th to the 10th (the
2025 Hà Nội draft on foreign workers: "từ ngày 11 tháng trước đến ngày 10 tháng tiếp theo"). Both ends
inclusive, Viet Nam dates, by filing time; cancelled declarations are not counted.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from sqlalchemy import func, select

from api import audit
from api.deps import OfficerDep, SessionDep
from api.errors import FieldError, InvalidRecord
from api.models import Declaration, Establishment
from api.schemas import PeriodicReport, ReportRow, Status, error_responses
from api.timeutil import local_midnight_utc
from declaration_spec.nationality import by_code

router = APIRouter(prefix="/v1/reports", tags=["reports"])
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def window_bounds(window: str, month: str) -> tuple[date, date]:
    """('16-15', '2025-07') -> (2025-06-16, 2025-07-15)."""
    match = _MONTH.match(month)
    if match is None or not 1900 <= int(match.group(1)) <= 2200:
        raise InvalidRecord([FieldError(("query", "month"), "month_format", {"value": month})])
    year, mon = int(match.group(1)), int(match.group(2))
    start_day, end_day = (16, 15) if window == "16-15" else (11, 10)
    previous = date(year, mon, 1) - timedelta(days=1)
    return date(previous.year, previous.month, start_day), date(year, mon, end_day)


@router.get(
    "/periodic",
    response_model=PeriodicReport,
    responses=error_responses(403, 422),
)
def read_periodic_report(
    caller: OfficerDep,
    session: SessionDep,
    window: Annotated[Literal["16-15", "11-10"], Query(description="Reporting window")],
    month: Annotated[
        str, Query(pattern=r"^\d{4}-\d{2}$", description="YYYY-MM: the month the window ends in")
    ],
) -> PeriodicReport:
    """Officers: counts for their province over one reporting window."""
    officer = caller.officer
    if officer is None:  # guaranteed by OfficerDep; keeps the type checker informed
        raise InvalidRecord([])
    start, end = window_bounds(window, month)
    base = (
        select(Declaration)
        .where(Declaration.province_code == officer.province_code)
        .where(Declaration.status != Status.cancelled.value)
        .where(Declaration.declared_at >= local_midnight_utc(start))
        .where(Declaration.declared_at < local_midnight_utc(end + timedelta(days=1)))
        .subquery()
    )
    by_nat = session.execute(
        select(base.c.nationality, func.count()).group_by(base.c.nationality).order_by(func.count().desc())
    ).all()
    by_est = session.execute(
        select(Establishment.id, Establishment.name, func.count())
        .join(base, base.c.establishment_id == Establishment.id)
        .group_by(Establishment.id, Establishment.name)
        .order_by(func.count().desc())
    ).all()
    audit.record(session, caller.actor, "report.periodic", f"{window}:{month}")
    session.commit()
    nat_rows = [ReportRow(key=code, name=_nationality_name(code), count=n) for code, n in by_nat]
    est_rows = [ReportRow(key=str(est_id), name=name, count=n) for est_id, name, n in by_est]
    return PeriodicReport(
        province_code=officer.province_code,
        window=window,
        month=month,
        start=start,
        end=end,
        total=sum(r.count for r in nat_rows),
        by_nationality=nat_rows,
        by_establishment=est_rows,
    )


def _nationality_name(code: str) -> str:
    found = by_code(code)
    return found.name_en if found else code
