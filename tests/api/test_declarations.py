"""Filing, idempotency, checks and their messages, batch, amend/cancel and history, size limits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from declaration_spec.receipts import has_valid_check
from tests.api.conftest import count_rows
from tests.api.factories import channel_headers, declaration_body, now_local, register_host
from tests.api.testclient import TestClient


def test_201_carries_receipt_deadline_and_masked_number(client: TestClient, session: Session) -> None:
    host = register_host(client)
    arrival = now_local() - timedelta(hours=3)
    r = client.post(
        "/v1/declarations", json=declaration_body(arrival_at=arrival.isoformat()), headers=host.headers
    )
    assert r.status_code == 201, r.text
    d = r.json()
    assert d["receipt_code"].startswith("HN-") and has_valid_check(d["receipt_code"])
    assert d["status"] == "received" and d["version"] == 1
    assert d["deadline_hours"] == 12 and d["late"] is False
    assert 2.9 < d["hours_after_arrival"] < 3.2
    # a naive arrival is Viet Nam time: it comes back with +07:00 and the same wall clock
    assert datetime.fromisoformat(d["arrival_at"]) == arrival.replace(
        tzinfo=datetime.fromisoformat(d["arrival_at"]).tzinfo
    )
    assert d["arrival_at"].endswith("+07:00")
    assert datetime.fromisoformat(d["deadline_at"]) - datetime.fromisoformat(d["arrival_at"]) == timedelta(
        hours=12
    )
    assert d["guest"]["document_number"] == "******678" and d["guest"]["document_number_masked"] is True
    assert d["establishment"]["id"] == host.id
    assert count_rows(session, "declarations") == 1
    assert count_rows(session, "declaration_versions") == 1


def test_late_after_12_hours_but_not_in_remote_area(client: TestClient) -> None:
    arrival = (now_local() - timedelta(hours=13)).isoformat()
    town = register_host(client)
    remote = register_host(client, remote_area=True, province="Lai Châu")
    late = client.post(
        "/v1/declarations", json=declaration_body(arrival_at=arrival), headers=town.headers
    ).json()
    assert late["late"] is True
    on_time = client.post(
        "/v1/declarations", json=declaration_body(arrival_at=arrival), headers=remote.headers
    ).json()
    assert (on_time["late"], on_time["deadline_hours"]) == (False, 24)


def test_arrival_with_explicit_offset_is_respected(client: TestClient) -> None:
    host = register_host(client)
    utc_arrival = datetime.now().astimezone().astimezone(tz=None)  # aware local
    body = declaration_body(arrival_at=(utc_arrival - timedelta(hours=1)).isoformat())
    d = client.post("/v1/declarations", json=body, headers=host.headers).json()
    assert 0.9 < d["hours_after_arrival"] < 1.2


def test_idempotency_key_replays_and_conflicts(client: TestClient, session: Session) -> None:
    host = register_host(client)
    body = declaration_body()
    headers = {**host.headers, "Idempotency-Key": "retry-1"}
    first = client.post("/v1/declarations", json=body, headers=headers)
    second = client.post("/v1/declarations", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert count_rows(session, "declarations") == 1
    other_body = declaration_body(room="999")
    conflict = client.post("/v1/declarations", json=other_body, headers=headers)
    assert conflict.status_code == 409
    assert conflict.json()["detail"][0]["code"] == "idempotency_conflict"
    # the key is scoped to the caller: another establishment may use the same key
    other = register_host(client)
    assert (
        client.post(
            "/v1/declarations", json=body, headers={**other.headers, "Idempotency-Key": "retry-1"}
        ).status_code
        == 201
    )
    assert count_rows(session, "declarations") == 2


def _errors(response_json: dict[str, object]) -> dict[tuple[object, ...], dict[str, str]]:
    return {tuple(e["loc"]): e for e in response_json["detail"]}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("overrides", "loc", "code"),
    [
        ({"guest": {"date_of_birth": "2090-01-01"}}, ("body", "guest", "date_of_birth"), "dob_future"),
        ({"guest": {"date_of_birth": "1890-01-01"}}, ("body", "guest", "date_of_birth"), "date_range"),
        ({"guest": {"date_of_birth": "1901-01-01"}}, ("body", "guest", "date_of_birth"), "dob_implausible"),
        (
            {"guest": {"document_expiry": "2020-01-01"}},
            ("body", "guest", "document_expiry"),
            "document_expired",
        ),
        ({"guest": {"nationality": "XYZ"}}, ("body", "guest", "nationality"), "nationality_unknown"),
        ({"guest": {"full_name": "R2-D2"}}, ("body", "guest", "full_name"), "name_characters"),
        ({"guest": {"document_number": "AB 12"}}, ("body", "guest", "document_number"), "passport_format"),
        ({"guest": {"document_number": "A$123456"}}, ("body", "guest", "document_number"), "passport_format"),
        ({"guest": {"entry_date": "2099-01-01"}}, ("body", "guest", "entry_date"), "entry_after_arrival"),
        ({"stay_until": "2001-01-01"}, ("body", "stay_until"), "stay_before_arrival"),
        ({"arrival_at": "2099-01-01T10:00:00"}, ("body", "arrival_at"), "arrival_future"),
        ({"guest": {"sex": "Q"}}, ("body", "guest", "sex"), "enum"),
        (
            {"guest": {"date_of_birth": "15/03/1990"}},
            ("body", "guest", "date_of_birth"),
            "date_from_datetime_parsing",
        ),
        ({"guest": {"passport_no": "X"}}, ("body", "guest", "passport_no"), "extra_forbidden"),
    ],
)
def test_bad_records_get_field_errors_in_english_and_vietnamese(
    client: TestClient, overrides: dict[str, object], loc: tuple[str, ...], code: str
) -> None:
    host = register_host(client)
    r = client.post("/v1/declarations", json=declaration_body(**overrides), headers=host.headers)
    assert r.status_code == 422, r.text
    errors = _errors(r.json())
    assert loc in errors, errors
    assert errors[loc]["code"] == code
    assert errors[loc]["msg"] and errors[loc]["msg_vi"]
    # the dry run gives the same errors and files nothing
    dry = client.post("/v1/declarations/validate", json=declaration_body(**overrides), headers=host.headers)
    assert dry.status_code == 422 and _errors(dry.json())[loc]["code"] == code


def test_nationality_error_suggests_codes_and_the_lookup(client: TestClient) -> None:
    host = register_host(client)
    r = client.post(
        "/v1/declarations", json=declaration_body(guest={"nationality": "Kor"}), headers=host.headers
    )
    assert r.status_code == 201  # codes are case-insensitive
    r = client.post(
        "/v1/declarations", json=declaration_body(guest={"nationality": "GER"}), headers=host.headers
    )
    item = _errors(r.json())[("body", "guest", "nationality")]
    assert "/v1/nationalities" in item["msg"] and "/v1/nationalities" in item["msg_vi"]
    assert "DEU" in item["msg"]


def test_accept_language_vi_puts_vietnamese_first(client: TestClient) -> None:
    host = register_host(client)
    body = declaration_body(guest={"date_of_birth": "2090-01-01"})
    r = client.post("/v1/declarations", json=body, headers={**host.headers, "Accept-Language": "vi-VN"})
    item = r.json()["detail"][0]
    assert item["msg"] == item["msg_vi"] and "Ngày sinh" in item["msg"]


def test_validate_files_nothing(client: TestClient, session: Session) -> None:
    host = register_host(client)
    r = client.post("/v1/declarations/validate", json=declaration_body(), headers=host.headers)
    assert r.status_code == 200 and r.json()["valid"] is True
    assert count_rows(session, "declarations") == 0


def test_batch_results_follow_input_order(client: TestClient, session: Session) -> None:
    host = register_host(client)
    records = [
        declaration_body(guest={"document_number": "B0000001"}),
        declaration_body(guest={"nationality": "ZZZ"}),
        {"guest": "not an object"},
        declaration_body(guest={"document_number": "B0000004"}),
    ]
    r = client.post("/v1/declarations/batch", json={"declarations": records}, headers=host.headers)
    assert r.status_code == 200, r.text
    data = r.json()
    assert (data["filed"], data["rejected"]) == (2, 2)
    assert [x["status"] for x in data["results"]] == [201, 422, 422, 201]
    assert [x["index"] for x in data["results"]] == [0, 1, 2, 3]
    assert data["results"][1]["errors"][0]["loc"] == ["body", "declarations", 1, "guest", "nationality"]
    assert data["results"][2]["errors"][0]["loc"][:4] == ["body", "declarations", 2, "guest"]
    assert data["results"][3]["declaration"]["guest"]["document_number"] == "*****004"
    assert count_rows(session, "declarations") == 2
    # idempotent batches too
    headers = {**host.headers, "Idempotency-Key": "batch-7"}
    a = client.post("/v1/declarations/batch", json={"declarations": records}, headers=headers).json()
    b = client.post("/v1/declarations/batch", json={"declarations": records}, headers=headers).json()
    assert a == b and count_rows(session, "declarations") == 4


def test_batch_over_100_is_rejected(client: TestClient) -> None:
    host = register_host(client)
    small: dict[str, object] = {"guest": {}}
    r = client.post("/v1/declarations/batch", json={"declarations": [small] * 101}, headers=host.headers)
    assert r.status_code == 422
    assert r.json()["detail"][0]["code"] == "too_long"


def test_a_full_batch_of_100_fits_in_64_kb(client: TestClient, session: Session) -> None:
    host = register_host(client)
    records = [declaration_body(guest={"document_number": f"C{i:07d}"}) for i in range(100)]
    r = client.post("/v1/declarations/batch", json={"declarations": records}, headers=host.headers)
    assert r.status_code == 200 and r.json()["filed"] == 100
    assert count_rows(session, "declarations") == 100


def test_large_bodies_and_uploads_are_refused(client: TestClient) -> None:
    host = register_host(client)
    big = declaration_body(room="x" * 70_000)
    r = client.post("/v1/declarations", json=big, headers=host.headers)
    assert r.status_code == 413 and r.json()["detail"][0]["msg_vi"]
    files = {"file": ("passport.jpg", b"\xff\xd8\xff" + b"0" * 100, "image/jpeg")}
    r = client.post("/v1/declarations", files=files, headers=host.headers)
    assert r.status_code == 415


def test_amend_keeps_history_and_cancel_needs_a_reason(client: TestClient) -> None:
    host = register_host(client)
    receipt = client.post("/v1/declarations", json=declaration_body(), headers=host.headers).json()[
        "receipt_code"
    ]
    amended = client.post(
        f"/v1/declarations/{receipt}/amend",
        json={**declaration_body(room="404"), "reason": "moved room"},
        headers=host.headers,
    )
    assert amended.status_code == 200, amended.text
    assert (amended.json()["status"], amended.json()["version"], amended.json()["room"]) == (
        "amended",
        2,
        "404",
    )
    assert client.post(f"/v1/declarations/{receipt}/cancel", json={}, headers=host.headers).status_code == 422
    cancelled = client.post(
        f"/v1/declarations/{receipt}/cancel", json={"reason": "wrong guest"}, headers=host.headers
    )
    assert cancelled.json()["status"] == "cancelled" and cancelled.json()["cancel_reason"] == "wrong guest"
    assert (
        client.post(
            f"/v1/declarations/{receipt}/cancel", json={"reason": "again"}, headers=host.headers
        ).status_code
        == 409
    )
    again = client.post(f"/v1/declarations/{receipt}/amend", json=declaration_body(), headers=host.headers)
    assert again.status_code == 409
    history = client.get(f"/v1/declarations/{receipt}/history", headers=host.headers).json()
    assert [(v["version"], v["change"]) for v in history["versions"]] == [
        (1, "filed"),
        (2, "amended"),
        (3, "cancelled"),
    ]
    assert [v["data"]["room"] for v in history["versions"]] == ["203", "404", "404"]
    assert all(v["data"]["document_number"] == "******678" for v in history["versions"])


def test_receipt_codes_are_forgiving_about_case_and_dashes_but_check_the_check_symbol(
    client: TestClient,
) -> None:
    host = register_host(client)
    receipt = client.post("/v1/declarations", json=declaration_body(), headers=host.headers).json()[
        "receipt_code"
    ]
    sloppy = receipt.lower().replace("-", " ")
    assert client.get(f"/v1/declarations/{sloppy}", headers=host.headers).status_code == 200
    wrong_check = receipt[:-1] + ("2" if receipt[-1] != "2" else "3")
    r = client.get(f"/v1/declarations/{wrong_check}", headers=host.headers)
    assert r.status_code == 400 and r.json()["detail"][0]["code"] == "receipt_check_failed"


def test_hosts_and_chat_accounts_see_only_their_own(client: TestClient) -> None:
    mine = register_host(client, chat_account="telegram:100")
    register_host(client, chat_account="telegram:200")
    receipt = client.post(
        "/v1/declarations", json=declaration_body(), headers=channel_headers("telegram:100")
    ).json()["receipt_code"]
    assert client.get(f"/v1/declarations/{receipt}", headers=mine.headers).status_code == 200
    for headers in (channel_headers("telegram:200"),):
        assert client.get(f"/v1/declarations/{receipt}", headers=headers).status_code == 404
        assert (
            client.post(
                f"/v1/declarations/{receipt}/cancel", json={"reason": "nope"}, headers=headers
            ).status_code
            == 404
        )
        assert client.get("/v1/declarations", headers=headers).json()["total"] == 0


def test_host_list_is_newest_first(client: TestClient) -> None:
    host = register_host(client)
    codes = [
        client.post(
            "/v1/declarations",
            json=declaration_body(guest={"document_number": f"D000000{i}"}),
            headers=host.headers,
        ).json()["receipt_code"]
        for i in range(3)
    ]
    listed = client.get("/v1/declarations", headers=host.headers).json()
    assert [d["receipt_code"] for d in listed["items"]] == codes[::-1]
    assert listed["total"] == 3


def test_nothing_is_stored_about_images(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    text = str(spec).lower()
    assert "multipart/form-data" not in text and "binary" not in text


def test_unknown_route_has_the_uniform_error_shape(client: TestClient) -> None:
    r = client.get("/v1/nope")
    assert r.status_code == 404 and r.json()["detail"][0]["msg_vi"]


def test_dates_compare_in_viet_nam_time(client: TestClient) -> None:
    """Arrival 00:30 local on day D is day D even though it is day D-1 in UTC."""
    host = register_host(client)
    today = now_local().date()
    arrival = datetime.combine(today, datetime.min.time()) + timedelta(minutes=30)
    if arrival > now_local():
        pytest.skip("just after midnight in Viet Nam")
    body = declaration_body(arrival_at=arrival.isoformat(), guest={"document_expiry": today.isoformat()})
    assert client.post("/v1/declarations/validate", json=body, headers=host.headers).status_code == 200
    body = declaration_body(
        arrival_at=arrival.isoformat(), guest={"document_expiry": (today - timedelta(days=1)).isoformat()}
    )
    assert client.post("/v1/declarations/validate", json=body, headers=host.headers).status_code == 422
    assert date.today()  # keeps the import honest
