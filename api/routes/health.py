"""Health that means something: ok only when the database takes a write, at the schema the code expects.

The probe updates the one row of `health_probe` in a transaction it rolls back: PostgreSQL refuses the
UPDATE in a read-only database or session, and SQLite's BEGIN IMMEDIATE (see api.db) refuses to take
the write lock on a file or directory it cannot write. Nothing is committed, so a probe costs no fsync
and polling /health writes nothing to disk.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text, update
from sqlalchemy.exc import SQLAlchemyError

from api.db import forget_connections, is_read_only
from api.messages import message
from api.models import HealthProbe
from api.timeutil import utcnow

router = APIRouter(tags=["health"])


@router.get(
    "/health",
    responses={503: {"description": "The database does not answer, or answers but takes no writes"}},
)
def read_health(request: Request) -> JSONResponse:
    reason = None
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(update(HealthProbe).where(HealthProbe.id == 1).values(checked_at=utcnow()))
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            connection.rollback()
        if revision != request.app.state.schema_revision:
            reason = "schema_outdated"
    except SQLAlchemyError as error:
        if is_read_only(error):
            reason = "database_read_only"
            forget_connections(request.app.state.engine)
        else:
            reason = "database_unavailable"
    if reason is not None:
        en, vi = message(reason)
        return JSONResponse(
            {"status": "unavailable", "reason": reason, "msg": en, "msg_vi": vi}, status_code=503
        )
    return JSONResponse({"status": "ok"})
