"""Logging that never shows personal data: query strings are decoded, then every value that is not on a
short list of harmless parameters is masked.

Officer searches put document numbers and names in the query string, and uvicorn's access log prints it
as sent. Masking `document_number=` by pattern was bypassed by percent-encoding (`document%5Fnumber=`),
so the filter reads the query string the way the server does (urllib.parse: percent-decoding, `+` as a
space) and keeps only the values of parameters known to carry no personal data, and only when they have
the expected shape; anything else, whatever its name or encoding, is logged as `***`.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qsl, urlencode

MASK = "***"
_DAY = r"\d{4}-\d{2}-\d{2}"
# Parameters whose values carry no personal data, with the shape such a value has.
HARMLESS_QUERY: dict[str, re.Pattern[str]] = {
    "limit": re.compile(r"\d{1,7}"),
    "offset": re.compile(r"\d{1,7}"),
    "establishment_id": re.compile(r"\d{1,20}"),
    "status": re.compile(r"received|amended|cancelled"),
    "late": re.compile(r"true|false|0|1"),
    "nationality": re.compile(r"[A-Za-z]{1,3}"),
    "arrival_from": re.compile(_DAY),
    "arrival_to": re.compile(_DAY),
    "declared_from": re.compile(_DAY),
    "declared_to": re.compile(_DAY),
    "window": re.compile(r"16-15|11-10"),
    "month": re.compile(r"\d{4}-\d{2}"),
}
# Parameters whose names are shown (their values never are); any other name is masked too, as a name can
# be a value sent without '=' ('?B1234567').
NAMED_ONLY = frozenset({"document_number", "name", "q"})
_PATH_WITH_QUERY = re.compile(r"(/[^\s?\"]*)\?([^\s\"]*)")


def mask_query(query: str) -> str:
    """'document%5Fnumber=B1234567&limit=5' -> 'document_number=***&limit=5' (decoded, then masked)."""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [
        (
            key if key in HARMLESS_QUERY or key in NAMED_ONLY else MASK,
            value if _harmless(key, value) else MASK,
        )
        for key, value in pairs
    ]
    return urlencode(kept, safe="*") if pairs else (MASK if query else "")


def _harmless(key: str, value: str) -> bool:
    shape = HARMLESS_QUERY.get(key)
    return shape is not None and shape.fullmatch(value) is not None


def mask_text(text: str) -> str:
    """Every 'path?query' inside a log message gets its query masked."""
    return _PATH_WITH_QUERY.sub(lambda m: f"{m.group(1)}?{mask_query(m.group(2))}", text)


class MaskPersonalData(logging.Filter):
    """Applied to uvicorn's access and error logs and to ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(mask_text(a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = mask_text(record.msg)
        return True


def install_filters() -> None:
    for name in ("uvicorn.access", "uvicorn.error", "api"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, MaskPersonalData) for f in logger.filters):
            logger.addFilter(MaskPersonalData())
