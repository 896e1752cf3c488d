"""`python -m api officer create` prints a console login and a one-time password; `officer password`
issues a new one and lifts a lock-out. Run through the real CLI entry point against both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api.__main__ import main
from api.config import get_settings
from api.models import Officer
from api.timeutil import utcnow
from tests.api.testclient import TestClient
from tests.console.helpers import sign_in


@pytest.fixture
def cli_database(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _one_time_password(output: str) -> str:
    """The line after the one that announces the one-time password."""
    lines = output.strip().splitlines()
    [index] = [i for i, line in enumerate(lines) if "one-time password" in line]
    return lines[index + 1]


def test_create_prints_a_one_time_password_that_signs_in_once(
    cli_database: None, client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["officer", "create", "--province", "Hà Nội", "--name", "Nguyễn Văn A", "--login", "NVA"]) == 0
    )
    output = capsys.readouterr().out
    assert "login nva" in output and output.strip().splitlines()[-1].startswith("off_")
    password = _one_time_password(output)
    response = sign_in(client, "nva", password)
    assert response.status_code == 303 and response.headers["location"] == "/console/password"
    assert main(["officer", "create", "--province", "Hà Nội", "--name", "B", "--login", "nva"]) == 2
    assert "already taken" in capsys.readouterr().err
    assert main(["officer", "create", "--province", "Hà Nội", "--name", "C", "--login", "no spaces"]) == 2


def test_a_new_one_time_password_lifts_a_lock_out(
    cli_database: None, client: TestClient, session: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["officer", "create", "--province", "Đà Nẵng", "--name", "Trần B"])
    output = capsys.readouterr().out
    login = output.split("login ")[1].split(",")[0]
    assert login.startswith("officer")
    session.execute(update(Officer).values(locked_until=utcnow() + timedelta(minutes=10)))
    session.commit()
    assert sign_in(client, login, _one_time_password(output)).status_code == 429
    assert main(["officer", "password", "--login", login]) == 0
    assert sign_in(client, login, _one_time_password(capsys.readouterr().out)).status_code == 303
    assert main(["officer", "password", "--login", "nobody"]) == 2
