"""Split cleaned lines into citable units: article (Điều / Mục), clause (khoản / ý / đoạn), point (điểm).

Three layouts: `articles` (Chương / Điều / khoản / điểm), `plan_sections` (I.-III. with numbered agencies and
dash bullets) and `letter_parts` (a letter's numbered parts made of paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.builder.clean import Line

_CHAPTER = re.compile(r"^Chương\s+([IVXLC]+)\b\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+[a-z]?)\s*[.:]?\s*(.*)$")  # "Điều 16a": inserted by an amendment
_CLAUSE = re.compile(r"^(\d+[a-z]?)\s*\.\s+(.*)$")  # '7a.': a clause inserted by an amendment
_POINT = re.compile(r"^([a-zđ])\s*[.)]\s+(.*)$")
_DASH = re.compile(r"^[-–•]\s*(.*)$")
_ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
_STAR = re.compile(r"^\*\s+(.*)$")


@dataclass
class Unit:
    """One citable piece of text. `article`/`clause`/`point` are the Vietnamese citation labels."""

    part: str  # "decision" (the issuing decision's own articles) or "body"
    chapter: str | None
    article: str
    article_title: str
    clause: str | None
    point: str | None
    lines: list[str] = field(default_factory=list)
    context: str = (
        ""  # the clause's lead-in when this unit is a point ("1. Công an Thành phố có trách nhiệm:")
    )
    duplicate_number: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _State:
    part: str = "decision"
    chapter: str | None = None
    article: str = ""
    article_title: str = ""
    skipping: bool = False
    units: list[Unit] = field(default_factory=list)
    seen_clauses: dict[str, list[str]] = field(default_factory=dict)


def _is_skip_start(text: str) -> bool:
    """Recipients lists, signatures and repeated titles between the decision and its annex are not law."""
    return text.startswith(("Nơi nhận", "TM.", "KT.")) or (text.isupper() and len(text) > 3)


def _is_sentence(title: str) -> bool:
    return len(title) > 30 and title.rstrip().endswith((".", ";", "./.", ".”"))


def parse_articles(lines: list[Line], part: str = "decision", keep_leads: bool = False) -> list[Unit]:
    """Chương / Điều / khoản / điểm, with a decision part before 'Chương I' (part='body': a law, no decision).

    keep_leads: a clause's lead-in before its points stays a unit of its own (national law puts the rule
    there: '... nhưng không quá 02 năm:'); otherwise it is only the points' context."""
    st = _State(part=part)
    current: Unit | None = None
    expect_chapter_title = False
    for line in lines:
        text = line.text
        chapter = _CHAPTER.match(text)
        if chapter:
            st.part, st.chapter, st.skipping = "body", f"Chương {chapter.group(1)}", False
            expect_chapter_title = not chapter.group(2)
            current = None
            continue
        if expect_chapter_title:
            expect_chapter_title = False
            continue
        if st.part == "decision" and st.article and _is_skip_start(text):
            st.skipping = True
        if st.skipping:
            continue
        article = _ARTICLE.match(text)
        if article:
            st.article, st.article_title = f"Điều {article.group(1)}", article.group(2).strip()
            current = None
            if _is_sentence(st.article_title):  # 'Điều 2. Quyết định này có hiệu lực ...': no title, a body
                body, st.article_title = st.article_title, ""
                current = _add(st, None, None, body)
            continue
        if not st.article:
            continue  # preamble: title, legal bases
        clause = _CLAUSE.match(text)
        point = _POINT.match(text)
        if clause:
            number = clause.group(1)
            key = f"{st.part}:{st.article}"
            seen = st.seen_clauses.setdefault(key, [])
            duplicate = number in seen
            seen.append(number)
            current = _add(st, f"khoản {number}", None, clause.group(2), duplicate=duplicate)
        elif point and current is not None and current.clause is not None:
            lead = current if current.point is None else None
            context = lead.text if lead is not None else current.context
            if lead is not None and len(lead.lines) == 1 and not keep_leads:
                lead.point = "_lead"  # the lead-in alone is kept as context, not as its own answer unit
            current = _add(st, current.clause, f"điểm {point.group(1)}", point.group(2), context=context)
        elif current is None:
            current = _add(st, None, None, text)
        else:
            current.lines.append(text)
    return [u for u in st.units if u.point != "_lead"]


def _add(
    st: _State,
    clause: str | None,
    point: str | None,
    text: str,
    *,
    context: str = "",
    duplicate: bool = False,
) -> Unit:
    unit = Unit(
        part=st.part,
        chapter=st.chapter,
        article=st.article,
        article_title=st.article_title,
        clause=clause,
        point=point,
        lines=[text] if text else [],
        context=context,
        duplicate_number=duplicate,
    )
    st.units.append(unit)
    return unit


def parse_plan_sections(lines: list[Line]) -> list[Unit]:
    """Decision articles, then sections 'I.', 'II.', 'III.' with numbered items; each dash bullet is an 'ý'."""
    decision = parse_articles([ln for ln in lines[: _first_roman(lines)]])
    st = _State(part="body")
    section = ""
    current: Unit | None = None
    counters: dict[str, int] = {}
    for line in lines[_first_roman(lines) :]:
        text = line.text
        roman = _ROMAN.match(text)
        item = _CLAUSE.match(text)
        star = _STAR.match(text)
        dash = _DASH.match(text)
        if roman:
            section, current = roman.group(1), None
            st.article, st.article_title = f"Mục {section}", roman.group(2)
            continue
        if (item and line.heading) or star:
            label = item.group(1) if item else "*"
            title = item.group(2) if item else (star.group(1) if star else "")
            st.article, st.article_title, current = f"Mục {section}.{label}", title, None
            continue
        key = st.article
        if dash:
            counters[key] = counters.get(key, 0) + 1
            current = _add(st, f"ý {counters[key]}", None, dash.group(1))
        elif current is not None and current.clause and current.clause.startswith("ý") and not line.heading:
            current.lines.append(text)  # a bullet continued after a page break
        else:
            counters[key] = counters.get(key, 0) + 1
            current = _add(st, f"đoạn {counters[key]}", None, text)
    return decision + st.units


def _first_roman(lines: list[Line]) -> int:
    for index, line in enumerate(lines):
        if _ROMAN.match(line.text):
            return index
    return len(lines)


def parse_letter_parts(lines: list[Line]) -> list[Unit]:
    """A letter: paragraphs after the 'Kính gửi' recipients, grouped under numbered parts '1. Công an tỉnh'."""
    st = _State(part="body", article="Phần mở đầu", article_title="")
    started = False
    in_recipients = False
    counters: dict[str, int] = {}
    for line in lines:
        text = line.text
        if "Kính gửi" in text:
            in_recipients = True
            continue
        if in_recipients and _DASH.match(text):
            continue
        if in_recipients:
            in_recipients, started = False, True
        if not started:
            continue
        if text.startswith("Nơi nhận"):
            break
        part = _CLAUSE.match(text)
        if part and line.heading:
            st.article, st.article_title = f"Mục {part.group(1)}", part.group(2)
            continue
        counters[st.article] = counters.get(st.article, 0) + 1
        _add(st, f"đoạn {counters[st.article]}", None, text)
    return st.units


LAYOUTS = {
    "articles": parse_articles,
    "plan_sections": parse_plan_sections,
    "letter_parts": parse_letter_parts,
}
