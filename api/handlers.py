"""Exception handlers: every error body is `{"detail": [{"loc", "code", "msg", "msg_vi"}]}`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.db import forget_connections, is_read_only
from api.errors import ClientError
from api.messages import message, pydantic_vi
from api.middleware import MAX_BODY_BYTES

logger = logging.getLogger("api")


def pydantic_items(errors: Sequence[Any], prefix: tuple[str | int, ...] = ()) -> list[dict[str, Any]]:
    """Pydantic's loc/type/msg, plus the Vietnamese message."""
    items = []
    for error in errors:
        items.append(
            {
                "loc": [*prefix, *error.get("loc", ())],
                "code": error.get("type", "value_error"),
                "msg": error.get("msg", "Invalid value"),
                "msg_vi": pydantic_vi(error.get("type", ""), error.get("ctx")),
            }
        )
    return items


def _vietnamese_first(request: Request, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Accept-Language: vi puts the Vietnamese text in `msg` too (both stay in the body)."""
    if not request.headers.get("accept-language", "").lower().startswith("vi"):
        return items
    return [{**item, "msg": item["msg_vi"]} for item in items]


def error_body(request: Request, code: str, loc: list[str | int] | None = None) -> dict[str, Any]:
    en, vi = message(code)
    return {"detail": _vietnamese_first(request, [{"loc": loc or [], "code": code, "msg": en, "msg_vi": vi}])}


def install(app: FastAPI) -> None:
    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> JSONResponse:
        """503 for a database that is down or read-only, 500 otherwise. Logged by class and SQLSTATE only:
        a driver's message can quote the values of the statement (names, dates, document numbers)."""
        orig = getattr(exc, "orig", None)
        logger.error(
            "database error on %s %s: %s (%s, sqlstate %s)",
            request.method,
            request.url.path,
            type(exc).__name__,
            type(orig).__name__,
            getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None),
        )
        if is_read_only(exc):  # SQLite: OperationalError; PostgreSQL: InternalError (SQLSTATE 25006)
            forget_connections(request.app.state.engine)
            code = "database_read_only"
            return JSONResponse(error_body(request, code), status_code=503, headers={"Retry-After": "5"})
        if isinstance(exc, OperationalError):
            code = "database_unavailable"
            return JSONResponse(error_body(request, code), status_code=503, headers={"Retry-After": "5"})
        return JSONResponse(error_body(request, "internal_error"), status_code=500)

    @app.exception_handler(ClientError)
    async def client_error(request: Request, exc: ClientError) -> JSONResponse:
        return JSONResponse({"detail": _vietnamese_first(request, exc.detail())}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def request_validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        items = pydantic_items(exc.errors())
        return JSONResponse({"detail": _vietnamese_first(request, items)}, status_code=422)

    @app.exception_handler(ValidationError)
    async def validation(request: Request, exc: ValidationError) -> JSONResponse:
        items = pydantic_items(exc.errors(), ("body",))
        return JSONResponse({"detail": _vietnamese_first(request, items)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "route_not_found", 405: "method_not_allowed", 413: "payload_too_large"}.get(
            exc.status_code
        )
        if code:
            en, vi = message(code, limit=MAX_BODY_BYTES)
        else:
            en, vi = message("http_error", text=str(exc.detail))
        loc = ["body"] if exc.status_code == 413 else []
        item = {"loc": loc, "code": code or "http_error", "msg": en, "msg_vi": vi}
        return JSONResponse(
            {"detail": _vietnamese_first(request, [item])},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )
