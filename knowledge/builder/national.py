"""National texts (knowledge/sources/national/): strip what is not law, parse into clause units, date them.

The pack marks its own additions: compiler notes in square brackets ('[GHI CHÚ CỦA NGƯỜI BIÊN SOẠN ...]',
'[ĐÃ SỬA ĐỔI ...]', '[... phần còn lại ...]'), pháp điển source lines '(Điều 33 Luật số 47/2014/QH13, có hiệu
lực ...)', and, in the quoted-amendments file, 'Nguồn trích:' / 'Tệp nguồn:' lines and '...' elisions. None of
that is law, so none of it reaches a unit's text; '[ĐÃ SỬA ĐỔI' is read first, as the mark of an article whose
2014 wording is no longer current. A quoted block may also be a page of the amending law itself: its instructions
('d) Sửa đổi, bổ sung khoản 8 như sau:') and quotation marks frame the new wording and are dropped the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from knowledge.builder.clean import Line, clean_lines
from knowledge.builder.structure import Unit, parse_articles
from knowledge.errors import SourceError
from knowledge.text import nfc

_NOTE = re.compile(r"\[[^\]]*\]")
_AMENDED_MARK = re.compile(r"^\[ĐÃ SỬA ĐỔI")
_PHAP_DIEN_LINE = re.compile(r"^\((Điều|Khoản)\s+\d+\s.*có hiệu lực.*\)$")
_SECTION = re.compile(r"^Mục\s+\d+$")
_ARTICLE_HEAD = re.compile(r"^Điều\s+(\d+[a-z]?)\s*\.\s*(.*)$")  # 'Điều 16a.': inserted by an amendment
_QUOTE_BLOCK = re.compile(r"^===\s*Điều\s+(\d+[a-z]?)\s*\(trích\)\s*===$")
_QUOTE_SOURCE = "Nguồn trích:"
_QUOTE_META = (_QUOTE_SOURCE, "Tệp nguồn:")
_INSTRUCTION = re.compile(r"^([a-zđ]\)|\d+\.)\s+(Sửa đổi|Bổ sung|Bãi bỏ|Thay thế)\b.*như sau:$")
_QUOTE_MARKS = re.compile(r"^“|”[.;,]*$")
_END_OF_BODY = ("TM.", "KT.", "Nơi nhận")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLAUSE_START = re.compile(r"^(\d+[a-z]?\s*\.|[a-zđ]\)|\(\d+\))\s")


@dataclass
class NationalText:
    """One national document ready for extraction: its units and what the text says about its articles."""

    doc_id: str
    units: list[Unit]
    amended_articles: set[str] = field(default_factory=set)  # 'Điều 33': 2014 wording no longer current
    # 'Điều 33' -> the 'Nguồn trích' lines of its quotes: they name the amending laws
    citations: dict[str, list[str]] = field(default_factory=dict)


def iso_date(value: str | None) -> str | None:
    """'2025-12-15 (Art 69 k1; ...)' -> '2025-12-15'; free text without a leading date -> None."""
    match = _ISO.match(value or "")
    if not match:
        return None
    date.fromisoformat(match.group())  # a malformed date is a source error, not a silent None
    return match.group()


def _strip_notes(raw: str) -> tuple[list[str], set[str]]:
    """Lines with compiler notes removed; the articles the pack flags as amended."""
    lines: list[str] = []
    amended: set[str] = set()
    article = ""
    skip_title = False
    for raw_line in raw.splitlines():
        line = raw_line.strip()
        head = _ARTICLE_HEAD.match(line)
        if head:
            article = f"Điều {head.group(1)}"
        if _AMENDED_MARK.match(line) and article:
            amended.add(article)
        if line.startswith(_END_OF_BODY):
            break  # signature block and annex notes follow the last article
        if skip_title:
            skip_title = False
            if line.isupper():
                continue
        if _SECTION.match(line):
            skip_title = True  # 'Mục 1' and its upper-case title: a grouping, not text of the article before
            continue
        line = " ".join(_NOTE.sub(" ", line).split())
        if not line or _PHAP_DIEN_LINE.match(line) or line in ("...", "…"):
            continue
        lines.append(line)
    return lines, amended


def _quoted_amendments(raw: str, titles: dict[str, str]) -> tuple[list[str], dict[str, list[str]]]:
    """The '=== Điều N (trích) ===' blocks as plain 'Điều N. Title' articles, quotes' framing dropped; with each
    article's 'Nguồn trích' lines (they name the amending law, hence the date of the wording)."""
    out: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    citations: dict[str, list[str]] = {}
    for raw_line in raw.splitlines():
        line = raw_line.strip()
        block = _QUOTE_BLOCK.match(line)
        if block:
            blocks.append((f"Điều {block.group(1)}", []))
        elif blocks and line.startswith(_QUOTE_SOURCE):
            citations.setdefault(blocks[-1][0], []).append(line.removeprefix(_QUOTE_SOURCE).strip())
        elif blocks and not line.startswith(_QUOTE_META) and not _INSTRUCTION.match(line):
            blocks[-1][1].append(_QUOTE_MARKS.sub("", line))
    titles = dict(titles)
    for article, block_lines in blocks:
        body, _ = _strip_notes("\n".join(block_lines))
        if body and _ARTICLE_HEAD.match(body[0]):
            out.extend(body)
            continue
        if body and not _CLAUSE_START.match(body[0]) and not body[0].endswith((".", ";", ":")):
            title, body = body[0], body[1:]  # 'Điều kiện cấp thị thực': the quote gives the title alone
            titles[article] = title  # the amended title, for later quotes of the same article
        else:
            title = titles.get(article, "")
        out.append(f"{article}. {title}".rstrip())
        out.extend(body)
    return out, citations


def _article_titles(units: list[Unit]) -> dict[str, str]:
    return {u.article: u.article_title for u in units}


def read_national(
    folder: Path,
) -> tuple[dict[str, Any], list[tuple[dict[str, Any], dict[str, Any], NationalText]]]:
    """(index, [(index entry, .meta.json, parsed text)]) in index order; the amended text after the original."""
    index_path = folder / "index.json"
    if not index_path.exists():
        return {"documents": []}, []
    try:
        index = json.loads(index_path.read_text(encoding="utf-8"))
    except ValueError as e:
        raise SourceError(f"Cannot read {index_path}: {e}. / Không đọc được {index_path}.") from e
    parsed: dict[str, NationalText] = {}
    out: list[tuple[dict[str, Any], dict[str, Any], NationalText]] = []
    for entry in index["documents"]:
        text_path = folder / entry["file"]
        meta_path = folder / entry["file"].replace(".txt", ".meta.json")
        if not text_path.exists() or not meta_path.exists():
            raise SourceError(
                f"national/index.json names {entry['file']}, whose text or .meta.json is missing. "
                f"/ Thiếu tệp {entry['file']} hoặc tệp .meta.json."
            )
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        raw = nfc(text_path.read_text(encoding="utf-8"))
        if entry["layout"] == "quoted_amendments":
            base = parsed[entry["amends"]]
            lines, citations = _quoted_amendments(raw, _article_titles(base.units))
            amended: set[str] = set()
        else:
            (lines, amended), citations = _strip_notes(raw), {}
        units = parse_articles(_lines(lines), part="body", keep_leads=True)
        text = NationalText(entry["doc_id"], units, amended, citations)
        parsed[entry["doc_id"]] = text
        out.append((entry, meta, text))
    return index, out


def _lines(lines: list[str]) -> list[Line]:
    return clean_lines("\n".join(lines))
