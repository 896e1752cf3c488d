"""Values a clause states, found by a spaCy Matcher over tokens: money and money ranges, durations, time limits,
counts, ages and forms; offices come from the entity ruler, document items from the clause's place in a list.

'Phạt tiền từ 3.000.000 đồng đến 5.000.000 đồng'  -> money_range {"min_vnd": 3000000, "max_vnd": 5000000}
'không quá 02 năm'                                 -> duration {"amount": 2, "unit": "year", "bound": "max", "years": 2}
'trong thời hạn 12 giờ'                            -> time_limit {"amount": 12, "unit": "hour", "bound": "within", "hours": 12}
'từ 01 đến 03 người nước ngoài'                    -> count {"min": 1, "max": 3, "unit": "person"}
'mẫu NA17'                                         -> form {"code": "NA17"}

Every value carries start/end offsets into the unit text and `text == unit_text[start:end]`.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

Value = dict[str, Any]
Pattern = list[dict[str, Any]]

_NUM: dict[str, Any] = {"TEXT": {"REGEX": r"^\d{1,3}(\.\d{3})+$|^\d+$"}}
_SCALE: dict[str, Any] = {"LOWER": {"IN": ["nghìn", "ngàn", "triệu", "tỷ"]}, "OP": "?"}
_DONG: dict[str, Any] = {"LOWER": "đồng"}
_UNIT: dict[str, Any] = {"LOWER": {"IN": ["giờ", "ngày", "tháng", "năm"]}}
_WORKING: Pattern = [{"LOWER": "làm", "OP": "?"}, {"LOWER": "việc", "OP": "?"}]
_BELOW: dict[str, Any] = {"LOWER": "dưới", "OP": "?"}
_PERSON: Pattern = [{"LOWER": "người"}, {"LOWER": {"IN": ["nước", "lao"]}, "OP": "?"}]
_PERSON_TAIL: Pattern = [{"LOWER": {"IN": ["ngoài", "động"]}, "OP": "?"}]
_SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}
_UNITS = {"giờ": "hour", "ngày": "day", "tháng": "month", "năm": "year"}

# Words before a number that say how it bounds the period or amount (longest first in matching).
_QUALIFIERS: dict[str, tuple[str, ...]] = {
    "within": ("trong thời hạn là", "trong thời hạn", "trong vòng", "trong thời gian", "thời hạn"),
    "max": ("tối đa không quá", "tối đa là", "tối đa", "không quá", "chưa quá", "chậm nhất là", "chậm nhất"),
    "min": ("trước ít nhất", "ít nhất", "không ít hơn", "tối thiểu", "từ"),
    "below": ("dưới",),
    "above": ("trên",),
    "after": ("sau",),
}
# A period followed by these words runs from an event: it is a time limit to act, not a validity.
_FROM_EVENT = ("kể từ", "tính đến", "tính từ", "trước khi", "trước ngày", "sau khi")
# ... counted from the paper's own issue, or up to the filing: how long a paper stays usable, a validity.
_FROM_ISSUE = ("kể từ ngày được cấp", "kể từ ngày cấp", "kể từ ngày ký", "tính đến ngày nộp")
_TIME_LIMIT_QUALIFIERS = ("trong thời hạn", "trong vòng", "trước ít nhất", "chậm nhất")


def _words(phrase: str) -> Pattern:
    return [{"LOWER": w} for w in phrase.lower().split()]


def _qualified(body: Pattern) -> list[Pattern]:
    return [_words(q) + body for qs in _QUALIFIERS.values() for q in qs] + [body]


_AMOUNT: Pattern = [_NUM, _SCALE, _DONG]
_PERIOD: Pattern = [_NUM, _UNIT, *_WORKING]

RULES: dict[str, list[Pattern]] = {
    "money_range": [[{"LOWER": "từ"}, *_AMOUNT, {"LOWER": "đến"}, _BELOW, *_AMOUNT]],
    "money": [*_qualified(_AMOUNT), [*_AMOUNT, {"LOWER": "trở"}, {"LOWER": "lên"}]],
    "period_range": [[{"LOWER": "từ"}, *_PERIOD, {"LOWER": "đến"}, _BELOW, *_PERIOD]],
    "period": _qualified(_PERIOD),
    "count": [
        [{"LOWER": "từ"}, _NUM, {"LOWER": "đến"}, _NUM, *_PERSON, *_PERSON_TAIL],
        [{"LOWER": "từ"}, _NUM, *_PERSON, *_PERSON_TAIL, {"LOWER": "đến"}, _NUM, *_PERSON, *_PERSON_TAIL],
        [{"LOWER": "từ"}, _NUM, *_PERSON, *_PERSON_TAIL, {"LOWER": "trở"}, {"LOWER": "lên"}],
    ],
    "age": [
        [
            {"LOWER": {"IN": ["dưới", "đủ", "trên", "từ"]}},
            {"LOWER": "đủ", "OP": "?"},
            _NUM,
            {"LOWER": "tuổi"},
        ],
    ],
    "form": [
        [{"LOWER": "mẫu"}, {"LOWER": "số", "OP": "?"}, {"TEXT": {"REGEX": r"^(NA\d+[a-z]?|\d{2}[a-z]?)$"}}]
    ],
    # 'ngay khi người nước ngoài đến', 'ngay sau khi': at once, no number of hours
    "immediate": [[{"LOWER": "ngay"}, {"LOWER": {"IN": ["khi", "sau"]}}, {"LOWER": "khi", "OP": "?"}]],
}
_PRIORITY = {kind: n for n, kind in enumerate(RULES)}


def value_matcher(nlp: Language) -> Matcher:
    matcher = Matcher(nlp.vocab)
    for kind, patterns in RULES.items():
        matcher.add(kind, patterns)
    return matcher


def _is_date_part(span: Span) -> bool:
    """'ngày 07 tháng 8 năm 2025' holds '07 tháng' and '8 năm': parts of a date, not periods; nor are a
    reporting cycle ('Định kỳ 6 tháng, hằng năm tổng hợp ...') or opening hours ('24 giờ/07 ngày')."""
    if span.label_ != "period" or not span[0].text[0].isdigit():
        return False
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    cycle = _in_cycle(span) and not _once_every(span)
    return cycle or before in ("ngày", "tháng", "năm", "/") or after.isdigit() or after == "/"


def _in_cycle(span: Span) -> bool:
    return "định kỳ" in span.doc[max(0, span.start - 4) : span.start].text.lower()


def _once_every(span: Span) -> bool:
    """'Định kỳ 10 năm một lần, người nước ngoài thường trú phải ... cấp đổi thẻ' (Law 47/2014 Art. 43 k1): once
    every 10 years, the interval at which a person must renew a paper, a term of it; a reporting cycle
    ('Định kỳ 6 tháng') says no 'một lần'."""
    doc = span.doc
    return _in_cycle(span) and doc[span.end : span.end + 2].text.lower() == "một lần"


def value_spans(doc: Doc, matcher: Matcher) -> list[Span]:
    """Longest non-overlapping matches; at equal length the earlier rule (a range before its parts) wins."""
    spans = [Span(doc, s, e, label=k) for k, s, e in matcher(doc)]
    spans = [s for s in spans if not _is_date_part(s)]
    spans.sort(key=lambda s: (-(s.end - s.start), _PRIORITY[s.label_], s.start))
    return sorted(filter_spans(spans), key=lambda s: s.start)


def _amount(text: str) -> int:
    return int(text.replace(".", ""))


def _money_amounts(span: Span) -> list[int]:
    out: list[int] = []
    tokens = list(span)
    for i, token in enumerate(tokens):
        if re.fullmatch(r"\d{1,3}(\.\d{3})+|\d+", token.text):
            scale = _SCALES.get(tokens[i + 1].lower_, 1) if i + 1 < len(tokens) else 1
            out.append(_amount(token.text) * scale)
    return out


def _bound(span: Span) -> str | None:
    lower = span.text.lower()
    for bound, phrases in _QUALIFIERS.items():
        if any(lower.startswith(p + " ") for p in phrases):
            return bound
    if lower.endswith("trở lên"):
        return "min"
    return None


def _period(span: Span) -> tuple[int, str, bool]:
    numbers = [t for t in span if re.fullmatch(r"\d+", t.text)]
    unit = next(t.lower_ for t in span if t.lower_ in _UNITS)
    return int(numbers[0].text), _UNITS[unit], "làm việc" in span.text.lower()


def _runs_from_event(span: Span) -> bool:
    """A time limit: runs from an event, or is 'the time limit' ('thì thời hạn không quá 15 ngày'); 'có thời
    hạn không quá 05 năm' is a term of validity."""
    doc = span.doc
    after = doc[span.end : min(len(doc), span.end + 6)].text.lower().lstrip(", ")
    if after.startswith(_FROM_ISSUE):
        return False
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    short = any(t.lower_ in ("ngày", "giờ") for t in span)  # 'với thời hạn tối đa là 02 năm' is a validity
    named_limit = (
        short and before[-2:] == ["thời", "hạn"] and (len(before) < 3 or not before[0].endswith("có"))
    )
    return (
        after.startswith(_FROM_EVENT) or span.text.lower().startswith(_TIME_LIMIT_QUALIFIERS) or named_limit
    )


def normalise(span: Span) -> tuple[str, dict[str, Any]]:
    """(kind, norm) for a matched span; a matched 'period' becomes a time_limit or a duration."""
    kind = span.label_
    if kind == "money_range":
        low, high = _money_amounts(span)
        return kind, {"min_vnd": low, "max_vnd": high, "max_exclusive": " dưới " in span.text.lower()}
    if kind == "money":
        [amount] = _money_amounts(span)
        return kind, {"vnd": amount, "bound": _bound(span)}
    if kind in ("period", "period_range"):
        if kind == "period_range":
            numbers = [int(t.text) for t in span if re.fullmatch(r"\d+", t.text)]
            low_unit, high_unit = (_UNITS[t.lower_] for t in span if t.lower_ in _UNITS)
            if low_unit != high_unit:  # 'từ 180 ngày đến dưới 01 năm': each bound in its unit, not 180-1 day
                return "duration", {
                    "min": numbers[0],
                    "min_unit": low_unit,
                    "max": numbers[1],
                    "max_unit": high_unit,
                }
            return "duration", {"min": numbers[0], "max": numbers[1], "unit": low_unit}
        amount, unit, working = _period(span)
        norm: dict[str, Any] = {"amount": amount, "unit": unit, "bound": _bound(span), f"{unit}s": amount}
        if working:
            norm["working"] = True
        if _once_every(span):
            norm["every"] = True  # once every N: the interval of a renewal
        return ("time_limit" if _runs_from_event(span) or working else "duration"), norm
    if kind == "count":
        numbers = [int(t.text) for t in span if re.fullmatch(r"\d+", t.text)]
        return kind, {"min": numbers[0], "max": numbers[1] if len(numbers) > 1 else None, "unit": "person"}
    if kind == "immediate":
        return "time_limit", {"immediately": True, "bound": "within"}
    if kind == "age":
        [years] = [int(t.text) for t in span if re.fullmatch(r"\d+", t.text)]
        first = span[0].lower_
        return kind, {
            "years": years,
            "bound": "below" if first == "dưới" else "above" if first == "trên" else "min",
        }
    code = span[-1].text
    return kind, {"code": code if code.startswith("NA") else f"Mẫu số {code}"}


_SENTENCE_END = re.compile(r"[.;\n](\s|$)")
# What the words of a value's sentence say about it (keys added to norm only when they apply).
_REMOTE = "vùng sâu, vùng xa"
_PAPER = ("phiếu khai báo",)
_ELECTRONIC = ("môi trường điện tử", "trang thông tin điện tử", "trực tuyến", "qua mạng")
# 'không cấp đổi thẻ thường trú' (a card not renewed, in an overstay fine) is no refusal to answer.
_REFUSAL = re.compile(r"không cấp(?! đổi)|không chấp thuận|từ chối")


def _sentence(text: str, start: int, end: int) -> str:
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    return text[begin : stop.start() if stop else len(text)]


def qualify(text: str, value: Value) -> None:
    """Conditions the clause puts on a period: remote areas, the paper or the electronic route, an extension
    (once), the answer to a refusal. Read from the words just before the value and from its sentence."""
    if value["kind"] not in ("time_limit", "duration"):
        return
    before = text[max(0, value["start"] - 60) : value["start"]].lower()
    sentence = _sentence(text, value["start"], value["end"]).lower()
    norm = value["norm"]
    if _REMOTE in before:
        norm["remote_areas"] = True
    if "gia hạn" in before:
        norm["extension"] = True
        if "một lần" in before:
            norm["once"] = True
    if any(p in sentence for p in _PAPER):
        norm["route"] = "paper"
    elif any(p in sentence for p in _ELECTRONIC):
        norm["route"] = "electronic"
    if _REFUSAL.search(sentence):
        norm["refusal"] = True


def extract_values(doc: Doc, ents: list[Span]) -> list[Value]:
    """Values of doc.spans['values'] plus one office value per agency mention, in text order."""
    out: list[Value] = []
    for span in doc.spans["values"]:
        kind, norm = normalise(span)
        out.append(
            {"kind": kind, "text": span.text, "start": span.start_char, "end": span.end_char, "norm": norm}
        )
    for ent in ents:
        if ent.label_ == "AGENCY":
            out.append(
                {
                    "kind": "office",
                    "text": ent.text,
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "norm": {"agency": ent.ent_id_},
                }
            )
    for value in out:
        qualify(doc.text, value)
    return sorted(out, key=lambda v: (v["start"], v["kind"]))


# A clause (or point) is one item of a document list when its article or lead-in announces one.
_LIST_LEAD = re.compile(
    r"(hồ sơ|giấy tờ)[^.;:]*\b(gồm|bao gồm|sau đây|sau|như sau|kèm theo)\b|^hồ sơ", re.IGNORECASE
)
_NOT_AN_ITEM = (
    "trường hợp",
    "các giấy tờ quy định",
    "giấy tờ quy định",
    "số lượng hồ sơ",
    "cá nhân",
    "người",
)
_ITEM_END = re.compile(r"[;:]|\.(\s|$)")


def document_item(text: str, article_title: str, context: str, is_lead: bool) -> Value | None:
    """'Hộ chiếu;' under 'Hồ sơ đề nghị cấp thẻ tạm trú bao gồm:' -> a document value over 'Hộ chiếu'."""
    if not text or (is_lead and text.lower().startswith("hồ sơ")):
        return (
            None  # 'Hồ sơ ... bao gồm:' announces the list; 'Giấy tờ chứng minh ... là một trong các giấy tờ
        )
        # sau:' is an item whose points are the alternatives
    listed = bool(_LIST_LEAD.search(context)) if context else article_title.lower().startswith("hồ sơ")
    if is_lead and context:
        return None
    if not listed or text.lower().startswith(_NOT_AN_ITEM):
        return None
    end_match = _ITEM_END.search(text)
    end = end_match.start() if end_match else len(text)
    item = text[:end].rstrip()
    norm: dict[str, Any] = {"name": item}
    if "một trong" in context.lower():
        norm["one_of"] = True  # an alternative: '... là một trong các giấy tờ sau:'
    return {"kind": "document", "text": item, "start": 0, "end": len(item), "norm": norm}
