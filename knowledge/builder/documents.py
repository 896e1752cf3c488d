"""The documents the builder reads: provincial decrees (sources/*.meta.json) and national texts (sources/national/).

Each comes out as a SourceDoc: its record for kb.json["documents"] (the contract's fields: number, title_vi, kind,
status, effective_from, effective_to, replaces, replaced_by, completeness, confidence, provenance) and its clause
units with the dating of each article (status, effective dates, what supersedes it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.builder.clean import clean_lines
from knowledge.builder.national import iso_date, read_national
from knowledge.builder.structure import LAYOUTS, Unit
from knowledge.errors import SourceError
from knowledge.text import nfc

NATIONAL_DIR = "national"
NATIONAL_AREA = "Việt Nam (toàn quốc)"


@dataclass
class Dating:
    status: str  # in_force | superseded | draft | guidance_letter | not_yet_in_force
    effective_from: str | None
    effective_to: str | None  # first day it no longer applies
    superseded_by: list[str] = field(default_factory=list)  # unit ids, or document numbers when not on file
    status_note: str | None = None


@dataclass
class SourceDoc:
    doc_id: str
    file: str
    source: str  # decree | national
    record: dict[str, Any]
    units: list[Unit]
    dating: Dating
    article_dating: dict[str, Dating] = field(default_factory=dict)  # per 'Điều N' where it differs

    def dating_of(self, unit: Unit) -> Dating:
        return self.article_dating.get(unit.article, self.dating) if unit.part == "body" else self.dating


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SourceError(f"Cannot read {path}: {e}. / Không đọc được {path}.") from e


def decree_docs(sources: Path) -> list[SourceDoc]:
    out: list[SourceDoc] = []
    for meta_path in sorted(sources.glob("*.meta.json")):
        meta = read_json(meta_path)
        text_path = sources / meta["file"]
        if not text_path.exists():
            raise SourceError(
                f"{meta_path.name} names {meta['file']}, which is missing. / Thiếu tệp {meta['file']}."
            )
        units = LAYOUTS[meta["layout"]](clean_lines(nfc(text_path.read_text(encoding="utf-8"))))
        dating = Dating(meta["status"], iso_date(meta.get("in_force")), None)
        record = {
            **meta,
            "source": "decree",
            "effective_from": dating.effective_from,
            "effective_to": None,
            "replaced_by": meta.get("replaced_by", []),
            "completeness": meta.get("completeness"),
            "confidence": meta.get("confidence"),
            "provenance": meta.get("source"),
        }
        out.append(SourceDoc(meta["doc_id"], meta["file"], "decree", _sorted(record), units, dating))
    return out


def national_docs(sources: Path) -> list[SourceDoc]:
    """Dated against the index's as_of: a replacement in force by then supersedes what it replaces."""
    folder = sources / NATIONAL_DIR
    index, texts = read_national(folder)
    if not texts:
        return []
    as_of = index["as_of"]
    by_number = {entry["short_number"]: entry["doc_id"] for entry, _, _ in texts if "amends" not in entry}
    effective = {entry["doc_id"]: iso_date(meta.get("effective_date")) for entry, meta, _ in texts}
    replaced_by: dict[str, list[tuple[str, str | None]]] = {}
    for entry, _, _ in texts:
        for old in entry.get("replaces", []):
            target = by_number.get(old["number"])
            if target:
                replaced_by.setdefault(target, []).append((entry["short_number"], effective[entry["doc_id"]]))
    laws = index.get("amending_laws", [])
    quoted: dict[str, list[Unit]] = {}  # base doc -> the quoted amended wording of its articles
    amendments: dict[str, dict[str, _Amendment]] = {}  # amending doc -> article -> the laws its quotes cite
    # base doc -> article -> the first day its 2014 wording no longer applied
    ended: dict[str, dict[str, str]] = {}
    for entry, _, text in texts:  # first: the base text comes before its amendments in the index
        if "amends" in entry:
            quoted.setdefault(entry["amends"], []).extend(text.units)
            amendments[entry["doc_id"]] = _amendments(text.citations, laws)
            for article, amendment in amendments[entry["doc_id"]].items():
                days = ended.setdefault(entry["amends"], {})
                days[article] = min(days.get(article, amendment.first), amendment.first)
    out: list[SourceDoc] = []
    for entry, meta, text in texts:
        start = effective[entry["doc_id"]]
        dating = _document_dating(entry, start, replaced_by.get(entry["doc_id"], []), as_of)
        record = {
            "doc_id": entry["doc_id"],
            "file": f"{NATIONAL_DIR}/{entry['file']}",
            "source": "national",
            "number": entry["short_number"],
            "number_full": meta["number"],
            "number_known": True,
            "title_vi": meta["title"],
            "issuer_vi": meta["issuer"],
            "kind": entry["kind"],
            "status": dating.status,
            "status_note": meta["status"],
            "effective_from": dating.effective_from,
            "effective_to": dating.effective_to,
            "in_force": dating.effective_from,
            "signed": iso_date(meta.get("date_issued")),
            "replaces": [r["number"] for r in entry.get("replaces", [])],
            "replaces_basis": [r["basis"] for r in entry.get("replaces", [])],
            "replaced_by": [number for number, _ in replaced_by.get(entry["doc_id"], [])],
            # amended by a law not on file: not replaced; its clauses on file are the wording before
            "amended_by": entry.get("wording_amended", {}).get("by", []),
            "implemented_by": entry.get("wording_amended", {}).get("implemented_by", []),
            "amends": entry.get("amends"),
            "completeness": meta.get("completeness"),
            "confidence": meta.get("confidence"),
            "provenance": {"source": meta.get("source"), "cross_check": meta.get("cross_check", [])},
            "area": NATIONAL_AREA,
            "province_code": None,
            "based_on": [],
            "reorganisation": [],
        }
        doc = SourceDoc(entry["doc_id"], record["file"], "national", _sorted(record), text.units, dating)
        doc.article_dating = {a: x.dating(as_of) for a, x in amendments.get(entry["doc_id"], {}).items()}
        if text.amended_articles:
            doc.article_dating = _amended_article_dating(
                doc, text.amended_articles, quoted, ended.get(entry["doc_id"], {})
            )
        out.append(doc)
    return out


def _document_dating(
    entry: dict[str, Any], start: str | None, successors: list[tuple[str, str | None]], as_of: str
) -> Dating:
    ends = sorted(d for _, d in successors if d)
    wording = entry.get("wording_amended")
    if wording:
        ends.append(wording["from"])
    end = min(ends) if ends else None
    by = [n for n, _ in successors] + (wording["by"] if wording else [])
    note = wording["basis"] if wording else None
    if end is not None and end <= as_of:
        return Dating("superseded", start, end, by, note)
    if start is not None and start > as_of:
        return Dating("not_yet_in_force", start, end, [], note)
    return Dating("in_force", start, end, [], note)


@dataclass
class _Amendment:
    """The amending laws a quoted article cites; its wording is the sum of them all."""

    numbers: list[str]
    first: str  # the first of them took effect: the 2014 wording no longer applies
    last: str  # the last of them took effect: this wording applies

    def dating(self, as_of: str) -> Dating:
        status = "not_yet_in_force" if self.last > as_of else "in_force"
        return Dating(status, self.last, None, [], f"amended wording ({', '.join(self.numbers)})")


def _amendments(citations: dict[str, list[str]], laws: list[dict[str, Any]]) -> dict[str, _Amendment]:
    """Per article, the amending laws its quotes' 'Nguồn trích' lines name ('... sửa đổi 2019', '51/2019/QH14')."""
    out: dict[str, _Amendment] = {}
    for article, lines in citations.items():
        cited = [law for law in laws if any(name in line for line in lines for name in law["cited_as"])]
        if cited:
            dates = [law["effective"] for law in cited]
            out[article] = _Amendment([law["number"] for law in cited], min(dates), max(dates))
    return out


def _amended_article_dating(
    doc: SourceDoc, amended: set[str], amended_units: dict[str, list[Unit]], ended: dict[str, str]
) -> dict[str, Dating]:
    """The 2014 wording of an article the pack flags as amended is superseded by the quoted amended wording,
    from the day the first amendment its quotes cite took effect (unknown when no quote of it is on file)."""
    quoted = amended_units.get(doc.doc_id, [])
    out: dict[str, Dating] = {}
    for article in sorted(amended):
        has_quote = any(u.article == article for u in quoted)
        note = (
            "2014 wording; amended (Law 51/2019/QH14 or 23/2023/QH15): the amended wording is on file"
            if has_quote
            else "2014 wording; amended (Law 51/2019/QH14 or 23/2023/QH15): the amended wording is not on file"
        )
        out[article] = Dating("superseded", doc.dating.effective_from, ended.get(article), [], note)
    return out


def _sorted(record: dict[str, Any]) -> dict[str, Any]:
    return {k: record[k] for k in sorted(record)}
