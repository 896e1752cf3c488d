"""Deadlines and periods in structured form, found by a spaCy Matcher over tokens (rule = token pattern).

'Định kỳ trước ngày 25 hàng tháng'                        -> {"kind": "monthly_before_day", "day": 25}
'mốc số liệu từ ngày 11 tháng trước đến ngày 10 tháng tiếp theo' -> {"kind": "window", "from_day": 11, "to_day": 10}
'trước ngày 15/12 hằng năm'                                -> {"kind": "yearly_before", "day": 15, "month": 12}
'ít nhất 07 ngày'                                          -> {"kind": "at_least_days", "days": 7}

Rules are tried in the order of RULES: a span taken by an earlier (more precise) rule is not matched again by a
later one, so 'trước ngày 25 tháng cuối quý' is quarterly_before_day and not also quarterly_on_day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from knowledge.builder.tokenizer import WordTokenizer

Deadline = dict[str, Any]
Pattern = list[dict[str, Any]]

_DAY: dict[str, Any] = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
_NUMBER: dict[str, Any] = {"TEXT": {"REGEX": r"^\d{1,3}$"}}
_DATE: dict[str, Any] = {"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}$"}}
_EVERY: dict[str, Any] = {"LOWER": {"IN": ["hàng", "hằng"]}}
_PERIODIC = [{"LOWER": "định"}, {"LOWER": "kỳ"}]


def _w(*words: str) -> Pattern:
    return [{"LOWER": w} for w in words]


def _optional(pattern: Pattern) -> Pattern:
    return [{**token, "OP": "?"} for token in pattern]


def _numbers(span: Span) -> list[int]:
    return [int(t.text) for t in span if t.text.isdigit()]


def _dates(span: Span) -> list[Deadline]:
    """'trước ngày 30/6 và 31/12 hằng năm' -> two yearly_before deadlines."""
    found = [re.fullmatch(r"(\d{1,2})/(\d{1,2})", t.text) for t in span]
    return [{"kind": "yearly_before", "day": int(m[1]), "month": int(m[2])} for m in found if m]


_Rule = tuple[str, list[Pattern], Callable[[Span], list[Deadline]]]

RULES: tuple[_Rule, ...] = (
    (
        "window",  # 'từ ngày 11 tháng trước đến ngày 10 tháng tiếp theo'
        [[*_w("từ", "ngày"), _DAY, *_w("tháng", "trước", "đến", "ngày"), _DAY, *_w("tháng", "tiếp", "theo")]],
        lambda s: [{"kind": "window", "from_day": _numbers(s)[0], "to_day": _numbers(s)[1]}],
    ),
    (
        "monthly_before_day",  # 'trước ngày 25 hàng tháng'
        [[*_w("trước", "ngày"), _DAY, _EVERY, {"LOWER": "tháng"}]],
        lambda s: [{"kind": "monthly_before_day", "day": _numbers(s)[0]}],
    ),
    (
        "quarterly_before_day",  # 'trước ngày 25 tháng cuối quý'
        [[*_w("trước", "ngày"), _DAY, *_w("tháng", "cuối", "quý")]],
        lambda s: [{"kind": "quarterly_before_day", "day": _numbers(s)[0]}],
    ),
    (
        "quarterly_on_day",  # 'ngày 25 tháng cuối quý'
        [[{"LOWER": "ngày"}, _DAY, *_w("tháng", "cuối", "quý")]],
        lambda s: [{"kind": "quarterly_on_day", "day": _numbers(s)[0]}],
    ),
    (
        "monthly_on_day",  # 'ngày 20 hằng tháng'
        [[{"LOWER": "ngày"}, _DAY, _EVERY, {"LOWER": "tháng"}]],
        lambda s: [{"kind": "monthly_on_day", "day": _numbers(s)[0]}],
    ),
    (
        "yearly_before",  # 'trước ngày 15/12 hằng năm', 'trước ngày 30/6 và 31/12'
        [
            [
                *_w("trước", "ngày"),
                _DATE,
                *_optional([{"LOWER": "và"}, _DATE]),
                *_optional([_EVERY, {"LOWER": "năm"}]),
            ]
        ],
        _dates,
    ),
    (
        "at_least_days",  # 'ít nhất 07 ngày'
        [[*_w("ít", "nhất"), _NUMBER, {"LOWER": "ngày"}]],
        lambda s: [{"kind": "at_least_days", "days": _numbers(s)[0]}],
    ),
    (
        "within_hours",  # 'trong thời hạn 12 giờ'
        [[*_w("trong", "thời", "hạn"), _NUMBER, {"LOWER": "giờ"}]],
        lambda s: [{"kind": "within_hours", "hours": _numbers(s)[0]}],
    ),
    (
        "every_months",  # 'Định kỳ 6 tháng'
        [[*_PERIODIC, _NUMBER, {"LOWER": "tháng"}]],
        lambda s: [{"kind": "every_months", "months": _numbers(s)[0]}],
    ),
    ("quarterly", [[*_PERIODIC, _EVERY, {"LOWER": "quý"}]], lambda s: [{"kind": "quarterly"}]),
    ("monthly", [[*_optional(_PERIODIC), _EVERY, {"LOWER": "tháng"}]], lambda s: [{"kind": "monthly"}]),
    ("yearly", [[*_optional(_PERIODIC), _EVERY, {"LOWER": "năm"}]], lambda s: [{"kind": "yearly"}]),
    ("immediately_after", [_w("ngay", "sau", "khi")], lambda s: [{"kind": "immediately_after"}]),
)
_PRIORITY = {name: index for index, (name, _, _) in enumerate(RULES)}
_BUILD = {name: build for name, _, build in RULES}

# A generic period is dropped when a precise one covers it ("trước ngày 25 hàng tháng" is not also "monthly").
GENERIC = {"monthly": ("monthly_before_day", "monthly_on_day", "window"), "yearly": ("yearly_before",)}


def deadline_matcher(nlp: Language) -> Matcher:
    """One Matcher key per rule; greedy LONGEST keeps 'Định kỳ hằng tháng' whole rather than 'hằng tháng'."""
    matcher = Matcher(nlp.vocab)
    for name, patterns, _ in RULES:
        matcher.add(name, patterns, greedy="LONGEST")
    return matcher


def deadline_spans(doc: Doc, matcher: Matcher) -> list[Span]:
    """Non-overlapping rule matches, earlier rules first, returned in text order (label = rule name)."""
    spans = [Span(doc, start, end, label=key) for key, start, end in matcher(doc)]
    spans.sort(key=lambda s: (_PRIORITY[s.label_], s.start, -len(s)))
    taken: list[Span] = []
    for span in spans:
        if not any(span.start < t.end and t.start < span.end for t in taken):
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def structured(spans: list[Span]) -> list[Deadline]:
    """Each span as its deadline(s), with the Vietnamese phrase it came from; covered generic periods dropped."""
    found = [{**item, "text": span.text} for span in spans for item in _BUILD[span.label_](span)]
    kinds = {d["kind"] for d in found}
    return [d for d in found if not set(GENERIC.get(d["kind"], ())) & kinds]


@lru_cache(maxsize=1)
def _pipeline() -> tuple[Language, Matcher]:
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    return nlp, deadline_matcher(nlp)


def parse_deadlines(text: str) -> list[Deadline]:
    """All deadlines in a clause, in text order, each with the Vietnamese phrase it came from."""
    nlp, matcher = _pipeline()
    return structured(deadline_spans(nlp.make_doc(text), matcher))
