"""Builds dev.jsonl / test.jsonl / tune.jsonl from the collected records
(``questions.yaml``, joined to their answer bundles by ``records.py``).

Batch 1 is split by a fixed hash of the question text (sha256, first byte < 58 -> dev, ~23 %, else
test), never chosen by hand; later batches go whole to ``tune``, so dev and test keep their members.
Run: ``python -m tests.questions.build`` from the repository root.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.questions.records import RECORDS

HERE = Path(__file__).resolve().parent
DEV_THRESHOLD = 58  # of 256: about 23 % of the batch-1 questions go to dev
SPLITS = ("dev", "test", "tune")


def split_of(question: str, batch: int = 1) -> str:
    """dev/test by the fixed hash for batch 1; every later batch is tuning material."""
    if batch != 1:
        return "tune"
    digest = hashlib.sha256(question.strip().encode("utf-8")).digest()
    return "dev" if digest[0] < DEV_THRESHOLD else "test"


def rows_by_split() -> dict[str, list[dict[str, object]]]:
    """The rows each file holds, sorted by id; ``batch`` decides the split and is not written."""
    out: dict[str, list[dict[str, object]]] = {name: [] for name in SPLITS}
    for record in RECORDS:
        fields = {key: value for key, value in record.items() if key != "batch"}
        digest = hashlib.sha256(record["question"].strip().encode("utf-8")).hexdigest()[:8]
        out[split_of(record["question"], record["batch"])].append({"id": f"q-{digest}", **fields})
    for rows in out.values():
        rows.sort(key=lambda r: str(r["id"]))
    return out


def main() -> None:
    out = rows_by_split()
    for name, rows in out.items():
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
