"""Property-based run of the whole OpenAPI document (schemathesis 4): no input may cause a server error.

Every operation of /openapi.json gets generated requests (schemathesis strategies driven by Hypothesis),
sent in-process to the app on each database with an establishment's key and, for reads, an officer's
token too. Examples are kept few so the suite stays fast. (schemathesis.pytest.from_fixture does not
work with pytest 9 yet, so the strategies are used directly.)
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.core import NotSet
from sqlalchemy.orm import Session

from api.config import Settings
from api.main import create_app
from tests.api.factories import CHANNEL_TOKEN, declaration_body, officer_headers, register_host
from tests.api.testclient import TestClient

_app = create_app(Settings(DATABASE_URL="sqlite:///:memory:", API_ENV="test", CHANNEL_TOKEN=CHANNEL_TOKEN))
SCHEMA = schemathesis.openapi.from_dict(_app.openapi())
_app.state.engine.dispose()
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]  # type: ignore[union-attr]


@pytest.fixture
def headers_by_role(client: TestClient, session: Session) -> dict[str, dict[str, str]]:
    host = register_host(client)
    client.post("/v1/declarations", json=declaration_body(), headers=host.headers)
    return {"host": host.headers, "officer": officer_headers(session)}


@pytest.mark.slow
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: f"{op.method.upper()} {op.path}")
def test_no_server_errors(
    operation: Any, client: TestClient, headers_by_role: dict[str, dict[str, str]]
) -> None:
    roles = ["host", "officer"] if operation.method.upper() == "GET" else ["host"]

    @given(case=operation.as_strategy(), role=st.sampled_from(roles))
    @settings(
        max_examples=12,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    def run(case: Any, role: str) -> None:
        headers = {k: str(v) for k, v in (case.headers or {}).items()}
        headers.update(headers_by_role[role])
        content = None if case.body is None or isinstance(case.body, NotSet) else json.dumps(case.body)
        if content is not None:
            headers["Content-Type"] = "application/json"
        response = client.request(
            case.method, case.formatted_path, params=case.query or None, headers=headers, content=content
        )
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} as {role}: {response.text[:300]}"
        )

    run()
