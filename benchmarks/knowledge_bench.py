"""Knowledge base: build time, and p50/p95 of answer() and search() (targets: < 1 ms and < 5 ms).

Run: .venv/bin/python benchmarks/knowledge_bench.py  -> benchmarks/results/knowledge.json
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from knowledge import ROLES, TOPICS, answer, render_answer, search  # noqa: E402
from knowledge.builder.build import build  # noqa: E402
from knowledge.store import get_kb  # noqa: E402

PROVINCES = ("Hà Nội", "Hanoi", "Hà Nam", "Ninh Bình", "Lai Châu", "Bắc Ninh", "Đà Nẵng", None)
QUERIES = (
    "khai báo tạm trú",
    "giay phep lao dong",
    "where do I declare a guest",
    "criminal record",
    "bảo hiểm xã hội",
    "what is the fine for not declaring a guest",
    "how is the weather in Hanoi",  # no hit: the threshold path
)
ROLE_CHOICES = (None, *ROLES)


def _percentiles(fn: Callable[[int], object], runs: int) -> dict[str, float]:
    samples = []
    for i in range(runs):
        started = time.perf_counter()
        fn(i)
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 4),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 4),
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    build(progress=lambda _line: None)
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    get_kb()
    load_ms = (time.perf_counter() - started) * 1000
    answer_stats = _percentiles(
        lambda i: answer(TOPICS[i % len(TOPICS)], PROVINCES[i % len(PROVINCES)], role=ROLE_CHOICES[i % 4]),
        2000,
    )
    render_stats = _percentiles(
        lambda i: render_answer(
            answer(TOPICS[i % len(TOPICS)], PROVINCES[i % len(PROVINCES)], role=ROLE_CHOICES[i % 4])
        ),
        2000,
    )
    search_stats = _percentiles(lambda i: search(QUERIES[i % len(QUERIES)]), 1000)
    result = {
        "build_seconds": round(build_s, 3),
        "load_and_index_ms": round(load_ms, 2),
        "answer": {**answer_stats, "target_ms": 1.0, "met": answer_stats["p95_ms"] < 1.0},
        "answer_and_render": render_stats,
        "search": {**search_stats, "target_ms": 5.0, "met": search_stats["p95_ms"] < 5.0},
        "python": sys.version.split()[0],
    }
    out = REPO / "benchmarks" / "results" / "knowledge.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
