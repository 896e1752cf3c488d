"""The cached action-response validation accepts and rejects exactly what Rasa's own does."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from rasa_addons.response_validation import validate_action_result

VALID = {
    "events": [{"event": "slot", "name": "language", "value": "vi"}],
    "responses": [{"text": "Xin chào"}],
}
INVALID = [
    {"events": [{"no_event_key": 1}]},
    {"events": "not a list"},
    {"responses": "not a list"},
]


def rasa_verdict(result: dict[str, object]) -> str | None:
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return error.message
    return None


def test_valid_response_is_accepted() -> None:
    action = RemoteAction("action_answer_procedure", None)
    assert rasa_verdict(VALID) is None
    assert validate_action_result(action, VALID) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_response_raises_rasas_error(result: dict[str, object]) -> None:
    expected = rasa_verdict(result)
    assert expected is not None
    with pytest.raises(jsonschema.ValidationError) as raised:
        validate_action_result(RemoteAction("action_answer_procedure", None), result)
    assert raised.value.message.startswith(expected)
    assert "Failed to validate Action server response" in raised.value.message


@pytest.mark.parametrize(
    "token", ["-starts-with-a-dash-Xk2pL9mZr4tWb6yHc1n", "Q7vXk2pL9mZr4tWb6yHc1nJd3fGa5eUo"]
)
def test_rasa_run_reads_the_auth_token_whatever_its_first_character(token: str) -> None:
    from rasa.__main__ import create_argument_parser

    from rasa_addons.__main__ import with_auth_token

    args = create_argument_parser().parse_args(with_auth_token(["run", "--enable-api"], token))
    assert args.auth_token == token
