"""The real-question set is well formed: schema, unique ids and questions, real URLs, usable facts,
and the three splits are what build.py makes: dev/test frozen by the hash rule, later batches in tune.

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
from benchmarks.questions import fold
from knowledge.facets import OVERVIEW
from tests.questions.build import SPLITS, rows_by_split, split_of
from tests.questions.records import RECORDS

HERE = Path(__file__).parent
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
# dev and test were fixed with batch 1 (213 questions): a later batch must not move or add a member.
FROZEN_IDS_SHA256 = {
    "dev": "8d6ab3cf01e15a266a5dbf0314f25b21c371e20c648ffac12c5201f72897effb",
    "test": "278a9ff32140d5c105862c81a0ff1356166271ba7793a3d838f0661c5c01d28b",
}


def load(split: str) -> list[dict[str, Any]]:
    lines = (HERE / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


ROWS = {split: load(split) for split in SPLITS}
ALL = [(split, row) for split in SPLITS for row in ROWS[split]]
BATCH = {record["question"]: record["batch"] for record in RECORDS}


def ids_digest(rows: list[dict[str, Any]]) -> str:
    return hashlib.sha256("\n".join(sorted(row["id"] for row in rows)).encode("utf-8")).hexdigest()


def test_sizes_match_the_brief() -> None:
    assert (len(ROWS["dev"]), len(ROWS["test"])) == (43, 170)
    assert len(ROWS["tune"]) >= 80
    assert len(ALL) >= 293


@pytest.mark.parametrize("split", ["dev", "test"])
def test_dev_and_test_members_are_frozen(split: str) -> None:
    assert ids_digest(ROWS[split]) == FROZEN_IDS_SHA256[split]


def test_the_files_are_what_build_writes_from_records() -> None:
    for split, rows in rows_by_split().items():
        assert rows == ROWS[split], f"{split}.jsonl is stale: run python -m tests.questions.build"


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
    questions = [fold(row["question"]) for _, row in ALL]
    assert len(set(ids)) == len(ids)
    assert len(set(questions)) == len(questions), [q for q in set(questions) if questions.count(q) > 1]
    by_split = {split: {row["question"] for row in ROWS[split]} for split in SPLITS}
    assert by_split["dev"].isdisjoint(by_split["test"])
    assert by_split["tune"].isdisjoint(by_split["dev"] | by_split["test"])


def test_no_tune_question_repeats_part_of_a_dev_or_test_question() -> None:
    """A tune question that is a dev/test question with a prefix added or cut would leak the test split into tuning."""
    held = [fold(row["question"]) for split in ("dev", "test") for row in ROWS[split]]
    leaks = [
        row["question"]
        for row in ROWS["tune"]
        if any(fold(row["question"]) in other or other in fold(row["question"]) for other in held)
    ]
    assert not leaks, leaks


@pytest.mark.parametrize(("split", "row"), ALL, ids=[row["id"] for _, row in ALL])
def test_split_is_the_fixed_hash_of_the_question(split: str, row: dict[str, Any]) -> None:
    digest = hashlib.sha256(row["question"].strip().encode("utf-8")).digest()
    batch = BATCH[row["question"]]
    if batch == 1:
        assert split == ("dev" if digest[0] < DEV_THRESHOLD else "test")
    else:
        assert split == "tune"
    assert split == split_of(row["question"], batch)
    assert row["id"] == "q-" + hashlib.sha256(row["question"].strip().encode("utf-8")).hexdigest()[:8]


def test_every_main_topic_and_both_main_languages_are_covered_in_each_split() -> None:
    for split in SPLITS:
        topics = {row["topic"] for row in ROWS[split]}
        langs = {row["lang"] for row in ROWS[split]}
        assert set(MAIN_TOPICS) <= topics, (split, set(MAIN_TOPICS) - topics)
        assert {"en", "vi"} <= langs
    assert {"zh", "ko"} <= {row["lang"] for _, row in ALL}


def test_not_covered_questions_exist_to_test_honesty() -> None:
    for split in SPLITS:
        not_covered = [row for row in ROWS[split] if not row["answerable"]]
        assert 5 <= len(not_covered) < len(ROWS[split]) // 2, split
