"""Logging that never shows a full document number (only the last 3 characters)."""

from __future__ import annotations

import logging
import re

_QUERY_NUMBER = re.compile(r"(document_number=)([^&\s\"]+)", re.IGNORECASE)


def _mask_match(match: re.Match[str]) -> str:
    value = match.group(2)
    return match.group(1) + ("*" * max(len(value) - 3, 0)) + value[-3:]


class MaskDocumentNumbers(logging.Filter):
    """Masks `document_number=...` in log records (uvicorn's access log prints query strings)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(_QUERY_NUMBER.sub(_mask_match, a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = _QUERY_NUMBER.sub(_mask_match, record.msg)
        return True


def install_filters() -> None:
    for name in ("uvicorn.access", "uvicorn.error", "api"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskDocumentNumbers) for f in logger.filters):
            logger.addFilter(MaskDocumentNumbers())
