"""The real-question set is well formed: schema, unique ids and questions, real URLs, usable facts.

Names below are the knowledge contract's (prompts/kb_contract.md): the set is checked against the
contract, not against what the code happens to answer.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

import knowledge
from knowledge.facets import OVERVIEW

HERE = Path(__file__).parent
SPLITS = ("dev", "test")
LANGS = {"en", "vi", "zh", "ko"}
TOPICS = {*knowledge.TOPICS, "other"}  # the contract's topics, plus questions outside them
MAIN_TOPICS = knowledge.TOPICS[:4]  # temporary residence, work permits, criminal records, health checks
FACETS = {*knowledge.FACETS, OVERVIEW}
FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "question": str,
    "lang": str,
    "source_url": str,
    "source_title": str,
    "source_kind": str,
    "topic": str,
    "facet": str,
    "province": (str, type(None)),
    "answerable": bool,
    "facts": list,
    "sources": list,
    "basis": str,
    "notes": str,
}
DOC_NUMBER = re.compile(r"^\d+/\d{4}/[A-ZĐ0-9-]+$")
BARE_NUMBER = re.compile(r"^[\d.,\s%]+$")
DEV_THRESHOLD = 58  # tests/questions/build.py: first sha256 byte of the question below this -> dev


def load(split: str) -> list[dict[str, Any]]:
    lines = (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ROWS = {split: load(split) for split in SPLITS}
ALL = [(split, row) for split in SPLITS for row in ROWS[split]]


def test_sizes_match_the_brief() -> None:
    assert 35 <= len(ROWS["dev"]) <= 60
    assert len(ROWS["test"]) >= 155
    assert len(ALL) >= 200


@pytest.mark.parametrize(("split", "row"), ALL, ids=[row["id"] for _, row in ALL])
def test_row_schema(split: str, row: dict[str, Any]) -> None:
    assert set(row) == set(FIELDS), set(row) ^ set(FIELDS)
    for name, kind in FIELDS.items():
        assert isinstance(row[name], kind), name
    assert row["question"].strip() and row["source_title"].strip() and row["basis"].strip()
    assert row["lang"] in LANGS
    assert row["topic"] in TOPICS
    assert row["facet"] in FACETS
    assert re.match(r"^https?://\S+$", row["source_url"]), row["source_url"]
    assert row["province"] is None or row["province"].strip()


@pytest.mark.parametrize(("split", "row"), ALL, ids=[row["id"] for _, row in ALL])
def test_facts_and_sources_fit_answerability(split: str, row: dict[str, Any]) -> None:
    if not row["answerable"]:
        assert row["facts"] == [] and row["sources"] == []
        return
    assert row["facts"], "an answerable question needs at least one fact"
    assert row["sources"], "an answerable question names the documents a correct answer cites"
    for fact in row["facts"]:
        assert isinstance(fact, list) and fact
        for spelling in fact:
            assert isinstance(spelling, str) and spelling.strip()
            assert not BARE_NUMBER.match(spelling), f"bare number {spelling!r} would match anything"
    for source in row["sources"]:
        assert DOC_NUMBER.match(source), source


def test_ids_and_questions_are_unique_and_splits_disjoint() -> None:
    ids = [row["id"] for _, row in ALL]
    questions = [" ".join(row["question"].split()).casefold() for _, row in ALL]
    assert len(set(ids)) == len(ids)
    assert len(set(questions)) == len(questions)
    dev = {row["question"] for row in ROWS["dev"]}
    assert dev.isdisjoint(row["question"] for row in ROWS["test"])


@pytest.mark.parametrize(("split", "row"), ALL, ids=[row["id"] for _, row in ALL])
def test_split_is_the_fixed_hash_of_the_question(split: str, row: dict[str, Any]) -> None:
    digest = hashlib.sha256(row["question"].strip().encode("utf-8")).digest()
    assert split == ("dev" if digest[0] < DEV_THRESHOLD else "test")
    assert row["id"] == "q-" + hashlib.sha256(row["question"].strip().encode("utf-8")).hexdigest()[:8]


def test_every_main_topic_and_both_main_languages_are_covered_in_each_split() -> None:
    for split in SPLITS:
        topics = {row["topic"] for row in ROWS[split]}
        langs = {row["lang"] for row in ROWS[split]}
        assert set(MAIN_TOPICS) <= topics, (split, set(MAIN_TOPICS) - topics)
        assert {"en", "vi"} <= langs
    assert {"zh", "ko"} <= {row["lang"] for _, row in ALL}


def test_not_covered_questions_exist_to_test_honesty() -> None:
    not_covered = [row for _, row in ALL if not row["answerable"]]
    assert 15 <= len(not_covered) < len(ALL) // 2
