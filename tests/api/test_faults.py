"""A read-only database (issue 10, items 5 and 7), on a real server process for SQLite and in process for
PostgreSQL: /health must say 503 with a reason, writes must answer 503 (not 500), the API must recover
without a restart once write access returns, and no log line may carry a guest's name, date of birth or
full document number, whatever failed and however the query string was encoded."""

from __future__ import annotations

import ctypes
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg
import pytest

from api.config import Settings
from api.db import make_engine, make_session_factory
from api.main import create_app
from api.migrations import upgrade_to_head
from tests.api.factories import (
    CHANNEL_TOKEN,
    channel_headers,
    declaration_body,
    establishment_body,
    officer_headers,
)
from tests.api.server import free_port, start_server, stop_server
from tests.api.testclient import TestClient
from tests.postgres import PG_ADMIN_URL

# A guest whose details must never appear in a log, in any of the shapes a log could print them.
NUMBER, NAME, BIRTH = "Z98765432", "PARK SEO-YEON", "1987-11-23"
FORBIDDEN = (NUMBER, "98765432", "PARK", "SEO-YEON", "SEO%2DYEON", BIRTH, "1987, 11, 23", "19871123")


def guest_body() -> dict[str, object]:
    return declaration_body(guest={"document_number": NUMBER, "full_name": NAME, "date_of_birth": BIRTH})


def drive_failures(call: httpx.Client | TestClient, host: dict[str, str], officer: dict[str, str]) -> None:
    """Requests that fail in every way an attacker found: writes refused by the database, validation
    errors, personal data in percent-encoded query strings."""
    assert call.post("/v1/declarations", json=guest_body(), headers=host).status_code == 503
    batch = {"declarations": [guest_body(), guest_body()]}
    assert call.post("/v1/declarations/batch", json=batch, headers=host).status_code == 503
    invalid = declaration_body(
        guest={"document_number": NUMBER, "full_name": NAME, "date_of_birth": "1787-11-23"}
    )
    # 422, or 503 when the caller's key cannot be looked up either (the database cannot be opened)
    assert call.post("/v1/declarations", json=invalid, headers=host).status_code in (422, 503)
    for query in (
        f"document%5Fnumber={NUMBER}",
        f"%64ocument_number={NUMBER.lower()}",
        f"document_number={NUMBER}",
        "name=PARK+SEO%2DYEON",
        f"%6Eame=PARK&limit=5&{NUMBER}",
    ):
        assert call.get(f"/v1/declarations?{query}", headers=officer).status_code in (200, 422, 503)
    assert call.get(f"/v1/nope?full_name=PARK&dob={BIRTH}", headers=host).status_code == 404


def assert_no_personal_data(log: str) -> None:
    found = [text for text in FORBIDDEN if text in log]
    assert not found, f"personal data in the API log: {found}\n{log[-3000:]}"


def _without_file_overrides() -> None:
    """In the server's process before exec: drop the capabilities that let root ignore file permissions
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), so that chmod means for it what it means in
    production. Nothing to do for an ordinary user."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for capability in (1, 2, 3):
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _writable(folder: Path) -> None:
    """Write access back: the directory, the database and the WAL files SQLite created meanwhile (it
    gives them the database file's permissions, read-only then)."""
    folder.chmod(0o755)
    for path in folder.iterdir():
        path.chmod(0o644)


def _wait_for_health(base: str, status: int, seconds: float = 15) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        answer = httpx.get(f"{base}/health", timeout=5)
        if answer.status_code == status or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def _host_and_officer(app: TestClient, url: str) -> tuple[dict[str, str], dict[str, str]]:
    """A registered host's and a Hà Nội officer's headers, made while the database is still writable."""
    r = app.post("/v1/establishments", json=establishment_body(), headers=channel_headers("telegram:1"))
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        officer = officer_headers(session)
    engine.dispose()
    return {"Authorization": f"Bearer {r.json()['api_key']}"}, officer


@pytest.mark.parametrize("read_only", ["file", "file_and_directory"])
def test_sqlite_read_only_is_reported_and_recovered_from_without_a_restart(
    tmp_path: Path, read_only: str
) -> None:
    folder = tmp_path / "db"
    database = folder / "intake.sqlite3"
    url = f"sqlite:///{database}"
    upgrade_to_head(url)
    with TestClient(
        create_app(Settings(DATABASE_URL=url, API_ENV="test", CHANNEL_TOKEN=CHANNEL_TOKEN))
    ) as app:
        host, officer = _host_and_officer(app, url)
    database.chmod(0o444)
    if read_only == "file_and_directory":
        folder.chmod(0o555)
    log_path = tmp_path / "api.log"
    port = free_port()
    process = start_server(
        url, port, CHANNEL_TOKEN, log_path=log_path, access_log=True, wait_healthy=False,
        preexec_fn=_without_file_overrides,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        health = httpx.get(f"{base}/health")
        assert health.status_code == 503, health.text
        assert health.json()["reason"] in ("database_read_only", "database_unavailable")
        assert health.json()["msg_vi"]
        with httpx.Client(base_url=base, timeout=30) as http:
            drive_failures(http, host, officer)
            _writable(folder)
            recovered = _wait_for_health(base, 200)
            assert recovered.status_code == 200, recovered.text
            filed = http.post("/v1/declarations", json=guest_body(), headers=host)
            assert filed.status_code == 201, filed.text
            assert (
                http.get(f"/v1/declarations?name=PARK&document%5Fnumber={NUMBER}", headers=officer).json()[
                    "total"
                ]
                == 1
            )
    finally:
        _writable(folder)
        stop_server(process)
    log = log_path.read_text()
    assert "GET /v1/declarations?" in log  # the access log was on
    assert_no_personal_data(log)


@pytest.fixture
def postgres_read_only(postgres_url: str) -> Iterator[str]:
    """The test database with default_transaction_read_only on for new sessions; reset afterwards."""
    name = postgres_url.rpartition("/")[2]
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(
            "TRUNCATE link_codes, audit_events, idempotency_records, declaration_versions, declarations, chat_links, officers, establishments RESTART IDENTITY CASCADE"
        )
    yield name
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')


@pytest.mark.postgres
def test_postgres_read_only_is_reported_and_recovered_from_without_a_restart(
    postgres_url: str, postgres_read_only: str, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(DATABASE_URL=postgres_url, API_ENV="test", CHANNEL_TOKEN=CHANNEL_TOKEN)
    with TestClient(create_app(settings)) as app:
        host, officer = _host_and_officer(app, postgres_url)
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{postgres_read_only}" SET default_transaction_read_only = on')
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(settings)) as app:  # started while the database is read-only
        health = app.get("/health")
        assert health.status_code == 503 and health.json()["reason"] == "database_read_only"
        drive_failures(app, host, officer)
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:  # the test database refuses ALTER now
            admin.execute(f'ALTER DATABASE "{postgres_read_only}" RESET default_transaction_read_only')
        assert app.get("/health").status_code == 200
        filed = app.post("/v1/declarations", json=guest_body(), headers=host)
        assert filed.status_code == 201, filed.text
    # the API's own loggers (the test client's httpx log shows the requests as the attacker sent them)
    api_log = "\n".join(
        f"{r.name} {r.getMessage()} {r.exc_text or ''}"
        for r in caplog.records
        if r.name.split(".")[0] in ("api", "uvicorn", "sqlalchemy", "fastapi", "starlette")
    )
    assert "database error on POST /v1/declarations" in api_log
    assert_no_personal_data(api_log)
