"""Receipt codes, MRZ parsing, nationality look-up, reporting windows, retention, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from api.retention import purge
from api.routes.reports import window_bounds
from api.timeutil import utcnow
from declaration_spec.mrz import check_digit, parse_td3
from declaration_spec.nationality import resolve_nationality
from declaration_spec.receipts import (
    ALPHABET,
    PREFIXES,
    check_symbol,
    has_valid_check,
    new_receipt_code,
    normalise,
)
from knowledge.provinces import all_provinces
from tests.api.conftest import count_rows
from tests.api.factories import CHANNEL_TOKEN, declaration_body, register_host, td3_lines
from tests.api.testclient import TestClient

bodies = st.text(alphabet=ALPHABET, min_size=8, max_size=8)


def test_alphabet_has_no_ambiguous_characters() -> None:
    assert not set("01IO") & set(ALPHABET) and len(set(ALPHABET)) == 32
    assert {p.code for p in all_provinces()} == set(PREFIXES)
    assert len(set(PREFIXES.values())) == len(PREFIXES)


@given(bodies, st.integers(0, 7), st.sampled_from(ALPHABET))
def test_check_symbol_catches_every_single_substitution(body: str, pos: int, ch: str) -> None:
    changed = body[:pos] + ch + body[pos + 1 :]
    if changed != body:
        assert check_symbol(changed) != check_symbol(body)


@given(bodies, st.integers(0, 6))
def test_check_symbol_catches_neighbour_swaps(body: str, pos: int) -> None:
    swapped = body[:pos] + body[pos + 1] + body[pos] + body[pos + 2 :]
    if swapped != body:
        assert check_symbol(swapped) != check_symbol(body)


@pytest.mark.parametrize("pos", range(8))
def test_check_catches_every_neighbour_swap_exhaustively(pos: int) -> None:
    """All 32 x 32 symbol pairs at each position, the check symbol included (position 8)."""
    for a in ALPHABET:
        for b in ALPHABET:
            if a == b:
                continue
            body = "7K3Q9XMD"
            code = body[:pos] + a + b + body[pos + 2 :] if pos < 7 else body[:7] + a
            full = code + check_symbol(code) if pos < 7 else code + b
            if pos == 7 and check_symbol(code) != b:
                continue  # only the pair whose second symbol is the right check symbol is a valid code
            swapped = full[:pos] + full[pos + 1] + full[pos] + full[pos + 2 :]
            assert not has_valid_check(f"HN-{swapped[:4]}-{swapped[4:8]}-{swapped[8]}"), (full, swapped)


def test_new_codes_are_valid_and_normalise_back() -> None:
    code = new_receipt_code("ho_chi_minh")
    assert code.startswith("HCM-") and has_valid_check(code)
    assert normalise(code.lower().replace("-", "")) == code


def test_icao_specimen_check_digits() -> None:
    assert check_digit("L898902C3") == "6" and check_digit("740812") == "2" and check_digit("120415") == "9"


def test_parse_td3_specimen() -> None:
    line1, line2 = td3_lines()
    result, errors = parse_td3(line1, line2, date(2025, 7, 1))
    assert not errors and result is not None
    assert (result.surname, result.given_names, result.document_number) == (
        "ERIKSSON",
        "ANNA MARIA",
        "L898902C3",
    )
    assert result.date_of_birth == date(1974, 8, 12) and result.document_expiry == date(2032, 4, 15)
    assert all(result.checks.values())


@pytest.mark.parametrize(
    ("text", "code"),
    [("Korea", "KOR"), ("Hàn Quốc", "KOR"), ("Germany", "DEU"), ("Đức", "DEU"), ("China", "CHN"),
     ("Trung Quốc", "CHN"), ("Nhật Bản", "JPN"), ("USA", "USA"), ("Mỹ", "USA"), ("D", "D"), ("GBN", "GBN"),
     ("stateless", "XXA"), ("Kosovo", "RKS"), ("Atlantis", None)],
)  # fmt: skip
def test_resolve_nationality(text: str, code: str | None) -> None:
    found = resolve_nationality(text)
    assert (found.code if found else None) == code


@pytest.mark.parametrize(
    ("window", "month", "start", "end"),
    [
        ("16-15", "2025-07", date(2025, 6, 16), date(2025, 7, 15)),
        ("11-10", "2025-01", date(2024, 12, 11), date(2025, 1, 10)),
    ],
)
def test_window_bounds(window: str, month: str, start: date, end: date) -> None:
    assert window_bounds(window, month) == (start, end)


def test_mrz_endpoint_prefills_and_flags_a_typo(client: TestClient) -> None:
    host = register_host(client)
    line1, line2 = td3_lines(surname="NGUYEN", given="VAN AN", nationality="KOR", number="M1234567")
    ok = client.post("/v1/mrz/parse", json={"line1": line1, "line2": line2}, headers=host.headers).json()
    assert (
        ok["valid"] is True
        and ok["guest"]["nationality"] == "KOR"
        and ok["guest"]["full_name"] == "NGUYEN VAN AN"
    )
    typo = line2[:3] + ("9" if line2[3] != "9" else "8") + line2[4:]
    bad = client.post("/v1/mrz/parse", json={"line1": line1, "line2": typo}, headers=host.headers).json()
    assert bad["valid"] is False and bad["checks"]["document_number"] is False
    assert bad["hints"] and bad["hints"][0]["msg_vi"]
    short = client.post("/v1/mrz/parse", json={"line1": line1[:40], "line2": line2}, headers=host.headers)
    assert short.status_code == 422 and short.json()["detail"][0]["code"] == "mrz_length"
    assert client.post("/v1/mrz/parse", json={"line1": line1, "line2": line2}).status_code == 401


def test_nationalities_endpoint(client: TestClient) -> None:
    host = register_host(client)
    r = client.get("/v1/nationalities", params={"q": "Hàn Quốc"}, headers=host.headers)
    assert r.json()[0]["code"] == "KOR"


def test_purge_deletes_only_expired_declarations(client: TestClient, session: Session) -> None:
    host = register_host(client)
    client.post("/v1/declarations", json=declaration_body(), headers=host.headers)
    assert purge(session, 30, utcnow()) == 0
    assert purge(session, 30, utcnow() + timedelta(days=60)) == 1
    assert count_rows(session, "declarations") == 0
    assert count_rows(session, "declaration_versions") == 0


def test_cli_migrate_and_officer_create(db_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": db_url, "API_ENV": "test", "CHANNEL_TOKEN": CHANNEL_TOKEN}
    run = subprocess.run(
        [sys.executable, "-m", "api", "officer", "create", "--province", "Hà Nam", "--name", "Trần Văn B"],
        env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert "Ninh Bình" in run.stdout and run.stdout.strip().splitlines()[-1].startswith("off_")
    assert (
        subprocess.run(
            [sys.executable, "-m", "api", "purge"], env=env, timeout=60, capture_output=True
        ).returncode
        == 0
    )
