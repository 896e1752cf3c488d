"""search(text): BM25 over decree units (folded, unigrams + bigrams), in Vietnamese or English."""

from __future__ import annotations

from knowledge.answers import _documents_for, unit_citation
from knowledge.model import Hit
from knowledge.provinces import resolve_area
from knowledge.store import get_kb, terms
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold

# English question words -> the Vietnamese terms the decrees use (folded), so English queries find clauses.
_EN_VI: dict[str, str] = {
    "declare": "khai bao tam tru",
    "declaration": "khai bao tam tru",
    "register": "khai bao tam tru",
    "guest": "co so luu tru tam tru",
    "hotel": "co so luu tru",
    "accommodation": "co so luu tru",
    "residence": "tam tru",
    "permit": "giay phep lao dong",
    "work": "lao dong",
    "criminal": "ly lich tu phap",
    "record": "ly lich tu phap",
    "health": "kham suc khoe",
    "medical": "kham suc khoe",
    "visa": "thi thuc",
    "card": "the tam tru",
    "insurance": "bao hiem xa hoi",
    "complaint": "khieu nai to cao",
    "inspection": "thanh tra kiem tra",
    "invest": "dau tu",
    "investment": "von dau tu nuoc ngoai",
    "delegation": "doan khach nuoc ngoai",
    "invite": "moi bao lanh",
    "sell": "chao ban dich vu",
    "services": "chao ban dich vu",
    "police": "cong an",
    "report": "bao cao",
}
_K1 = 1.2
_B = 0.75
_SNIPPET = 220


def search(text: str, lang: str = "en", province: str | None = None, limit: int = 5) -> list[Hit]:
    """Units ranked for a free-text question; `province` limits to the decrees of that area and unit."""
    kb = get_kb()
    allowed: set[str] | None = None
    if province:
        hit = resolve_area(province)
        applies, others = _documents_for(kb, *hit) if hit else ([], [])
        allowed = set(applies) | set(others)
    scores: dict[int, float] = {}
    expanded = " ".join([text, *(_EN_VI[w] for w in fold(text).split() if w in _EN_VI)])
    for term in set(terms(expanded)):
        idf = kb.idf.get(term)
        if idf is None:
            continue
        weight = idf * (2.0 if " " in term else 1.0)
        for index, tf in kb.postings[term]:
            norm = tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * kb.lengths[index] / kb.avg_length))
            scores[index] = scores.get(index, 0.0) + weight * norm
    query_terms = set(terms(expanded))
    affinity = {
        topic: len(query_terms & set(terms(f"{label['en']} {label['vi']}")))
        for topic, label in TOPIC_LABELS.items()
    }
    ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    hits: list[Hit] = []
    for index, score in ranked:
        unit = kb.units[index]
        if allowed is not None and unit["doc_id"] not in allowed:
            continue
        topics = sorted(unit["topics"].items(), key=lambda kv: (-affinity.get(kv[0], 0), -kv[1], kv[0]))
        snippet = (
            unit["text"] if len(unit["text"]) <= _SNIPPET else unit["text"][:_SNIPPET].rsplit(" ", 1)[0] + "…"
        )
        hits.append(Hit(round(score, 4), unit_citation(kb, unit), snippet, topics[0][0] if topics else None))
        if len(hits) >= limit:
            break
    return hits
