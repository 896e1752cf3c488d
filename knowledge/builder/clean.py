"""Undo the conversion mess of the sources: bookmark tags, markdown, hard-wrapped PDF lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_EMPHASIS = re.compile(r"\\?\*+")
_MD_HEADING = re.compile(r"^#{1,6}\s*")
_STAR_ITEM = re.compile(r"^(\*\*)?\\\*\s")
_TERMINAL = (".", ";", ":", "!", "?", "”", '"', "/.")
# A line that starts a structural element: chapter, article, clause, point, dash bullet, roman section.
STRUCTURAL = re.compile(
    r"^(Chương\s+[IVXLC]+\b|Điều\s+\d+|\d+[a-z]?\s*\.\s|[a-zđ]\s*[.)]\s|[-–•]\s?|[IVX]+\.\s|\*\s)"
)
_SHORT_HEADING_CHARS = 60


@dataclass(frozen=True)
class Line:
    """One logical line after cleaning; `heading` is True for markdown headings and short numbered titles."""

    text: str
    heading: bool


def strip_markup(raw: str) -> tuple[str, bool]:
    """'### **1. Sở Y tế**' -> ('1. Sở Y tế', True); '[bookmark: dieu_6]Điều 6.' -> ('Điều 6.', False)."""
    text = _BOOKMARK.sub("", raw)
    is_md_heading = bool(_MD_HEADING.match(text.strip()))
    text = _MD_HEADING.sub("", text.strip())
    star_item = bool(_STAR_ITEM.match(text))  # '**\\* Đề nghị ...**': an unnumbered plan item
    text = _EMPHASIS.sub("", text)
    if star_item:
        text = "* " + text.strip()
    return " ".join(text.split()), is_md_heading


def _is_heading(text: str, md_heading: bool) -> bool:
    if md_heading or text.startswith(("Chương", "Điều")) or (text.isupper() and len(text) > 3):
        return True
    return bool(STRUCTURAL.match(text)) and len(text) <= _SHORT_HEADING_CHARS and not text.endswith(_TERMINAL)


def clean_lines(raw_text: str) -> list[Line]:
    """Cleaned logical lines: a line that continues a sentence cut by a PDF wrap is joined to the one before.

    'hiệu quả công tác quản lý nhà nước về an\\n\\nninh, đảm bảo' -> one line 'hiệu quả ... về an ninh, đảm bảo'.
    """
    lines: list[Line] = []
    for raw in raw_text.splitlines():
        text, md_heading = strip_markup(raw)
        if not text:
            continue
        previous = lines[-1] if lines else None
        joinable = (
            previous is not None
            and not previous.heading
            and not previous.text.endswith(_TERMINAL)
            and not STRUCTURAL.match(text)
            and not md_heading
        )
        if previous is not None and joinable:
            lines[-1] = Line(previous.text + " " + text, False)
        else:
            lines.append(Line(text, _is_heading(text, md_heading)))
    return lines
