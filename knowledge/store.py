"""Loads knowledge/data/kb.json once, lazily, and keeps the indexes answers and search need."""

from __future__ import annotations

import itertools
import json
import math
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import ArtifactError
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold

SCHEMA_VERSION = 1
KB_PATH = Path(__file__).resolve().parent / "data" / "kb.json"
_STOP = frozenset(
    "va cua cac cho voi trong theo ve the a an the of to in for and or is do i my what how".split()
)


def terms(text: str) -> list[str]:
    """Folded unigrams and bigrams: 'Khai báo tạm trú' -> ['khai', 'bao', 'tam', 'tru', 'khai bao', ...]."""
    words = [w for w in fold(text).split() if w not in _STOP]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


@dataclass
class Kb:
    raw: dict[str, Any]
    documents: dict[str, dict[str, Any]]
    units: list[dict[str, Any]]
    agencies: dict[str, dict[str, Any]]
    national: dict[str, Any]
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    avg_length: float = 1.0
    idf: dict[str, float] = field(default_factory=dict)
    unit_by_id: dict[str, dict[str, Any]] = field(default_factory=dict)


def _index(kb: Kb) -> None:
    """BM25 postings over each unit's text, headings and the English words of its topics and agencies."""
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for index, unit in enumerate(kb.units):
        extra = [TOPIC_LABELS[t]["en"] for t, s in unit["topics"].items() if s >= 2]
        extra += [kb.agencies[a]["name_en"] for a in unit["agencies"] if a in kb.agencies]
        counts = Counter(terms(" ".join([unit["text"], unit["article_title"], unit["context"], *extra])))
        kb.lengths.append(sum(counts.values()))
        for term, tf in counts.items():
            postings[term].append((index, tf))
    kb.postings = dict(postings)
    kb.unit_by_id = {unit["id"]: unit for unit in kb.units}
    kb.avg_length = (sum(kb.lengths) / len(kb.lengths)) if kb.lengths else 1.0
    n = len(kb.units)
    kb.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in kb.postings.items()}


def load(path: Path = KB_PATH) -> Kb:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ArtifactError(
            f"Cannot read the knowledge base {path}: {e}. Run `python -m knowledge build`. / "
            f"Không đọc được {path}; chạy `python -m knowledge build`."
        ) from e
    if raw.get("schema_version") != SCHEMA_VERSION:
        raise ArtifactError(
            f"{path} has schema {raw.get('schema_version')}, expected {SCHEMA_VERSION}: rebuild it. / "
            f"Sai phiên bản lược đồ; chạy lại `python -m knowledge build`."
        )
    kb = Kb(raw, raw["documents"], raw["units"], raw["agencies"], raw["national"])
    _index(kb)
    return kb


_LOCK = threading.Lock()
_KB: Kb | None = None


def get_kb() -> Kb:
    """The knowledge base, loaded and indexed on first use."""
    global _KB
    if _KB is None:
        with _LOCK:
            if _KB is None:
                _KB = load()
    return _KB
