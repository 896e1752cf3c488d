"""Files generated from the one field table and the text catalogue are committed up to date, and nothing
defines them twice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from catalog import TRANSLATED
from declaration_spec.fields import DECLARATION_FIELDS, ESTABLISHMENT_FIELDS, chat_fields
from scripts import gen_declare_docs, gen_declare_slots, gen_domain_responses

ROOT = Path(__file__).resolve().parents[2]


# Every script that writes a committed file, run with --check.
GENERATORS = [
    "gen_declare_slots.py",
    "gen_declare_docs.py",
    "gen_domain_responses.py",
    "gen_province_lookup.py",
    "gen_facet_lookup.py",
]


@pytest.mark.parametrize("script", GENERATORS)
def test_generated_files_are_up_to_date(script: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_generator_is_checked() -> None:
    assert sorted(GENERATORS) == sorted(p.name for p in (ROOT / "scripts").glob("gen_*.py"))


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


def test_the_domains_responses_are_only_the_generated_ones_in_every_language() -> None:
    by_hand = {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (ROOT / "bot" / "domain").glob("*.yml")
        if path != gen_domain_responses.OUTPUT
    }
    assert {name: "responses" in domain for name, domain in by_hand.items()} == dict.fromkeys(by_hand, False)
    generated = yaml.safe_load(gen_domain_responses.OUTPUT.read_text(encoding="utf-8"))["responses"]
    assert list(generated) == list(gen_domain_responses.RESPONSES)
    for name, variations in generated.items():
        languages = [v["condition"][0]["value"] for v in variations if "condition" in v]
        assert languages == list(TRANSLATED), name
        assert "condition" not in variations[-1], name  # English when the slot holds no other language
