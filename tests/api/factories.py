"""Small factories for test data: establishments, officers, declaration bodies, MRZ lines."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from api.officers import create_officer
from api.timeutil import VIETNAM
from declaration_spec.mrz import check_digit
from tests.api.testclient import TestClient

CHANNEL_TOKEN = secrets.token_urlsafe(32)  # API_ENV=test requires a strong one


@dataclass
class Host:
    id: int
    api_key: str
    province_code: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


def channel_headers(chat_account: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {CHANNEL_TOKEN}", "X-Chat-Account": chat_account}


def establishment_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "name": "Nhà nghỉ Hoa Sen",
        "kind": "guesthouse",
        "address": "12 Hàng Bạc",
        "ward": "Phường Hoàn Kiếm",
        "province": "Hà Nội",
        "remote_area": False,
        "contact_phone": "+84 912 345 678",
    }
    body.update(overrides)
    return body


_counter = iter(range(1, 10**9))


def register_host(client: TestClient, chat_account: str | None = None, **overrides: Any) -> Host:
    """Registers through the chat channel (the only self-service path) and returns the API key."""
    account = chat_account or f"telegram:{next(_counter)}"
    response = client.post(
        "/v1/establishments", json=establishment_body(**overrides), headers=channel_headers(account)
    )
    assert response.status_code == 201, response.text
    data = response.json()
    return Host(data["establishment"]["id"], data["api_key"], data["establishment"]["province_code"])


def officer_headers(session: Session, province_code: str = "ha_noi") -> dict[str, str]:
    _id, token = create_officer(session, "Cán bộ Test", province_code)
    return {"Authorization": f"Bearer {token}"}


def now_local() -> datetime:
    return datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)


def declaration_body(**overrides: Any) -> dict[str, Any]:
    """A valid declaration; `guest` overrides merge into the guest object. The guest entered the country
    on the day of arrival, also when `arrival_at` is given (else an arrival 13 hours ago, read just after
    midnight, would come before the entry date and be refused)."""
    given = overrides.get("arrival_at")
    arrival = datetime.fromisoformat(given) if isinstance(given, str) else now_local() - timedelta(hours=2)
    guest: dict[str, Any] = {
        "full_name": "KIM MIN-JUN",
        "sex": "M",
        "date_of_birth": "1990-03-15",
        "nationality": "KOR",
        "document_type": "passport",
        "document_number": "M12345678",
        "document_expiry": (date.today() + timedelta(days=900)).isoformat(),
        "visa_number": "VA1234567",
        "entry_date": arrival.date().isoformat(),
        "port_of_entry": "Nội Bài",
        "purpose": "tourism",
    }
    guest.update(overrides.pop("guest", {}))
    body: dict[str, Any] = {
        "guest": guest,
        "arrival_at": arrival.isoformat(),
        "stay_until": (arrival.date() + timedelta(days=5)).isoformat(),
        "room": "203",
    }
    body.update(overrides)
    return body


def td3_lines(
    surname: str = "ERIKSSON",
    given: str = "ANNA MARIA",
    number: str = "L898902C3",
    nationality: str = "UTO",
    dob: str = "740812",
    sex: str = "F",
    expiry: str = "320415",
    personal: str = "ZE184226B",
) -> tuple[str, str]:
    """Builds a TD3 MRZ with correct check digits (the ICAO 9303 specimen by default)."""
    name = (surname.replace(" ", "<") + "<<" + given.replace(" ", "<")).ljust(39, "<")[:39]
    line1 = f"P<{nationality.ljust(3, '<')}{name}"
    num = number.ljust(9, "<")
    pers = personal.ljust(14, "<")
    body = (
        num + check_digit(num) + nationality.ljust(3, "<") + dob + check_digit(dob) + sex + expiry
        + check_digit(expiry) + pers + check_digit(pers)
    )  # fmt: skip
    composite = body[0:10] + body[13:20] + body[21:43]
    return line1, body + check_digit(composite)
