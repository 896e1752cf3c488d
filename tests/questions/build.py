"""Builds dev.jsonl / test.jsonl from the collected records in ``records.py``.

The split is a fixed hash of the question text (sha256, first byte < 58 -> dev, ~23 %), never chosen
by hand. Run: ``python -m tests.questions.build`` from the repository root.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.questions.records import RECORDS

HERE = Path(__file__).resolve().parent
DEV_THRESHOLD = 58  # of 256: about 23 % of the questions go to dev


def split_of(question: str) -> str:
    digest = hashlib.sha256(question.strip().encode("utf-8")).digest()
    return "dev" if digest[0] < DEV_THRESHOLD else "test"


def main() -> None:
    out: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    for record in RECORDS:
        digest = hashlib.sha256(record["question"].strip().encode("utf-8")).hexdigest()[:8]
        row = {"id": f"q-{digest}", **record}
        out[split_of(record["question"])].append(row)
    for name, rows in out.items():
        rows.sort(key=lambda r: str(r["id"]))
        with (HERE / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(name, len(rows))


if __name__ == "__main__":
    main()
