"""Officers: province scope, search, unmasked audited detail read, CSV export, periodic report, audit log."""

from __future__ import annotations

import csv
import io
import logging
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from api.logging_setup import MaskPersonalData
from tests.api.conftest import count_rows
from tests.api.factories import declaration_body, now_local, officer_headers, register_host
from tests.api.testclient import TestClient


def _file(client: TestClient, headers: dict[str, str], **guest: str) -> str:
    r = client.post("/v1/declarations", json=declaration_body(guest=guest), headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["receipt_code"])


def test_officer_sees_only_own_province_and_full_number_in_audited_detail(
    client: TestClient, session: Session
) -> None:
    hanoi = register_host(client)
    danang = register_host(client, province="Đà Nẵng")
    in_scope = _file(client, hanoi.headers, document_number="H1234567")
    out_of_scope = _file(client, danang.headers, document_number="Z7654321")
    officer = officer_headers(session, "ha_noi")
    audits_before = count_rows(session, "audit_events")
    detail = client.get(f"/v1/declarations/{in_scope}", headers=officer).json()
    assert detail["guest"]["document_number"] == "H1234567"
    assert detail["guest"]["document_number_masked"] is False
    assert count_rows(session, "audit_events") == audits_before + 1
    assert client.get(f"/v1/declarations/{out_of_scope}", headers=officer).status_code == 404
    listed = client.get("/v1/declarations", headers=officer).json()
    assert [d["receipt_code"] for d in listed["items"]] == [in_scope]
    assert listed["items"][0]["guest"]["document_number"] == "*****567"
    # officers read; they do not file
    assert client.post("/v1/declarations", json=declaration_body(), headers=officer).status_code == 403


def test_officer_search_by_number_name_and_dates(client: TestClient, session: Session) -> None:
    host = register_host(client)
    a = _file(client, host.headers, document_number="S0000001", full_name="Nguyễn Thị Lan Anne")
    b = _file(client, host.headers, document_number="S0000002", full_name="MÜLLER Hans", nationality="D")
    officer = officer_headers(session)

    def search(**params: str) -> list[str]:
        r = client.get("/v1/declarations", params=params, headers=officer)
        assert r.status_code == 200, r.text
        return [d["receipt_code"] for d in r.json()["items"]]

    assert search(document_number="s000 0001") == [a]
    assert search(name="nguyen thi") == [a]
    assert search(name="muller") == [b]
    assert search(nationality="D") == [b]
    today = now_local().date()
    assert set(search(arrival_from=(today - timedelta(days=1)).isoformat())) == {a, b}
    assert search(arrival_to=(today - timedelta(days=2)).isoformat()) == []
    assert search(name="100%_") == []
    # the search is audited, with the number masked
    session.rollback()
    details = [str(row[0]) for row in session.execute(text("SELECT detail FROM audit_events")).all()]
    session.rollback()
    assert any("*****001" in d for d in details)
    assert not any("S0000001" in d for d in details)


def test_export_csv_is_officer_only_and_masked(client: TestClient, session: Session) -> None:
    host = register_host(client)
    receipt = _file(client, host.headers, document_number="E1234567")
    assert client.get("/v1/declarations/export.csv", headers=host.headers).status_code == 403
    r = client.get("/v1/declarations/export.csv", headers=officer_headers(session))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["receipt_code"] for row in rows] == [receipt]
    assert rows[0]["document_number"] == "*****567"


def test_periodic_report_counts_per_nationality_and_establishment(
    client: TestClient, session: Session
) -> None:
    one = register_host(client, name="Khách sạn Một")
    two = register_host(client, name="Nhà nghỉ Hai")
    _file(client, one.headers, nationality="KOR", document_number="R0000001")
    _file(client, one.headers, nationality="KOR", document_number="R0000002")
    _file(client, two.headers, nationality="JPN", document_number="R0000003")
    cancelled = _file(client, two.headers, nationality="USA", document_number="R0000004")
    client.post(f"/v1/declarations/{cancelled}/cancel", json={"reason": "duplicate"}, headers=two.headers)
    today = now_local().date()
    month = (
        today.strftime("%Y-%m")
        if today.day <= 15
        else (today.replace(day=28) + timedelta(days=5)).strftime("%Y-%m")
    )
    r = client.get(
        "/v1/reports/periodic", params={"window": "16-15", "month": month}, headers=officer_headers(session)
    )
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["total"] == 3
    assert {row["key"]: row["count"] for row in report["by_nationality"]} == {"KOR": 2, "JPN": 1}
    assert {row["name"]: row["count"] for row in report["by_establishment"]} == {
        "Khách sạn Một": 2,
        "Nhà nghỉ Hai": 1,
    }
    assert report["start"][8:] == "16" and report["end"][8:] == "15"
    bad = client.get(
        "/v1/reports/periodic",
        params={"window": "16-15", "month": "2025-13"},
        headers=officer_headers(session),
    )
    assert bad.status_code == 422


def test_audit_log_is_append_only_in_the_database(client: TestClient, session: Session) -> None:
    register_host(client)
    session.rollback()
    with pytest.raises(DBAPIError):
        session.execute(text("UPDATE audit_events SET action = 'x'"))
    session.rollback()
    with pytest.raises(DBAPIError):
        session.execute(text("DELETE FROM audit_events"))
    session.rollback()
    assert count_rows(session, "audit_events") >= 1


def test_logs_never_show_a_full_document_number(
    client: TestClient, session: Session, caplog: pytest.LogCaptureFixture
) -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1", "GET", "/v1/declarations?document_number=B12345678&name=x", "1.1", 200), None,
    )  # fmt: skip
    MaskPersonalData().filter(record)
    assert "B12345678" not in record.getMessage() and "document_number=***" in record.getMessage()
    caplog.set_level(logging.DEBUG)
    host = register_host(client)
    _file(client, host.headers, document_number="L0G123456")
    assert "L0G123456" not in caplog.text
