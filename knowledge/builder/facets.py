"""Facet tagging: which questions a clause answers (facet names: knowledge/facets.py, phrases: patterns.FACET_PHRASES).

A PhraseMatcher puts facet phrases in doc.spans['facets']; a unit's facets are those of its own text, its article
title and its lead-in, plus those its values imply: a fine is a penalty, a validity period a validity, a time limit
running from the filing ('kể từ ngày nhận đủ hồ sơ') a processing time, any other time limit a deadline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from knowledge.builder.patterns import (
    FACET_PHRASES,
    FEE_NOT_AFTER,
    FILER_SUBJECTS,
    FILING_ACTS,
    NOT_FILING_AFTER,
)

ORDER = tuple(FACET_PHRASES)
_PROCESSING_AFTER = ("kể từ ngày nhận", "kể từ khi nhận", "kể từ ngày cơ quan")


class FacetMatcher:
    """doc.spans['facets']: facet phrases, label = facet."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for facet, phrases in FACET_PHRASES.items():
            self.matcher.add(facet, [nlp.make_doc(p) for p in phrases])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=k) for k, s, e in self.matcher(doc)]
        # A phrase listed under two facets gives both ('có quyền yêu cầu': who may ask, and whether one may).
        kept = {(s.start, s.end) for s in filter_spans(spans)}
        doc.spans["facets"] = [
            s for s in spans if (s.start, s.end) in kept and not _is_cost(s) and not _is_certificate_name(s)
        ]
        return doc


def _is_cost(span: Span) -> bool:
    return span.label_ == "fee" and span.start > 0 and span.doc[span.start - 1].lower_ in FEE_NOT_AFTER


def _is_certificate_name(span: Span) -> bool:
    """'giấy xác nhận không thuộc diện cấp giấy phép lao động' names a certificate; the phrase alone (Decree
    219/2025 Art. 7, Labour Code Art. 154) says who is exempt."""
    doc = span.doc
    return (
        span.label_ == "exemption"
        and span.start >= 2
        and doc[span.start - 2 : span.start].text.lower() == "xác nhận"
    )


@Language.factory("facet_matcher")
def _facet_matcher(nlp: Language, name: str) -> FacetMatcher:
    return FacetMatcher(nlp)


def phrase_facets(doc: Doc) -> set[str]:
    return {span.label_ for span in doc.spans["facets"]} | filer_facets(doc.text)


# A subject at the start of a sentence, or a person ('người ...') after an opening phrase ('Trong thời hạn 60
# ngày ..., người sử dụng lao động nộp hồ sơ'; a body after a comma is an item of a list: 'Văn bản đề nghị của cơ
# quan, tổ chức, cá nhân làm thủ tục mời'), then its filing act in the same sentence.
_FILER = re.compile(
    rf"(?:(?:^|[.;:]\s+)(?:{'|'.join(map(re.escape, FILER_SUBJECTS))})|,\s+người)(?!\w)[^.;:]{{0,120}}?"
    rf"(?<!\w)(?P<act>(?:trực tiếp\s+)?(?:{'|'.join(map(re.escape, FILING_ACTS))}))(?!\w)",
    re.IGNORECASE,
)
_NOT_FILING = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, NOT_FILING_AFTER))})\s+$", re.IGNORECASE)


def filer_facets(text: str) -> set[str]:
    """'who' when a sentence names who files ('Người sử dụng lao động nộp hồ sơ ...'): the filing party is the
    answer to 'who applies', though the clause has no word of duty. Not a filing named as a time, a past act or
    a purpose, nor one left undone ('đến ngày nộp hồ sơ', 'đã nộp hồ sơ', 'để làm thủ tục', 'không làm thủ tục
    nhập cảnh': a fined act)."""
    for match in _FILER.finditer(text):
        if not _NOT_FILING.search(text[match.start() : match.start("act")]):
            return {"who"}
    return set()


def value_facets(text: str, values: Iterable[dict[str, Any]], processing_article: bool = False) -> set[str]:
    """processing_article: the article's title is about the authority's time ('Thời hạn cấp Phiếu lý lịch tư
    pháp'), so its time limits are processing times."""
    out: set[str] = set()
    lower = text.lower()
    for value in values:
        kind = value["kind"]
        if kind in ("money", "money_range") and ("phạt" in lower or "xử phạt" in lower):
            out.add("penalty")
        elif kind in ("money", "money_range") and "phí" in lower.split():
            out.add("fee")
        elif kind == "duration" and value["norm"].get("unit") in ("month", "year"):
            out.add("validity")
        elif kind == "time_limit":
            after = lower[value["end"] : value["end"] + 60]
            processing = processing_article or any(p in after for p in _PROCESSING_AFTER)
            out.add("processing_time" if processing else "deadline")
        elif kind == "document":
            out.add("documents")
        elif kind == "form":
            out.add("forms")
        elif kind == "count" and "phạt" in lower:
            out.add("penalty")
    return out


def ordered(facets: set[str]) -> list[str]:
    return [f for f in ORDER if f in facets]
