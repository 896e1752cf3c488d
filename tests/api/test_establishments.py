"""Registration, chat-account links, the three kinds of caller, and /v1/me."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from api import linking
from api.config import Settings
from api.errors import ConfigurationError
from api.main import create_app
from api.models import LinkCode
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


def _link_code(client: TestClient, chat_account: str) -> str:
    r = client.post("/v1/link-codes", headers=channel_headers(chat_account))
    assert r.status_code == 201, r.text
    assert r.json()["chat_account"] == chat_account
    return str(r.json()["code"])


def test_a_key_alone_cannot_take_over_a_chat_account(client: TestClient) -> None:
    """Issue 10 item 3: with its own key an attacker linked the victim's chat account, and the victim's
    declarations then landed at the attacker's establishment."""
    attacker = register_host(client, chat_account="telegram:666")
    r = client.post(
        f"/v1/establishments/{attacker.id}/links",
        json={"chat_account": "telegram:42"},
        headers=attacker.headers,
    )
    assert r.status_code == 422, r.text
    assert client.get("/v1/me", headers=channel_headers("telegram:42")).json()["establishment"] is None
    # a guessed code links nothing either
    r = client.post(
        f"/v1/establishments/{attacker.id}/links", json={"code": "2345-6789"}, headers=attacker.headers
    )
    assert r.status_code == 422 and r.json()["detail"][0]["code"] == "link_code_invalid"
    assert "chat" in r.json()["detail"][0]["msg"] and r.json()["detail"][0]["msg_vi"]
    # the victim can still register from the chat
    r = client.post("/v1/establishments", json=establishment_body(), headers=channel_headers("telegram:42"))
    assert r.status_code == 201, r.text


def test_a_code_shown_in_the_chat_links_that_chat_account_once(client: TestClient) -> None:
    host = register_host(client, chat_account="telegram:1")
    code = _link_code(client, "telegram:3")
    # read out with spaces and in lower case: still the code
    typed = code.lower().replace("-", " ")
    r = client.post(f"/v1/establishments/{host.id}/links", json={"code": typed}, headers=host.headers)
    assert r.status_code == 201, r.text
    assert r.json() == {"chat_account": "telegram:3", "establishment_id": host.id}
    assert (
        client.get("/v1/me", headers=channel_headers("telegram:3")).json()["establishment"]["id"] == host.id
    )
    # single use
    again = client.post(f"/v1/establishments/{host.id}/links", json={"code": code}, headers=host.headers)
    assert again.status_code == 422
    # a linked account gets no new code
    r = client.post("/v1/link-codes", headers=channel_headers("telegram:3"))
    assert r.status_code == 409 and r.json()["detail"][0]["code"] == "chat_already_linked"


def test_only_the_newest_code_of_an_account_works(client: TestClient) -> None:
    host = register_host(client)
    first = _link_code(client, "telegram:10")
    second = _link_code(client, "telegram:10")
    r = client.post(f"/v1/establishments/{host.id}/links", json={"code": first}, headers=host.headers)
    assert r.status_code == 422
    r = client.post(f"/v1/establishments/{host.id}/links", json={"code": second}, headers=host.headers)
    assert r.status_code == 201


def test_link_codes_expire(client: TestClient, session: Session) -> None:
    host = register_host(client)
    code = _link_code(client, "telegram:11")
    session.execute(update(LinkCode).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    session.commit()
    r = client.post(f"/v1/establishments/{host.id}/links", json={"code": code}, headers=host.headers)
    assert r.status_code == 422 and r.json()["detail"][0]["code"] == "link_code_invalid"


def test_wrong_codes_and_code_requests_are_rate_limited(client: TestClient) -> None:
    host = register_host(client)
    good = _link_code(client, "telegram:12")
    for _ in range(linking.MAX_FAILED_PER_ESTABLISHMENT):
        r = client.post(
            f"/v1/establishments/{host.id}/links", json={"code": "ZZZZ-ZZZZ"}, headers=host.headers
        )
        assert r.status_code == 422
    r = client.post(f"/v1/establishments/{host.id}/links", json={"code": good}, headers=host.headers)
    assert r.status_code == 429 and r.json()["detail"][0]["code"] == "too_many_link_attempts"
    for _ in range(linking.MAX_CODES_PER_ACCOUNT - 1):
        _link_code(client, "telegram:12")
    r = client.post("/v1/link-codes", headers=channel_headers("telegram:12"))
    assert r.status_code == 429 and r.json()["detail"][0]["msg_vi"]


def test_only_the_chat_channel_asks_for_codes_and_only_the_key_redeems_them(
    client: TestClient, session: Session
) -> None:
    host = register_host(client, chat_account="telegram:20")
    assert client.post("/v1/link-codes", headers=host.headers).status_code == 403
    assert client.post("/v1/link-codes", headers=officer_headers(session)).status_code == 403
    code = _link_code(client, "telegram:21")
    r = client.post(
        f"/v1/establishments/{host.id}/links", json={"code": code}, headers=channel_headers("telegram:20")
    )
    assert r.status_code == 403


def test_other_and_missing_establishments_get_the_same_answer(client: TestClient) -> None:
    """Issue 10 item 3: a 403 for someone else's id and a 404 for a free one revealed which ids exist."""
    host = register_host(client)
    other = register_host(client)
    code = _link_code(client, "telegram:30")
    answers = [
        client.post(f"/v1/establishments/{est_id}/links", json={"code": code}, headers=host.headers)
        for est_id in (other.id, other.id + 1000)
    ]
    assert [a.status_code for a in answers] == [404, 404]
    [first], [second] = (a.json()["detail"] for a in answers)
    assert first["code"] == second["code"] == "establishment_not_found"
    assert first["msg"].replace(str(other.id), "N") == second["msg"].replace(str(other.id + 1000), "N")


def test_registering_twice_does_not_reveal_the_establishment(client: TestClient) -> None:
    host = register_host(client, chat_account="telegram:40")
    r = client.post("/v1/establishments", json=establishment_body(), headers=channel_headers("telegram:40"))
    assert r.status_code == 409
    assert str(host.id) not in r.text


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
