"""The blank Vietnamese spaCy pipeline: agencies (EntityRuler), topics (PhraseMatcher), legal references."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from knowledge.builder import facets as _facets  # noqa: F401  registers the facet_matcher factory
from knowledge.builder.deadlines import deadline_matcher, deadline_spans
from knowledge.builder.patterns import NAMED_LAWS, TOPIC_PHRASES
from knowledge.builder.tokenizer import WordTokenizer
from knowledge.builder.values import value_matcher, value_spans

_LEGAL_NUMBER = re.compile(
    r"(Bộ luật|Luật|Nghị định|Thông tư|Quyết định|Chỉ thị|Kế hoạch|Nghị quyết)"
    r"(?:[^;.]{0,40}?)\s(?:số\s*:?\s*)?(\d{1,4}(?:/\d{4})?/[A-ZĐ]{2,}(?:-[A-ZĐa-z]+)*|\d{1,3}-CT/TW)"
)


@Language.factory("topic_matcher")
def _topic_matcher(nlp: Language, name: str) -> TopicMatcher:
    return TopicMatcher(nlp)


class TopicMatcher:
    """Puts topic phrases in doc.spans['topics'] (label = topic); longer phrases win over the ones they contain."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.weights: dict[tuple[str, str], int] = {}
        for topic, phrases in TOPIC_PHRASES.items():
            self.matcher.add(topic, [nlp.make_doc(phrase) for phrase, _ in phrases])
            for phrase, weight in phrases:
                self.weights[(topic, phrase.lower())] = weight

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        doc.spans["topics"] = filter_spans(spans)
        return doc


class SpanRules:
    """Puts what one rule module's Matcher finds in doc.spans[key] (label = rule): deadline and period phrases
    (builder.deadlines), money, period, count, age and form phrases (builder.values)."""

    def __init__(self, key: str, matcher: Matcher, spans: Callable[[Doc, Matcher], list[Span]]) -> None:
        self.key, self.matcher, self.spans = key, matcher, spans

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.key] = self.spans(doc, self.matcher)
        return doc


@Language.factory("deadline_matcher")
def _deadline_matcher(nlp: Language, name: str) -> SpanRules:
    return SpanRules("deadlines", deadline_matcher(nlp), deadline_spans)


@Language.factory("value_matcher")
def _value_matcher(nlp: Language, name: str) -> SpanRules:
    return SpanRules("values", value_matcher(nlp), value_spans)


@Language.component("agency_filter")
def _agency_filter(doc: Doc) -> Doc:
    """'cơ sở y tế' is a health facility, not the 'Sở Y tế' (the ruler matches lower case)."""
    doc.ents = [
        e
        for e in doc.ents
        if not (
            e.label_ == "AGENCY" and e.start > 0 and doc[e.start - 1].lower_ == "cơ" and e[0].lower_ == "sở"
        )
    ]
    return doc


@Language.component("legal_refs")
def _legal_refs(doc: Doc) -> Doc:
    """'Nghị định số 219/2025/NĐ-CP' and 'Luật Nhập cảnh, ... tại Việt Nam' -> doc.spans['legal_refs']."""
    spans: list[Span] = []
    for match in _LEGAL_NUMBER.finditer(doc.text):
        span = doc.char_span(match.start(2), match.end(2), label=match.group(1), alignment_mode="expand")
        if span is not None:
            spans.append(span)
    for name in NAMED_LAWS:
        for match in re.finditer(re.escape(name), doc.text):
            span = doc.char_span(match.start(), match.end(), label="Luật", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    doc.spans["legal_refs"] = filter_spans(spans)
    return doc


def build_pipeline(agencies: list[dict[str, Any]]) -> Language:
    """spacy.blank('vi') without pyvi, our tokenizer, then entity_ruler -> agency_filter -> topic_matcher -> deadline_matcher ->
    value_matcher -> facet_matcher -> legal_refs."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "AGENCY", "pattern": p, "id": a["id"]} for a in agencies for p in a["patterns"]]
    )
    nlp.add_pipe("agency_filter")
    nlp.add_pipe("topic_matcher")
    nlp.add_pipe("deadline_matcher")
    nlp.add_pipe("value_matcher")
    nlp.add_pipe("facet_matcher")
    nlp.add_pipe("legal_refs")
    return nlp


def topic_weight(nlp: Language, topic: str, phrase: str) -> int:
    matcher = nlp.get_pipe("topic_matcher")
    assert isinstance(matcher, TopicMatcher)
    return matcher.weights.get((topic, phrase.lower()), 1)
