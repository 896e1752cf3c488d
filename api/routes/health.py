"""Liveness that means something: ok only when the database answers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from api.messages import message

router = APIRouter(tags=["health"])


@router.get("/health", responses={503: {"description": "The database does not answer"}})
def read_health(request: Request) -> JSONResponse:
    try:
        with request.app.state.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError:
        en, vi = message("database_unavailable")
        return JSONResponse({"status": "unavailable", "msg": en, "msg_vi": vi}, status_code=503)
    return JSONResponse({"status": "ok"})
