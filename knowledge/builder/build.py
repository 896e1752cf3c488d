"""Build knowledge/data/kb.json and build_report.json from knowledge/sources/ (deterministic, a few seconds)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from knowledge.builder.deadlines import GENERIC, structured
from knowledge.builder.documents import decree_docs, national_docs, read_json
from knowledge.builder.facets import ordered, phrase_facets, value_facets
from knowledge.builder.nlp import build_pipeline, topic_weight
from knowledge.builder.patterns import EMPLOYER_NOTICE_PHRASES, NAMED_LAWS, PROCEDURE_PHRASES, ZONE_PHRASES
from knowledge.builder.roles import Mention, agency_roles
from knowledge.builder.structure import Unit
from knowledge.builder.values import document_item, extract_values
from knowledge.text import fold

SCHEMA_VERSION = 1
PACKAGE = Path(__file__).resolve().parents[1]
SOURCES = PACKAGE / "sources"
DATA = PACKAGE / "data"
_HASHED_CODE = tuple(
    PACKAGE / "builder" / name
    for name in ("patterns.py", "values.py", "facets.py", "roles.py", "national.py")
)


def sources_hash(sources: Path = SOURCES) -> str:
    """sha256 over every source file (national/ included) and the rule data, so `check` notices any edit."""
    digest = hashlib.sha256()
    files = sorted(p for p in sources.rglob("*") if p.is_file())
    for path in files + list(_HASHED_CODE):
        name = path.relative_to(sources).as_posix() if path.is_relative_to(sources) else path.name
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _slug(label: str | None) -> str:
    """'điểm đ' -> 'diem-dd': folding alone would make điểm d and điểm đ one id."""
    if not label:
        return "_"
    if label == "điểm đ":
        label = "điểm dd"
    return fold(label).replace(" ", "-")


def _unit_id(doc_id: str, unit: Unit) -> str:
    parts = [doc_id, "qd" if unit.part == "decision" else "qc", _slug(unit.article), _slug(unit.clause)]
    if unit.point:
        parts.append(_slug(unit.point))
    return "/".join(parts) + ("-b" if unit.duplicate_number else "")


def _zone(text: str) -> str | None:
    for scope, phrases in ZONE_PHRASES.items():
        if any(p in text for p in phrases):
            return scope
    return None


def build(
    sources: Path = SOURCES, progress: Callable[[str], None] = print
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Parse, extract and assemble; returns (kb, report)."""
    glossary = read_json(sources / "agencies.json")["agencies"]
    nlp = build_pipeline(glossary)
    docs = decree_docs(sources) + national_docs(sources)
    documents: dict[str, Any] = {}
    units_out: list[dict[str, Any]] = []
    report_docs: dict[str, Any] = {}
    topic_counts: Counter[str] = Counter()
    agency_counts: Counter[str] = Counter()
    for index, doc in enumerate(docs, 1):
        doc_units = _extract(nlp, doc.doc_id, doc.units)
        for unit, parsed in zip(doc_units, doc.units, strict=True):
            dating = doc.dating_of(parsed)
            unit.update(
                source=doc.source,
                status=dating.status,
                effective_from=dating.effective_from,
                effective_to=dating.effective_to,
                superseded_by=list(dating.superseded_by),
                status_note=dating.status_note,
            )
        documents[doc.doc_id] = doc.record
        units_out.extend(doc_units)
        for unit in doc_units:
            topic_counts.update(t for t, s in unit["topics"].items() if s >= 2)
            agency_counts.update(unit["agencies"])
        report_docs[doc.doc_id] = {
            "file": doc.file,
            "source": doc.source,
            "status": doc.record["status"],
            "units": len(doc_units),
            "articles": len({(u["part"], u["article"]) for u in doc_units}),
            "deadlines": sum(len(u["deadlines"]) for u in doc_units),
            "legal_refs": sorted({r["number"] for u in doc_units for r in u["legal_refs"]}),
            "duplicate_numbers": [u["id"] for u in doc_units if u["duplicate_number"]],
            "superseded_units": sum(1 for u in doc_units if u["status"] == "superseded"),
        }
        progress(
            f"[{index}/{len(docs)}] {doc.file} ({doc.record['area']}, {doc.record['number']}): "
            f"{len(doc_units)} units, {report_docs[doc.doc_id]['deadlines']} deadlines"
        )
    _link_amended_wording(units_out, documents)
    kb = {
        "schema_version": SCHEMA_VERSION,
        "sources_hash": sources_hash(sources),
        "agencies": {
            a["id"]: {
                k: a.get(k)
                for k in (
                    "name_vi",
                    "name_en",
                    "name_zh",
                    "name_ko",
                    "short_en",
                    "short_vi",
                    "successor",
                    "successor_basis",
                    "abolished",
                    "generic",
                    "successor_status",
                    "functions_moved",
                )
            }
            for a in glossary
        },
        "documents": documents,
        "units": units_out,
        "national": read_json(sources / "national.json"),
    }
    report = {
        "schema_version": SCHEMA_VERSION,
        "sources_hash": kb["sources_hash"],
        "documents": report_docs,
        "units_per_topic": dict(sorted(topic_counts.items())),
        "mentions_per_agency": dict(sorted(agency_counts.items())),
        "units_total": len(units_out),
        "units_per_status": _count(u["status"] for u in units_out),
        "units_per_facet": _count(f for u in units_out for f in u["facets"]),
        "values_per_kind": _count(v["kind"] for u in units_out for v in u["values"]),
        "roles_per_kind": _count(r["role"] for u in units_out for r in u["agency_roles"]),
    }
    return kb, report


def _count(items: Iterable[str]) -> dict[str, int]:
    return dict(sorted(Counter(items).items()))


def _extract(nlp: Any, doc_id: str, units: list[Unit]) -> list[dict[str, Any]]:
    texts = [u.text for u in units]
    headings = sorted({u.article_title for u in units} | {u.context for u in units})
    heading_docs = dict(zip(headings, nlp.pipe(headings), strict=True))
    heading_agency = {h: _first_agency(doc) for h, doc in heading_docs.items()}
    heading_facets = {h: phrase_facets(doc) for h, doc in heading_docs.items()}
    heading_values = {h: extract_values(doc, list(doc.ents)) for h, doc in heading_docs.items()}
    zones: dict[tuple[str, str], str | None] = {}
    out: list[dict[str, Any]] = []
    for seq, (unit, doc) in enumerate(zip(units, nlp.pipe(texts), strict=True)):
        key = (unit.part, unit.article)
        if key not in zones:
            zones[key] = _zone(unit.text) if unit.clause is None else None
        ents = list(doc.ents)  # Doc.ents walks every token on each access
        agencies = [ent.ent_id_ for ent in ents if ent.label_ == "AGENCY"]
        leading = [ent.ent_id_ for ent in ents if ent.start <= 1]
        responsible = (
            (leading[0] if leading else None)
            or heading_agency.get(unit.context)
            or heading_agency.get(unit.article_title)
        )
        topics: Counter[str] = Counter()
        for span in doc.spans["topics"]:
            topics[span.label_] += topic_weight(nlp, span.label_, span.text)
        refs = [{"kind": s.label_, "number": NAMED_LAWS.get(s.text, s.text)} for s in doc.spans["legal_refs"]]
        values = extract_values(doc, ents)
        item = document_item(unit.text, unit.article_title, unit.context, _is_lead(unit, units, seq))
        if item is not None:
            values = sorted([*values, item], key=lambda v: (v["start"], v["kind"]))
        context_values = heading_values.get(unit.context, []) if unit.context else []
        processing_article = "processing_time" in heading_facets.get(unit.article_title, set())
        facets = (
            phrase_facets(doc)
            | heading_facets.get(unit.article_title, set())
            | (heading_facets.get(unit.context, set()) if unit.context else set())
            | value_facets(unit.text, values, processing_article)
            | value_facets(unit.context, context_values, processing_article)
        )
        heading = _heading_mention(heading_docs, unit)
        out.append(
            {
                "id": _unit_id(doc_id, unit),
                "doc_id": doc_id,
                "seq": seq,
                "part": unit.part,
                "chapter": unit.chapter,
                "article": unit.article,
                "article_title": unit.article_title,
                "clause": unit.clause,
                "point": unit.point,
                "duplicate_number": unit.duplicate_number,
                "context": unit.context,
                "text": unit.text,
                "agencies": sorted(set(agencies)),
                "responsible": responsible,
                "topics": dict(sorted(topics.items())),
                "deadlines": _situated_deadlines(nlp, doc),
                "legal_refs": refs,
                "zone_scope": zones[key] or _zone(unit.text),
                "procedure": _procedure(unit.text),
                "employer_notice": any(p in unit.text for p in EMPLOYER_NOTICE_PHRASES),
                "facets": ordered(facets),
                "values": values,
                "context_values": context_values,
                "agency_roles": agency_roles(doc, heading, ents),
            }
        )
    return out


def _is_lead(unit: Unit, units: list[Unit], seq: int) -> bool:
    """A clause whose points follow it: its text is the list's lead-in, not an item."""
    nxt = units[seq + 1] if seq + 1 < len(units) else None
    return unit.point is None and nxt is not None and nxt.point is not None and nxt.clause == unit.clause


_DUTY_HEADING = ("trách nhiệm", "nhiệm vụ")


def _heading_mention(heading_docs: dict[str, Any], unit: Unit) -> Mention | None:
    """The agency a heading makes the actor of its clauses: 'Trách nhiệm của Sở Y tế', '1. Công an tỉnh có
    trách nhiệm:', a plan section '5. Sở Y tế'. A heading that only names an office ('Thủ tục ... tại cơ quan
    quản lý xuất nhập cảnh') gives no actor."""
    for where, heading in (("context", unit.context), ("title", unit.article_title)):
        if not heading:
            continue
        for ent in heading_docs[heading].ents:
            if ent.label_ != "AGENCY":
                continue
            if ent.start <= 1 or any(d in heading.lower() for d in _DUTY_HEADING):
                return Mention(ent.ent_id_, ent.text, ent.start_char, where)
            break
    return None


_SEGMENT_ENDS = (".", ";", "\n")


def _situated_deadlines(nlp: Any, doc: Any) -> list[dict[str, Any]]:
    """Each deadline with the part of the sentence it sits in (between '.', ';' or a line break) and the
    topics named there, so 'ít nhất 07 ngày' in a service-seller sentence is not read as a work-permit date."""
    out: list[dict[str, Any]] = []
    text = doc.text
    for span in doc.spans["deadlines"]:
        start = max(text.rfind(sep, 0, span.start_char) for sep in _SEGMENT_ENDS) + 1
        ends = [i for i in (text.find(sep, span.end_char) for sep in _SEGMENT_ENDS) if i >= 0]
        end = min(ends) if ends else len(text)
        weights: Counter[str] = Counter()
        for topic in doc.spans["topics"]:
            if start <= topic.start_char and topic.end_char <= end:
                weights[topic.label_] += topic_weight(nlp, topic.label_, topic.text)
        segment = text[start:end].strip(" ,")
        for item in structured([span]):
            topics = sorted(t for t, w in weights.items() if w >= 2)
            out.append({**item, "segment": segment, "topics": topics})
    return _drop_covered(out)


def _drop_covered(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """structured() drops a generic period covered by a precise one; do the same across the clause."""
    kinds = {d["kind"] for d in found}
    return [d for d in found if not set(GENERIC.get(d["kind"], ())) & kinds]


def _link_amended_wording(units: list[dict[str, Any]], documents: dict[str, Any]) -> None:
    """A superseded 2014 clause points at the amended wording of its article on file, in every text that quotes it
    (article, not clause: clause numbers moved in 2019/2023)."""
    amended_by: dict[str, list[str]] = {}
    for doc_id, d in documents.items():
        if d.get("amends"):
            amended_by.setdefault(d["amends"], []).append(doc_id)
    quoted: dict[tuple[str, str], list[str]] = {}
    for unit in units:
        quoted.setdefault((unit["doc_id"], unit["article"]), []).append(unit["id"])
    for unit in units:
        targets = amended_by.get(unit["doc_id"], [])
        if not targets or unit["status"] != "superseded":
            continue
        unit["superseded_by"] = [i for t in targets for i in quoted.get((t, unit["article"]), [])]


def _procedure(text: str) -> str | None:
    """'decides' (receives and decides applications), 'guides' (explains the procedure) or None."""
    for kind, phrases in PROCEDURE_PHRASES.items():
        if any(p in text for p in phrases):
            return kind
    return None


def _first_agency(doc: Any) -> str | None:
    for ent in doc.ents:
        if ent.label_ == "AGENCY":
            return str(ent.ent_id_)
    return None


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write(kb: dict[str, Any], report: dict[str, Any], out_dir: Path = DATA) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "kb.json").write_text(dump(kb), encoding="utf-8")
    (out_dir / "build_report.json").write_text(dump(report), encoding="utf-8")
