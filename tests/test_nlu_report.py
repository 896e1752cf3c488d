"""scripts/nlu_report.py on a small hand-made `rasa test nlu` output: facet F1 per language counts
(sentence, facet) pairs from the RegexEntityExtractor files, only in files that annotate facets."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.nlu_report import facet_values, main, summarise

HELD_OUT = {
    "facet_en.yml": """version: "3.1"
nlu:
  - intent: ask_work_permit
    examples: |
      - how long is a work permit [valid]{"entity": "facet", "value": "validity"}?
      - work permit [fee]{"entity": "facet", "value": "fee"} and [fines]{"entity": "facet", "value": "penalty"}
      - work permit please
""",
    "qa_en.yml": """version: "3.1"
nlu:
  - intent: ask_work_permit
    examples: |
      - work permit [fee]{"entity": "role", "value": "employer"} in hanoi
""",
}


def _write(tmp: Path) -> tuple[Path, Path]:
    nlu, results = tmp / "nlu", tmp / "results"
    nlu.mkdir()
    results.mkdir()
    for name, text in HELD_OUT.items():
        (nlu / name).write_text(text, encoding="utf-8")
    texts = [
        "how long is a work permit valid?",
        "work permit fee and fines",
        "work permit please",
        "work permit fee in hanoi",
    ]
    rows = [
        {"text": t, "intent": "ask_work_permit", "intent_prediction": {"name": "ask_work_permit"}}
        for t in texts
    ]
    (results / "intent_successes.json").write_text(json.dumps(rows), encoding="utf-8")
    (results / "intent_report.json").write_text(json.dumps({"accuracy": 1.0, "macro avg": {"f1-score": 1.0}}))
    regex_rows = [
        {"text": texts[0], "predicted_entities": [{"entity": "facet", "value": "validity"}]},
        # "fines" missed, "please" mistaken for a facet: one FN, one FP
        {"text": texts[1], "predicted_entities": [{"entity": "facet", "value": "fee"}]},
        {"text": texts[2], "predicted_entities": [{"entity": "facet", "value": "documents"}]},
        # a file without facet annotations does not count
        {"text": texts[3], "predicted_entities": [{"entity": "facet", "value": "fee"}]},
    ]
    (results / "RegexEntityExtractor_successes.json").write_text(json.dumps(regex_rows), encoding="utf-8")
    return nlu, results


def test_facet_values_read_from_markup() -> None:
    example = 'a [fee]{"entity": "facet", "value": "fee"} in [Hanoi](province)'
    assert facet_values(example) == frozenset({"fee"})


def test_facet_f1_counts_pairs_in_facet_files_only(tmp_path: Path) -> None:
    nlu, results = _write(tmp_path)
    english = summarise(results, nlu)["languages"]["en"]
    assert english["facet_counts"] == {"tp": 2, "fp": 1, "fn": 1}
    assert english["facet_f1"] == 0.6667


def test_fail_under_applies_to_facet_f1(tmp_path: Path) -> None:
    nlu, results = _write(tmp_path)
    assert main([str(results), "--nlu", str(nlu), "--fail-under", "0.9", "--targets", "en"]) == 1
    assert main([str(results), "--nlu", str(nlu), "--fail-under", "0.6", "--targets", "en"]) == 0
