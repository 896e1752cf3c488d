"""Exception handlers: every error body is `{"detail": [{"loc", "code", "msg", "msg_vi"}]}`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.errors import ClientError
from api.messages import message, pydantic_vi

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


def install(app: FastAPI) -> None:
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
        code = {404: "route_not_found", 405: "method_not_allowed"}.get(exc.status_code)
        if code:
            en, vi = message(code)
        else:
            en, vi = message("http_error", text=str(exc.detail))
        item = {"loc": [], "code": code or "http_error", "msg": en, "msg_vi": vi}
        return JSONResponse(
            {"detail": _vietnamese_first(request, [item])},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )
