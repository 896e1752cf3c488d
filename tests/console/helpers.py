"""Console test helpers: officers with known passwords, signing in over HTTP, reading form tokens."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.console.accounts import hash_password, issue_one_time_password
from api.models import Officer
from api.officers import create_officer
from tests.api.factories import declaration_body, now_local, register_host
from tests.api.testclient import TestClient

PASSWORD = "correct horse battery staple"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_officer(
    session: Session, login: str, province_code: str = "ha_noi", *, one_time: bool = False
) -> str:
    """An officer with a console login; returns the password (the one-time one when `one_time`)."""
    officer_id, _token = create_officer(session, f"Cán bộ {login}", province_code)
    officer = session.get(Officer, officer_id)
    assert officer is not None
    if one_time:
        return issue_one_time_password(session, officer, login)
    officer.login = login
    officer.password_hash = hash_password(PASSWORD)
    officer.must_change_password = False
    session.commit()
    return PASSWORD


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def sign_in(client: TestClient, login: str, password: str = PASSWORD) -> Any:
    """Posts the sign-in form with the token the form page set; returns the (not followed) response."""
    page = client.get("/console/login")
    return client.post(
        "/console/login",
        data={"login": login, "password": password, "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )


def page_token(client: TestClient, path: str = "/console/declarations") -> str:
    return csrf_of(client.get(path).text)


def file_declaration(client: TestClient, headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
    response = client.post("/v1/declarations", json=declaration_body(**overrides), headers=headers)
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def seed(client: TestClient) -> dict[str, Any]:
    """Two Hà Nội establishments and one in Đà Nẵng, with guests of three nationalities; one late
    declaration, one amended, one cancelled. Returns the receipts and ids the tests look for."""
    hanoi = register_host(client, name="Khách sạn Sen Vàng")
    hanoi2 = register_host(client, name='=HYPERLINK("http://evil.example","x")', ward="Phường Ba Đình")
    danang = register_host(client, name="Nhà nghỉ Biển Xanh", province="Đà Nẵng", ward="Phường Hải Châu")
    kim = file_declaration(client, hanoi.headers)
    late_arrival = now_local() - timedelta(hours=30)
    nguyen = file_declaration(
        client,
        hanoi.headers,
        arrival_at=late_arrival.isoformat(),
        guest={
            "full_name": "NGUYỄN THỊ LAN ANH",
            "nationality": "USA",
            "document_number": "X98765432",
            "entry_date": late_arrival.date().isoformat(),
        },
    )
    wang = file_declaration(
        client, hanoi2.headers, room="=1+2", guest={"full_name": "WANG FANG", "nationality": "CHN",
                                                   "document_number": "E55512345"}
    )  # fmt: skip
    cancelled = file_declaration(
        client,
        hanoi.headers,
        guest={"full_name": "SMITH JOHN", "nationality": "GBR", "document_number": "GB1234567"},
    )
    other = file_declaration(
        client,
        danang.headers,
        guest={"full_name": "TANAKA YUKI", "nationality": "JPN", "document_number": "TK7654321"},
    )
    amended_body = declaration_body(room="305", reason="moved to room 305")
    response = client.post(
        f"/v1/declarations/{kim['receipt_code']}/amend", json=amended_body, headers=hanoi.headers
    )
    assert response.status_code == 200, response.text
    response = client.post(
        f"/v1/declarations/{cancelled['receipt_code']}/cancel",
        json={"reason": "filed for the wrong guest"},
        headers=hanoi.headers,
    )
    assert response.status_code == 200, response.text
    return {
        "hanoi": hanoi, "hanoi2": hanoi2, "danang": danang, "kim": kim["receipt_code"],
        "nguyen": nguyen["receipt_code"], "wang": wang["receipt_code"], "cancelled": cancelled["receipt_code"],
        "other": other["receipt_code"],
    }  # fmt: skip
