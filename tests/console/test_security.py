"""Console security over plain HTTP (in-process app, SQLite and PostgreSQL): no page without a session,
CSRF on every form, lock-out, one-time passwords, expiry, cookie flags, province scope on every route,
formula cells neutralised in both exports, audit of every personal-data view."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from api.console.accounts import MAX_FAILURES
from api.models import AuditEvent, ConsoleSession, Officer
from api.timeutil import utcnow
from tests.api.testclient import TestClient
from tests.console.helpers import PASSWORD, csrf_of, make_officer, page_token, seed, sign_in

PAGES = [
    "/console/declarations",
    "/console/declarations/{kim}",
    "/console/establishments",
    "/console/establishments/{hanoi_id}",
    "/console/reports",
    "/console/reports?window=11-10",
    "/console/reports/export.csv",
    "/console/reports/export.xlsx",
    "/console/password",
]


def _paths(seeded: dict[str, Any]) -> list[str]:
    return [p.format(kim=seeded["kim"], hanoi_id=seeded["hanoi"].id) for p in PAGES]


def _audit(session: Session, action: str) -> list[Any]:
    """(actor, target, detail) rows, read in a short transaction of their own (on SQLite an open
    transaction holds the write lock the app under test needs)."""
    session.rollback()
    table = AuditEvent.__table__
    rows = list(
        session.execute(
            select(table.c.actor, table.c.target, table.c.detail)
            .where(table.c.action == action)
            .order_by(table.c.id)
        )
    )
    session.rollback()
    return rows


def test_no_page_without_a_session(client: TestClient) -> None:
    seeded = seed(client)
    for path in _paths(seeded):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/console/login?next="), path
        assert "KIM" not in response.text and "M12345678" not in response.text
    forged = client.get(
        "/console/declarations", cookies={"console_session": "forged"}, follow_redirects=False
    )
    assert forged.status_code == 303


def test_signin_sets_a_strict_httponly_cookie_and_secure_over_https(
    client: TestClient, session: Session
) -> None:
    make_officer(session, "lan")
    response = sign_in(client, "lan")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "console_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie.split("console_signin_csrf")[0]
    https = TestClient(client.app, base_url="https://testserver")
    secure = sign_in(https, "lan")
    assert "Secure" in secure.headers["set-cookie"].split("console_signin_csrf")[0]


def test_every_form_needs_its_csrf_token(client: TestClient, session: Session) -> None:
    make_officer(session, "lan")
    client.get("/console/login")
    for token in ("", "wrong"):
        refused = client.post(
            "/console/login", data={"login": "lan", "password": PASSWORD, "csrf_token": token}
        )
        assert refused.status_code == 403
    assert sign_in(client, "lan").status_code == 303
    assert client.post("/console/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert (
        client.post(
            "/console/password", data={"current": PASSWORD, "new": "x" * 20, "repeated": "x" * 20}
        ).status_code
        == 403
    )
    assert client.get("/console/declarations", follow_redirects=False).status_code == 200  # still signed in
    out = client.post("/console/logout", data={"csrf_token": page_token(client)}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/console/declarations", follow_redirects=False).status_code == 303


def test_repeated_failures_lock_the_account_even_for_the_right_password(
    client: TestClient, session: Session
) -> None:
    make_officer(session, "lan")
    for _ in range(MAX_FAILURES - 1):
        assert sign_in(client, "lan", "wrong password").status_code == 401
    locked = sign_in(client, "lan", "wrong password")
    assert locked.status_code == 429
    assert "khóa" in locked.text  # Vietnamese by default: "tài khoản bị khóa đến ..."
    assert sign_in(client, "lan", PASSWORD).status_code == 429
    assert len(_audit(session, "console.signin_failed")) == MAX_FAILURES
    session.execute(
        update(Officer).where(Officer.login == "lan").values(locked_until=utcnow() - timedelta(seconds=1))
    )
    session.commit()
    assert sign_in(client, "lan", PASSWORD).status_code == 303


def test_unknown_login_and_wrong_password_get_the_same_answer(client: TestClient, session: Session) -> None:
    make_officer(session, "lan")
    unknown, wrong = sign_in(client, "nobody", PASSWORD), sign_in(client, "lan", "nope nope nope")
    assert unknown.status_code == wrong.status_code == 401
    assert (
        "Sai tên đăng nhập hoặc mật khẩu." in unknown.text
        and "Sai tên đăng nhập hoặc mật khẩu." in wrong.text
    )


def test_one_time_password_must_be_changed_before_anything_else(client: TestClient, session: Session) -> None:
    one_time = make_officer(session, "minh", one_time=True)
    response = sign_in(client, "minh", one_time)
    assert response.headers["location"] == "/console/password"
    assert (
        client.get("/console/declarations", follow_redirects=False).headers["location"] == "/console/password"
    )
    token = page_token(client, "/console/password")
    short = client.post(
        "/console/password",
        data={"current": one_time, "new": "short", "repeated": "short", "csrf_token": token},
    )
    assert short.status_code == 422 and "ít nhất 12 ký tự" in short.text
    new = "a much longer passphrase"
    changed = client.post(
        "/console/password",
        data={"current": one_time, "new": new, "repeated": new, "csrf_token": token},
        follow_redirects=False,
    )
    assert changed.headers["location"] == "/console/declarations"
    assert client.get("/console/declarations", follow_redirects=False).status_code == 200
    client.cookies.clear()
    assert sign_in(client, "minh", one_time).status_code == 401
    assert sign_in(client, "minh", new).status_code == 303


def test_an_idle_session_expires(client: TestClient, session: Session) -> None:
    make_officer(session, "lan")
    sign_in(client, "lan")
    assert client.get("/console/declarations", follow_redirects=False).status_code == 200
    session.execute(update(ConsoleSession).values(last_seen_at=utcnow() - timedelta(hours=1)))
    session.commit()
    assert client.get("/console/declarations", follow_redirects=False).status_code == 303
    session.rollback()
    assert session.scalars(select(ConsoleSession)).first() is None


def test_open_redirect_after_signin_is_refused(client: TestClient, session: Session) -> None:
    make_officer(session, "lan")
    page = client.get("/console/login")
    response = client.post(
        "/console/login",
        data={
            "login": "lan",
            "password": PASSWORD,
            "csrf_token": csrf_of(page.text),
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/console/declarations"


def test_an_officer_of_another_province_sees_nothing_of_ha_noi(client: TestClient, session: Session) -> None:
    seeded = seed(client)
    make_officer(session, "danang", "da_nang")
    assert sign_in(client, "danang").status_code == 303
    for receipt in (seeded["kim"], seeded["nguyen"], seeded["wang"]):
        assert client.get(f"/console/declarations/{receipt}").status_code == 404
    assert client.get(f"/console/establishments/{seeded['hanoi'].id}").status_code == 404
    listing = client.get("/console/declarations").text
    assert "TANAKA YUKI" in listing
    assert all(name not in listing for name in ("KIM MIN-JUN", "WANG FANG", "NGUYỄN", "Sen Vàng"))
    assert client.get(f"/console/declarations?establishment_id={seeded['hanoi'].id}").text.count("<tr>") == 0
    assert "Sen Vàng" not in client.get("/console/establishments").text
    report = client.get("/console/reports").text
    assert "Sen Vàng" not in report and "KOR" not in report
    rows = list(csv.reader(io.StringIO(client.get("/console/reports/export.csv").text.lstrip("\ufeff"))))
    assert [r[8] for r in rows[1:]] == ["TANAKA YUKI"]
    sheet = load_workbook(io.BytesIO(client.get("/console/reports/export.xlsx").content)).active
    assert sheet is not None
    assert [r[8] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["TANAKA YUKI"]
    assert client.get(f"/console/declarations/{seeded['other']}").status_code == 200


def test_formula_cells_are_neutralised_in_both_exports(client: TestClient, session: Session) -> None:
    seed(client)
    make_officer(session, "lan")
    sign_in(client, "lan")
    rows = list(csv.reader(io.StringIO(client.get("/console/reports/export.csv").text.lstrip("\ufeff"))))
    wang = next(r for r in rows if r[8] == "WANG FANG")
    assert wang[6] == '\'=HYPERLINK("http://evil.example","x")' and wang[15] == "'=1+2"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    book = load_workbook(io.BytesIO(client.get("/console/reports/export.xlsx").content))
    sheet = book.active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    values = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[8] == "WANG FANG")
    assert values[6] == '\'=HYPERLINK("http://evil.example","x")' and values[15] == "'=1+2"


def test_lists_mask_numbers_search_finds_by_name_without_accents_or_full_number(
    client: TestClient, session: Session
) -> None:
    seeded = seed(client)
    make_officer(session, "lan")
    sign_in(client, "lan")
    listing = client.get("/console/declarations").text
    assert "X98765432" not in listing and "******432" in listing
    by_name = client.get("/console/declarations", params={"q": "nguyen thi lan"}).text
    assert "NGUYỄN THỊ LAN ANH" in by_name and "KIM MIN-JUN" not in by_name
    by_number = client.get("/console/declarations", params={"q": "x9876 5432"}).text
    assert "NGUYỄN THỊ LAN ANH" in by_number and "WANG FANG" not in by_number
    searches = _audit(session, "declaration.search")
    assert searches and all("X98765432" not in str(e.detail) for e in searches)
    assert any(e.detail.get("q") == "*******432" for e in searches)
    detail = client.get(f"/console/declarations/{seeded['nguyen']}").text
    assert "X98765432" in detail  # the full number only on the audited detail page
    [read] = _audit(session, "declaration.read")
    assert read.target == seeded["nguyen"] and read.actor.startswith("officer:")


def test_filters_and_the_history_and_cancel_reason(client: TestClient, session: Session) -> None:
    seeded = seed(client)
    make_officer(session, "lan")
    sign_in(client, "lan")
    only_late = client.get("/console/declarations", params={"timing": "late"}).text
    assert "NGUYỄN THỊ LAN ANH" in only_late and "KIM MIN-JUN" not in only_late
    cancelled = client.get("/console/declarations", params={"status": "cancelled"}).text
    assert "SMITH JOHN" in cancelled and "KIM MIN-JUN" not in cancelled
    chinese = client.get("/console/declarations", params={"nationality": "chn"}).text
    assert "WANG FANG" in chinese and "SMITH JOHN" not in chinese
    future = client.get("/console/declarations", params={"arrival_from": "2100-01-01"}).text
    assert "Không có khai báo nào phù hợp." in future
    bad = client.get("/console/declarations", params={"arrival_from": "31/12/2026", "lang": "en"}).text
    assert "The first arrival date is not a date (dd/mm/yyyy)." in bad
    detail = client.get(f"/console/declarations/{seeded['kim']}").text
    assert "moved to room 305" in detail and "203 → 305" in detail
    assert "filed for the wrong guest" in client.get(f"/console/declarations/{seeded['cancelled']}").text


def test_report_counts_match_the_export(client: TestClient, session: Session) -> None:
    seed(client)
    make_officer(session, "lan")
    sign_in(client, "lan")
    page = client.get("/console/reports", params={"lang": "en"}).text
    assert ": 3 declarations, 1 late" in page  # SMITH cancelled, TANAKA in Đà Nẵng
    rows = list(csv.reader(io.StringIO(client.get("/console/reports/export.csv").text.lstrip("\ufeff"))))
    assert sorted(r[8] for r in rows[1:]) == ["KIM MIN-JUN", "NGUYỄN THỊ LAN ANH", "WANG FANG"]
    assert rows[0][0] == "Receipt"
    exports = _audit(session, "declaration.export")
    assert [e.detail["count"] for e in exports] == [3]


@pytest.mark.parametrize("month", ["2026-13", "abc"])
def test_a_bad_month_is_explained_not_an_error(client: TestClient, session: Session, month: str) -> None:
    make_officer(session, "lan")
    sign_in(client, "lan")
    response = client.get("/console/reports", params={"month": month})
    assert response.status_code == 200 and "yyyy-mm" in response.text
