"""The API's one exception hierarchy. Every error a client sees has a code and English + Vietnamese text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from api.messages import message


class ApiError(Exception):
    """Base of every error raised on purpose inside the API package."""


class ConfigurationError(ApiError):
    """The service cannot start with these settings."""


@dataclass
class FieldError:
    """One problem with one field: `loc` like ("body", "guest", "date_of_birth")."""

    loc: tuple[str | int, ...]
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        en, vi = message(self.code, **self.params)
        return {"loc": list(self.loc), "code": self.code, "msg": en, "msg_vi": vi}


class ClientError(ApiError):
    """An error answered to the client with `status_code` and the uniform `{"detail": [...]}` body."""

    status_code = 400

    def __init__(self, code: str, loc: tuple[str | int, ...] = (), **params: Any) -> None:
        super().__init__(code)
        self.errors = [FieldError(loc, code, params)]

    def detail(self) -> list[dict[str, Any]]:
        return [e.as_dict() for e in self.errors]


class Unauthorized(ClientError):
    status_code = 401


class Forbidden(ClientError):
    status_code = 403


class NotFound(ClientError):
    status_code = 404


class Conflict(ClientError):
    status_code = 409


class PayloadTooLarge(ClientError):
    status_code = 413


class TooManyRequests(ClientError):
    status_code = 429


class InvalidRecord(ClientError):
    """422: one or more field errors in a record."""

    status_code = 422

    def __init__(self, errors: list[FieldError]) -> None:
        ApiError.__init__(self, "invalid record")
        self.errors = errors
