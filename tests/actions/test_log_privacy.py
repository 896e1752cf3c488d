"""rasa_addons.log_privacy: what the Rasa-side processes log keeps no name, date of birth or full
document number, whatever the path (message arguments, Rasa events, JSON, tracebacks)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import jsonschema
import pytest
from rasa.shared.core.events import SlotSet, UserUttered

from rasa_addons import log_privacy
from rasa_addons.response_validation import validate_action_result

NAME, BIRTH, DOCUMENT = "KIM MIN JUN", "1990-03-05", "M12345678"


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    log_privacy.install()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("test.log_privacy")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield stream
    logger.removeHandler(handler)


def assert_clean(text: str) -> None:
    for value in (NAME, BIRTH, "05/03/1990", DOCUMENT):
        assert value not in text, text


@pytest.mark.parametrize(
    "message",
    [
        f"{SlotSet('guest_full_name', NAME)} {SlotSet('guest_date_of_birth', BIRTH)}",
        str(UserUttered(f"{NAME} 05/03/1990 {DOCUMENT}")),
        f'{{"event": "user", "text": "{NAME}", "parse_data": {{"text": "{NAME}"}}}}',
        f"{{'guest_full_name': '{NAME}', 'guest_document_number': '{DOCUMENT}'}}",
        f"rest.message.received.failure text={NAME!r}",
        "P<KORKIM<<MIN<JUN<<<<<<<<<<<<<<<<<<<<<<<<<<<\nM123456780KOR9003052M3001012<<<<<<<<<<<<<<04",
    ],
)
def test_personal_data_is_redacted_in_every_shape(captured: io.StringIO, message: str) -> None:
    logging.getLogger("test.log_privacy").error("turn failed: %s", message)
    assert_clean(captured.getvalue())
    assert "turn failed" in captured.getvalue()


def test_a_rejected_action_response_does_not_leak_its_slots_through_the_traceback(
    captured: io.StringIO,
) -> None:
    """Rasa logs the exception when an action's response is invalid; jsonschema's message quotes the
    whole response, slot values included."""
    response = {"events": [{"event": "slot", "name": "guest_full_name", "value": NAME, "bad": {BIRTH: 1}}]}
    response["events"].append({"no_event_key": DOCUMENT})
    with pytest.raises(jsonschema.ValidationError) as raised:
        validate_action_result(None, response)  # type: ignore[arg-type]
    assert NAME in str(raised.value) or DOCUMENT in str(raised.value)  # the leak this guards against
    try:
        raise raised.value
    except jsonschema.ValidationError:
        logging.getLogger("test.log_privacy").exception("Encountered an exception while running action")
    assert_clean(captured.getvalue())
    assert "ValidationError" in captured.getvalue()


def test_ordinary_log_lines_stay_readable(captured: io.StringIO) -> None:
    logging.getLogger("test.log_privacy").info(
        "outbox %s: filed %s (document %s)", "a1b2", "HN-7K2M9Q", "******678"
    )
    assert "outbox a1b2: filed HN-7K2M9Q (document ******678)" in captured.getvalue()


def test_what_a_user_typed_is_redacted_wherever_it_is_quoted(captured: io.StringIO) -> None:
    log_privacy.remember("Kim  Min Jun")
    log_privacy.remember("no")  # too short to be worth hiding, and would blank every "no"
    logging.getLogger("test.log_privacy").debug("Received user message 'KIM MIN JUN' with intent 'no'")
    assert captured.getvalue().strip() == "Received user message '[typed]' with intent 'no'"
