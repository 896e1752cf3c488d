"""The one exception hierarchy of the declare package."""

from __future__ import annotations

from typing import Any


class DeclareError(Exception):
    """Base of every error raised on purpose inside actions.declare."""


class IntakeUnavailable(DeclareError):
    """The intake API could not be reached, timed out, or answered 5xx: worth retrying later."""


class IntakeRejected(DeclareError):
    """The intake API answered 4xx: retrying the same request cannot help, the host must fix something."""

    def __init__(self, status: int, detail: list[dict[str, Any]]) -> None:
        super().__init__(f"intake API answered {status}")
        self.status = status
        self.detail = detail


class OutboxError(DeclareError):
    """The outbox on disk could not be read or written."""
