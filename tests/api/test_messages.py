"""The API's messages come from the catalogue (domain api): every code says something in Vietnamese."""

from __future__ import annotations

import re

import pytest

from api.messages import MESSAGES, PYDANTIC, message, pydantic_vi


@pytest.mark.parametrize("code", sorted(set(MESSAGES) - {"http_error"}))
def test_every_code_has_its_vietnamese_sentence_with_the_same_values(code: str) -> None:
    names = set(re.findall(r"\{(\w+)\}", MESSAGES[code]))
    en, vi = message(code, **{name: f"<{name}>" for name in names})
    assert vi != en
    assert all(f"<{name}>" in vi for name in names)


def test_a_suggestion_picks_the_variant_that_names_the_codes() -> None:
    en, vi = message("nationality_unknown", value="Korea", codes="KOR, PRK")
    assert "Did you mean KOR, PRK?" in en and "KOR, PRK" in vi
    en, vi = message("nationality_unknown", value="Narnia", codes="")
    assert "Did you mean" not in en and "Có phải" not in vi


def test_pydantic_errors_in_vietnamese() -> None:
    assert pydantic_vi("string_too_long", {"max_length": 20}) == "Quá dài: tối đa 20 ký tự."
    assert pydantic_vi("string_too_long", {}) == "Quá dài: tối đa {max_length} ký tự."
    assert pydantic_vi("no_such_type", None) == "Giá trị không hợp lệ."
    assert all(pydantic_vi(error_type, None) != english for error_type, english in PYDANTIC.items())
