"""Checks on the NLU training data (nlu_data/) and the held-out split (tests/nlu/) without Rasa.

The held-out split only measures something if none of its sentences was trained on, so leakage is
checked after lower-casing and folding diacritics ("Khai báo" == "khai bao").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.provinces import resolve_area
from knowledge.text import strip_marks

ROOT = Path(__file__).resolve().parent.parent
TRAIN_DIR = ROOT / "nlu_data"
HELD_OUT_DIR = ROOT / "tests" / "nlu"
LOOKUP = TRAIN_DIR / "qa" / "province_lookup.yml"

QA_INTENTS = frozenset(
    {
        "ask_temporary_residence",
        "ask_work_permit",
        "ask_criminal_record",
        "ask_health_check",
        "ask_reporting",
        "ask_inspection",
        "ask_complaints",
        "ask_investment",
        "ask_visa",
        "ask_social_insurance",
        "ask_delegations",
        "ask_service_sellers",
        "inform",
        "show_decree_text",
    }
)
MAIN_TOPICS = frozenset(
    {"ask_temporary_residence", "ask_work_permit", "ask_criminal_record", "ask_health_check"}
)
# Values the domain's categorical slots accept (bot/domain/qa.yml).
ENTITY_VALUES = {"role": {"foreigner", "host", "employer"}, "zone": {"inside", "outside"}}

# Rasa's markup: [text](entity), [text](entity:value) or [text]{"entity": ..., "value": ...}.
_ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<short>[^)]+)\)|(?P<json>\{[^}]+\}))")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
# Vietnamese words that English never uses: two of them in an ASCII sentence = Vietnamese without marks.
_VI_WORDS = frozenset(
    "nguoi nuoc ngoai thu tuc nao dau lam xin khong ko cho gi phai duoc dc cua va o la co bao toi minh"
    " thi sao nha ve xem van ban goc dieu khoan trich dan nguyen khieu nai quyet dinh phat tam tru giay phep"
    " lao dong ly lich phap kham suc khoe hoi nghi thao quoc dau hiem xa kiem tra thanh doan khach dich vu"
    " chao cong ty doanh nghiep tinh han gia thuong nhan".split()
)


def _folded(text: str) -> str:
    """Lower case, no diacritics, punctuation as spaces; keeps CJK/Hangul (unlike knowledge.text.fold)."""
    bare = unicodedata.normalize("NFC", strip_marks(text).lower())
    return _NON_WORD.sub(" ", bare).strip()


def _plain(example: str) -> str:
    return _ANNOTATION.sub(lambda m: m.group("text"), example)


def _entities(example: str) -> list[tuple[str, str, str]]:
    """(entity, text, value) for each annotation; raises ValueError on malformed markup."""
    found = []
    for match in _ANNOTATION.finditer(example):
        text = match.group("text")
        if match.group("json"):
            spec = json.loads(match.group("json"))
            entity, value = spec["entity"], str(spec.get("value", text))
        else:
            entity, _, value = match.group("short").partition(":")
            value = value or text
        found.append((entity, text, value))
    leftover = _ANNOTATION.sub("", example)
    if "[" in leftover or "](" in leftover:
        raise ValueError(f"unparsed entity markup in {example!r}")
    return found


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a mapping"
    return data


def _intent_examples(paths: list[Path]) -> dict[str, list[tuple[Path, str]]]:
    by_intent: dict[str, list[tuple[Path, str]]] = defaultdict(list)
    for path in paths:
        for block in _load(path).get("nlu") or []:
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                line = line.strip()
                if line:
                    assert line.startswith("- "), f"{path}: example line without '- ': {line!r}"
                    by_intent[block["intent"]].append((path, line[2:].strip()))
    return by_intent


TRAIN_FILES = sorted(TRAIN_DIR.rglob("*.yml"))
HELD_OUT_FILES = sorted(HELD_OUT_DIR.glob("*.yml"))
TRAIN = _intent_examples(TRAIN_FILES)
HELD_OUT = _intent_examples(HELD_OUT_FILES)


@pytest.mark.parametrize("path", TRAIN_FILES + HELD_OUT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_nlu_file_is_valid_rasa_yaml(path: Path) -> None:
    data = _load(path)
    assert str(data.get("version")) == "3.1", f'{path}: needs version: "3.1"'
    assert isinstance(data.get("nlu"), list), f"{path}: needs a top-level nlu: list"
    for block in data["nlu"]:
        kinds = {"intent", "synonym", "lookup", "regex"} & block.keys()
        assert len(kinds) == 1, f"{path}: block {block} must have exactly one of intent/synonym/lookup/regex"
        assert isinstance(block.get("examples"), str), f"{path}: {block} examples must be a | block"


def test_every_example_parses_and_uses_known_entity_values() -> None:
    problems = []
    for intent, examples in {**TRAIN, **{f"held-out {k}": v for k, v in HELD_OUT.items()}}.items():
        for path, example in examples:
            try:
                annotations = _entities(example)
            except (ValueError, KeyError, json.JSONDecodeError) as error:
                problems.append(f"{path.name} {intent}: {error}")
                continue
            for entity, text, value in annotations:
                allowed = ENTITY_VALUES.get(entity)
                if allowed is not None and value not in allowed:
                    problems.append(f"{path.name} {intent}: {entity} value {value!r} for {text!r}")
                if entity == "province" and resolve_area(text) is None:
                    problems.append(f"{path.name} {intent}: province {text!r} does not resolve")
    assert not problems, "\n".join(problems)


def test_qa_intents_are_all_trained_with_enough_examples() -> None:
    for intent in QA_INTENTS:
        examples = [e for p, e in TRAIN.get(intent, []) if "qa" in p.parts]
        minimum = 60 if intent in MAIN_TOPICS else 30 if intent == "show_decree_text" else 50
        assert len(examples) >= minimum, f"{intent}: {len(examples)} training examples, want >= {minimum}"
        no_marks = [
            e for e in examples if e.isascii() and len(_VI_WORDS & set(_folded(_plain(e)).split())) >= 2
        ]
        want = 4 if intent == "show_decree_text" else 8
        assert len(no_marks) >= want, f"{intent}: {len(no_marks)} Vietnamese examples without diacritics"


def test_no_sentence_is_trained_under_two_intents() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for intent, examples in TRAIN.items():
        for path, example in examples:
            key = _folded(_plain(example))
            other = seen.setdefault(key, intent)
            if other != intent:
                clashes.append(f"{example!r} ({path.name}) is both {other} and {intent}")
    assert not clashes, "\n".join(clashes)


def test_held_out_split_exists_per_language() -> None:
    names = {p.name for p in HELD_OUT_FILES}
    assert {"qa_en.yml", "qa_vi.yml", "core_en.yml", "core_vi.yml"} <= names
    for name in ("qa_en.yml", "qa_vi.yml"):
        intents = _intent_examples([HELD_OUT_DIR / name])
        assert set(intents) == QA_INTENTS, f"{name}: intents missing {QA_INTENTS - set(intents)}"
        thin = {i: len(e) for i, e in intents.items() if len(e) < 8}
        assert not thin, f"{name}: fewer than 8 held-out examples for {thin}"


def test_held_out_intents_exist_in_training() -> None:
    unknown = set(HELD_OUT) - set(TRAIN)
    assert not unknown, f"held-out intents with no training data: {sorted(unknown)}"


def test_held_out_sentences_were_never_trained_on() -> None:
    trained = {_folded(_plain(e)) for examples in TRAIN.values() for _, e in examples}
    leaked = [
        f"{path.name} {intent}: {example!r}"
        for intent, examples in HELD_OUT.items()
        for path, example in examples
        if _folded(_plain(example)) in trained
    ]
    assert not leaked, "held-out examples also in training data:\n" + "\n".join(leaked)


def test_held_out_has_no_duplicates() -> None:
    seen: set[str] = set()
    duplicates = []
    for examples in HELD_OUT.values():
        for path, example in examples:
            key = _folded(_plain(example))
            if key in seen:
                duplicates.append(f"{path.name}: {example!r}")
            seen.add(key)
    assert not duplicates, "\n".join(duplicates)


def test_province_lookup_covers_the_four_decree_provinces_in_all_spellings() -> None:
    block = _load(LOOKUP)["nlu"][0]
    assert block["lookup"] == "province_name"  # a feature, not a second province extractor
    entries = {line[2:] for line in block["examples"].splitlines() if line.startswith("- ")}
    for spelling in (
        "Hà Nội",
        "Ha Noi",
        "Hanoi",
        "hà nội",
        "HN",
        "Bắc Ninh",
        "bac ninh",
        "Hà Nam",
        "Lai Chau",
    ):
        assert spelling in entries, spelling
    assert "hn" not in entries, "two-letter abbreviations only in upper case"
    assert all(resolve_area(entry) is not None for entry in entries)


FACET_LOOKUP = TRAIN_DIR / "qa" / "facet_lookup.yml"


def test_facet_synonyms_are_the_contract_facets_and_cover_every_phrase() -> None:
    from knowledge.facets import FACETS

    blocks = _load(FACET_LOOKUP)["nlu"]
    synonyms = {b["synonym"]: b["examples"] for b in blocks if "synonym" in b}
    assert set(synonyms) <= set(FACETS)
    assert {"documents", "deadline", "processing_time", "validity", "fee", "penalty", "where"} <= set(
        synonyms
    )
    mapped = {line[2:] for text in synonyms.values() for line in text.splitlines() if line.startswith("- ")}
    [lookup] = [b for b in blocks if b.get("lookup") == "facet"]
    phrases = {line[2:] for line in lookup["examples"].splitlines() if line.startswith("- ")}
    assert phrases <= mapped, "every phrase the extractor can match maps to a facet name"
    assert {"giấy tờ", "giay to", "lệ phí", "le phi"} <= phrases, "Vietnamese with and without diacritics"


def test_facet_annotations_name_contract_facets() -> None:
    from knowledge.facets import FACETS

    bad = [
        f"{path.name}: {example!r}"
        for examples in [*TRAIN.values(), *HELD_OUT.values()]
        for path, example in examples
        for entity, _, value in _entities(example)
        if entity == "facet" and value not in FACETS
    ]
    assert not bad, "\n".join(bad)


def test_held_out_measures_facets_in_every_language() -> None:
    languages = {path.stem.partition("_")[2] for examples in HELD_OUT.values() for path, _ in examples}
    assert {"en", "vi", "zh", "ko"} <= languages
    facet_files = {
        path.stem.partition("_")[2]
        for examples in HELD_OUT.values()
        for path, example in examples
        if any(entity == "facet" for entity, _, _ in _entities(example))
    }
    assert {"en", "vi", "zh", "ko"} <= facet_files
