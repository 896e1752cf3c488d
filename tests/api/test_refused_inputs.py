"""Inputs the attack of issue 10 (item 8) got accepted, or answered with the wrong status: each is now
refused with a message that says what to fix, in English and Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from api.middleware import MAX_BODY_BYTES
from tests.api.conftest import count_rows
from tests.api.factories import CHANNEL_TOKEN, declaration_body, register_host
from tests.api.server import running_server
from tests.api.testclient import TestClient

INVISIBLE_NAMES = {
    "hangul filler": "\u3164\u3164",
    "halfwidth hangul filler": "\uffa0\uffa0\uffa0",
    "choseong filler": "\u115f\u1160",
    "zero-width space": "KIM\u200bMIN",
    "word joiner only": "\u2060\u2060",
    "filler after letters": "KIM\u3164",
}


def _only_error(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    [item] = response.json()["detail"]
    assert item["msg"] and item["msg_vi"] and item["msg"] != item["msg_vi"]
    return item  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", INVISIBLE_NAMES.values(), ids=INVISIBLE_NAMES.keys())
def test_a_name_of_invisible_characters_is_refused(client: TestClient, name: str) -> None:
    host = register_host(client)
    r = client.post(
        "/v1/declarations", json=declaration_body(guest={"full_name": name}), headers=host.headers
    )
    item = _only_error(r)
    assert (item["loc"], item["code"]) == (["body", "guest", "full_name"], "name_invisible")
    assert "invisible" in item["msg"] and "vô hình" in item["msg_vi"]


def test_a_flood_of_combining_marks_is_refused_but_vietnamese_accents_pass(client: TestClient) -> None:
    host = register_host(client)
    zalgo = "Z" + "\u0301\u0302\u0303\u0308" * 10 + "OE"
    item = _only_error(
        client.post(
            "/v1/declarations", json=declaration_body(guest={"full_name": zalgo}), headers=host.headers
        )
    )
    assert item["code"] == "name_marks"
    # decomposed Vietnamese (two marks on one letter) is an ordinary name
    vietnamese = "NGUYE\u0323\u0302N THI\u0323 NGO\u0323C"
    ok = client.post(
        "/v1/declarations", json=declaration_body(guest={"full_name": vietnamese}), headers=host.headers
    )
    assert ok.status_code == 201, ok.text


@pytest.mark.parametrize("name", ["-A", "- KIM", "'KIM", ". .", "\u0301KIM"])
def test_a_name_must_start_with_a_letter(client: TestClient, name: str) -> None:
    host = register_host(client)
    r = client.post(
        "/v1/declarations", json=declaration_body(guest={"full_name": name}), headers=host.headers
    )
    item = _only_error(r)
    assert item["code"] == "name_start"
    assert "letter" in item["msg"] and "chữ cái" in item["msg_vi"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("date_of_birth", 0, "date_format"),
        ("date_of_birth", "0", "date_format"),
        ("date_of_birth", 631152000, "date_format"),
        ("document_expiry", 4102444800.0, "date_format"),
        ("entry_date", True, "date_format"),
    ],
)
def test_dates_are_iso_text_never_numbers(client: TestClient, field: str, value: object, code: str) -> None:
    host = register_host(client)
    r = client.post("/v1/declarations", json=declaration_body(guest={field: value}), headers=host.headers)
    item = _only_error(r)
    assert (item["loc"], item["code"]) == (["body", "guest", field], code)
    assert "YYYY-MM-DD" in item["msg"] and "YYYY-MM-DD" in item["msg_vi"]


def test_an_arrival_time_is_iso_text_never_a_number(client: TestClient) -> None:
    host = register_host(client)
    r = client.post("/v1/declarations", json=declaration_body(arrival_at=1_700_000_000), headers=host.headers)
    assert _only_error(r)["code"] == "moment_format"


@pytest.mark.parametrize("establishment_id", ["2147483648", "9223372036854775808", "99999999999999999999999"])
def test_establishment_ids_beyond_the_integer_range_are_not_server_errors(
    client: TestClient, session: Session, establishment_id: str
) -> None:
    host = register_host(client)
    for body in ({"code": "ABCD-EFGH"}, {"chat_account": "telegram:5"}):  # the linking body, then and now
        r = client.post(f"/v1/establishments/{establishment_id}/links", json=body, headers=host.headers)
        assert r.status_code in (404, 422), r.text
        assert r.json()["detail"][0]["msg_vi"]
    r = client.get(f"/v1/declarations?establishment_id={establishment_id}", headers=host.headers)
    assert r.status_code == 422, r.text


def test_identical_records_in_one_batch_file_once_and_name_the_first(
    client: TestClient, session: Session
) -> None:
    host = register_host(client)
    same = declaration_body()
    other = declaration_body(guest={"document_number": "M7654321"})
    # the same guest and arrival, written differently (spaces and case in the number)
    respelt = declaration_body(guest={"document_number": "m1234 5678"}, arrival_at=same["arrival_at"])
    records = [same, other, dict(same), respelt]
    r = client.post("/v1/declarations/batch", json={"declarations": records}, headers=host.headers)
    assert r.status_code == 200, r.text
    data = r.json()
    assert (data["filed"], data["rejected"]) == (2, 2)
    for index in (2, 3):
        result = data["results"][index]
        assert result["status"] == 422
        [item] = result["errors"]
        assert item["code"] == "batch_duplicate" and item["loc"] == ["body", "declarations", index]
        assert "record 0" in item["msg"] and "0" in item["msg_vi"]
    assert count_rows(session, "declarations") == 2


@pytest.fixture(scope="module")
def live_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from api.migrations import upgrade_to_head

    url = f"sqlite:///{tmp_path_factory.mktemp('limits') / 'intake.sqlite3'}"
    upgrade_to_head(url)
    with running_server(url, CHANNEL_TOKEN) as base:
        yield base


def test_a_10_mb_chunked_body_gets_413_from_the_real_server(live_api: str) -> None:
    def ten_megabytes() -> Iterator[bytes]:
        yield b'{"declarations": ["'
        for _ in range(10 * 1024):
            yield b"x" * 1024
        yield b'"]}'

    headers = {"Authorization": "Bearer est_whatever", "Content-Type": "application/json"}
    with httpx.Client(timeout=30) as http:
        r = http.post(f"{live_api}/v1/declarations/batch", content=ten_megabytes(), headers=headers)
    assert r.request.headers.get("transfer-encoding") == "chunked"
    assert r.status_code == 413, r.text
    item = r.json()["detail"][0]
    assert item["code"] == "payload_too_large" and str(MAX_BODY_BYTES) in item["msg"]
