"""The answers' English and Vietnamese wording (knowledge/templates.json): complete and consistent."""

from __future__ import annotations

import string

import pytest

from knowledge.templates import _WORDING, TOPIC_LABELS, TOPICS


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("table", sorted(_WORDING))
def test_every_entry_has_english_and_vietnamese_with_the_same_placeholders(table: str) -> None:
    for key, wording in _WORDING[table].items():
        assert set(wording) == {"en", "vi"} and all(wording.values()), (table, key)
        assert _placeholders(wording["en"]) == _placeholders(wording["vi"]), (table, key)


def test_every_topic_has_a_label() -> None:
    assert list(TOPIC_LABELS) == list(TOPICS)
