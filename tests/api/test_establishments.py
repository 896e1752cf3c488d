"""Registration, chat-account links, the three kinds of caller, and /v1/me."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import ConfigurationError
from api.main import create_app
from tests.api.factories import (
    CHANNEL_TOKEN,
    channel_headers,
    declaration_body,
    establishment_body,
    officer_headers,
    register_host,
)
from tests.api.testclient import TestClient


def test_channel_registration_links_the_chat_account(client: TestClient) -> None:
    r = client.post("/v1/establishments", json=establishment_body(), headers=channel_headers("telegram:42"))
    assert r.status_code == 201, r.text
    data = r.json()
    assert data["api_key"].startswith("est_")
    assert data["linked_chat_account"] == "telegram:42"
    assert data["establishment"]["province_code"] == "ha_noi"
    assert data["establishment"]["deadline_hours"] == 12
    me = client.get("/v1/me", headers=channel_headers("telegram:42")).json()
    assert me["role"] == "channel"
    assert me["establishment"]["id"] == data["establishment"]["id"]
    host_me = client.get("/v1/me", headers={"Authorization": f"Bearer {data['api_key']}"}).json()
    assert host_me["role"] == "host"


def test_old_province_name_is_mapped_and_kept(client: TestClient) -> None:
    r = client.post(
        "/v1/establishments",
        json=establishment_body(province="Hà Nam", remote_area=True),
        headers=channel_headers("telegram:7"),
    )
    est = r.json()["establishment"]
    assert (est["province_code"], est["former_province"], est["deadline_hours"]) == (
        "ninh_binh",
        "Hà Nam",
        24,
    )


def test_unknown_province_and_bad_phone_are_422_in_both_languages(client: TestClient) -> None:
    r = client.post(
        "/v1/establishments",
        json=establishment_body(province="Atlantis", contact_phone="call me maybe"),
        headers=channel_headers("telegram:8"),
    )
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert [d["loc"] for d in detail] == [["body", "province"], ["body", "contact_phone"]]
    assert all(d["msg"] and d["msg_vi"] and d["msg"] != d["msg_vi"] for d in detail)
    assert "Atlantis" in detail[0]["msg_vi"]


def test_one_chat_account_links_to_one_establishment(client: TestClient) -> None:
    register_host(client, chat_account="zalo:55")
    r = client.post("/v1/establishments", json=establishment_body(), headers=channel_headers("zalo:55"))
    assert r.status_code == 409
    assert r.json()["detail"][0]["code"] == "chat_already_linked"


def test_unlinked_chat_account_is_told_to_register_first(client: TestClient) -> None:
    r = client.post("/v1/declarations", json=declaration_body(), headers=channel_headers("telegram:999"))
    assert r.status_code == 403
    item = r.json()["detail"][0]
    assert item["code"] == "chat_not_linked"
    assert "Register" in item["msg"] and "đăng ký" in item["msg_vi"]


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({}, "auth_missing"),
        ({"Authorization": "Bearer est_wrong"}, "auth_invalid"),
        ({"Authorization": f"Bearer {CHANNEL_TOKEN}"}, "chat_account_missing"),
        (
            {"Authorization": f"Bearer {CHANNEL_TOKEN}", "X-Chat-Account": "no colon"},
            "chat_account_invalid",
        ),
    ],
)
def test_bad_credentials_are_401(client: TestClient, headers: dict[str, str], code: str) -> None:
    r = client.get("/v1/me", headers=headers)
    assert r.status_code == 401
    assert r.json()["detail"][0]["code"] == code


def test_second_chat_account_needs_the_establishment_key(client: TestClient) -> None:
    host = register_host(client, chat_account="telegram:1")
    other = register_host(client, chat_account="telegram:2")
    # a linked chat account cannot add links; only the API key can
    r = client.post(
        f"/v1/establishments/{host.id}/links",
        json={"chat_account": "telegram:3"},
        headers=channel_headers("telegram:1"),
    )
    assert r.status_code == 403
    r = client.post(
        f"/v1/establishments/{other.id}/links", json={"chat_account": "telegram:3"}, headers=host.headers
    )
    assert r.status_code == 403
    r = client.post(
        f"/v1/establishments/{host.id}/links", json={"chat_account": "telegram:3"}, headers=host.headers
    )
    assert r.status_code == 201
    assert (
        client.get("/v1/me", headers=channel_headers("telegram:3")).json()["establishment"]["id"] == host.id
    )
    r = client.post(
        f"/v1/establishments/{host.id}/links", json={"chat_account": "telegram:2"}, headers=host.headers
    )
    assert r.status_code == 409


def test_officer_registers_only_in_own_province(client: TestClient, session: Session) -> None:
    officer = officer_headers(session, "ha_noi")
    assert client.get("/v1/me", headers=officer).json()["officer"]["province_name"] == "Hà Nội"
    ok = client.post("/v1/establishments", json=establishment_body(), headers=officer)
    assert ok.status_code == 201
    assert ok.json()["linked_chat_account"] is None
    other = client.post("/v1/establishments", json=establishment_body(province="Đà Nẵng"), headers=officer)
    assert other.status_code == 403


def test_host_key_cannot_register_more_establishments(client: TestClient) -> None:
    host = register_host(client)
    assert (
        client.post("/v1/establishments", json=establishment_body(), headers=host.headers).status_code == 403
    )


def test_production_refuses_to_start_without_channel_token(tmp_path: object) -> None:
    with pytest.raises(ConfigurationError):
        create_app(Settings(DATABASE_URL="sqlite:///:memory:", API_ENV="production", CHANNEL_TOKEN=None))


def test_health_answers_ok_when_the_database_does(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
