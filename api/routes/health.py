"""Health that means something: ok only when the database takes a write.

The probe updates the one row of `health_probe` in a transaction it rolls back: PostgreSQL refuses the
UPDATE in a read-only database or session, and SQLite's BEGIN IMMEDIATE (see api.db) refuses to take
the write lock on a file or directory it cannot write. Nothing is committed, so a probe costs no fsync
and polling /health writes nothing to disk.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import update
from sqlalchemy.exc import SQLAlchemyError

from api.db import is_read_only
from api.messages import message
from api.models import HealthProbe
from api.timeutil import utcnow

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    responses={503: {"description": "The database does not answer, or answers but takes no writes"}},
)
def read_health(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(update(HealthProbe).where(HealthProbe.id == 1).values(checked_at=utcnow()))
            connection.rollback()
    except SQLAlchemyError as error:
        reason = "database_read_only" if is_read_only(error) else "database_unavailable"
        en, vi = message(reason)
        return JSONResponse(
            {"status": "unavailable", "reason": reason, "msg": en, "msg_vi": vi}, status_code=503
        )
    return JSONResponse({"status": "ok"})
