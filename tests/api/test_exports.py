from __future__ import annotations

import pytest

from api.exports import safe_cell


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
