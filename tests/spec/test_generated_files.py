"""Files generated from the one field table are committed up to date, and nothing defines them twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from declaration_spec.fields import DECLARATION_FIELDS, ESTABLISHMENT_FIELDS, chat_fields
from scripts import gen_declare_docs, gen_declare_slots

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["gen_declare_slots.py", "gen_declare_docs.py"])
def test_generated_files_are_up_to_date(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_docs_table_has_a_row_per_field() -> None:
    table = gen_declare_docs.table()
    for field in (*DECLARATION_FIELDS, *ESTABLISHMENT_FIELDS):
        assert f"`{'.'.join(field.path)}` | {field.label} |" in table


def test_every_field_the_chat_asks_is_a_form_slot_defined_once() -> None:
    generated = yaml.safe_load(gen_declare_slots.OUTPUT.read_text(encoding="utf-8"))
    by_hand = yaml.safe_load((ROOT / "bot" / "domain" / "declare.yml").read_text(encoding="utf-8"))
    asked = [f.slot for f in chat_fields(DECLARATION_FIELDS) + chat_fields(ESTABLISHMENT_FIELDS)]
    assert sorted(generated["slots"]) == sorted(asked)
    assert not set(asked) & set(by_hand["slots"])
    assert not set(generated["forms"]) & set(by_hand.get("forms") or {})
    for form, fields in gen_declare_slots.FORMS.items():
        assert generated["forms"][form]["required_slots"] == [f.slot for f in fields]
