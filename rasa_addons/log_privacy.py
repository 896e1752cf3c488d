"""Keep personal data (names, dates of birth, full document numbers) out of the Rasa-side logs.

Rasa logs user texts and whole events when a turn or an action fails, rasa_sdk logs slot values at
debug level, and exception messages can quote what was typed. Every log record of the process is made
by a record factory that rewrites its message (and formatted traceback) before any handler sees it:

- values of personal or free-text keys, in JSON, Python-repr, ``key=value`` and Rasa-event forms
  (``text``, ``user_text``, ``message``, ``value``, anything with ``name``, ``birth``, ``document``,
  ``passport``) become ``[redacted]``;
- dates (05/03/1990, 1990-03-05, 5-3-1990, 05.03.1990) become ``[date]``;
- MRZ lines and document-number-shaped tokens (capitals with 5+ digits, or 8+ digits) keep only their
  last 3 characters;
- what users typed recently (the channel calls ``remember``; kept in memory only, the newest 5,000
  texts of 4+ characters) becomes ``[typed]`` wherever it appears, in any case: a name typed as a
  free-text answer has no key or shape to recognise it by (Rasa's DEBUG logs quote every message).

Rasa's structlog events pass through ``_anonymizer`` first (replaced here, see install_rasa_anonymizer),
so their free-text keys are dropped before rendering.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from typing import Any

REDACTED = "[redacted]"
_KEY = r"\w*(?:name|birth|dob|document|passport|text|message|value|slot)\w*"
_VALUE = r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|[^,;)}\]\n]*"
_KEY_VALUE = re.compile(rf"(?i)(?P<key>[\"']?{_KEY}[\"']?\s*(?:=|:)\s*)(?P<value>{_VALUE})")
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}|(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2})\b"
)
_MRZ = re.compile(r"[A-Z0-9<]{20,}<[A-Z0-9<]*")
# Upper-case letters with 5+ digits (M12345678), or 8+ digits alone (all-digit passports).
_DOCUMENT = re.compile(r"\b(?:(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d{5})[A-Z0-9]{6,20}|\d{8,20})\b")
# Rasa structlog keys that hold what users typed or what slots hold (rasa.utils.log_utils' own list).
_FREE_TEXT_KEYS = frozenset(
    """text response_text user_text slot_values parse_data_text parse_data_entities prediction_events
    tracker_latest_message prefilled_slots message response slot_candidates rasa_event rasa_events
    tracker_states current_states old_states successes current_entity next_entity states entity
    token_text user_message json_message""".split()
)


def _mask_tail(match: re.Match[str]) -> str:
    token = match.group(0)
    return "*" * (len(token) - 3) + token[-3:]


def _redact_value(match: re.Match[str]) -> str:
    value = match.group("value")
    if not value.strip():
        return match.group(0)
    quote = value[0] if value[0] in "\"'" else ""
    return f"{match.group('key')}{quote}{REDACTED}{quote}"


TYPED_KEPT = 5_000
_typed: OrderedDict[str, re.Pattern[str]] = OrderedDict()


def remember(text: str | None) -> None:
    """A user's message: redact it from every later log line of this process."""
    key = " ".join((text or "").split()).lower()
    if len(key) < 4 or key.startswith("/"):  # short answers ("yes", "M") and button payloads
        return
    _typed.pop(key, None)
    _typed[key] = re.compile(r"\s+".join(re.escape(word) for word in key.split()), re.IGNORECASE)
    while len(_typed) > TYPED_KEPT:
        _typed.popitem(last=False)


def redact(text: str) -> str:
    lowered = " ".join(text.split()).lower()
    for key in [k for k in _typed if k in lowered]:
        text = _typed[key].sub("[typed]", text)
    text = _KEY_VALUE.sub(_redact_value, text)
    text = _DATE.sub("[date]", text)
    text = _MRZ.sub(_mask_tail, text)
    return _DOCUMENT.sub(_mask_tail, text)


_installed = False


def install() -> None:
    """Redact every log record of this process from now on (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    make_record = logging.getLogRecordFactory()
    formatter = logging.Formatter()

    def redacting_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what there is, still redacted
            message = f"{record.msg} {record.args}"
        record.msg, record.args = redact(message), None
        if record.exc_info:
            record.exc_text = redact(formatter.formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return record

    logging.setLogRecordFactory(redacting_record)


def _drop_free_text(logger: Any, method: str, event_dict: dict[str, Any]) -> dict[str, Any]:
    for key in _FREE_TEXT_KEYS & event_dict.keys():
        event_dict[key] = REDACTED
    return event_dict


def install_rasa_anonymizer() -> None:
    """Rasa configures structlog with `rasa.utils.log_utils._anonymizer` first in the chain (a no-op
    without Rasa Pro); ours drops the free-text keys instead. Must run before Rasa configures logging."""
    import rasa.utils.log_utils

    rasa.utils.log_utils._anonymizer = _drop_free_text
