"""The blank Vietnamese spaCy pipeline: agencies (EntityRuler), topics (PhraseMatcher), legal references."""

from __future__ import annotations

import re
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from knowledge.builder.patterns import NAMED_LAWS, TOPIC_PHRASES

_TOKEN = re.compile(r"\d+(?:/\d+)+(?:/[A-ZĐa-z\-]+)?|\w+(?:-\w+)*|[^\w\s]", re.UNICODE)
_LEGAL_NUMBER = re.compile(
    r"(Bộ luật|Luật|Nghị định|Thông tư|Quyết định|Chỉ thị|Kế hoạch|Nghị quyết)"
    r"(?:[^;.]{0,40}?)\s(?:số\s*:?\s*)?(\d{1,4}(?:/\d{4})?/[A-ZĐ]{2,}(?:-[A-ZĐa-z]+)*|\d{1,3}-CT/TW)"
)


class WordTokenizer:
    """Splits punctuation off words ('hội,' -> 'hội' ','); the default vi tokenizer splits on spaces only."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for match in _TOKEN.finditer(text):
            words.append(match.group())
            end = match.end()
            spaces.append(end < len(text) and text[end].isspace())
        return Doc(self.vocab, words=words, spaces=spaces)


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
    """spacy.blank('vi') without pyvi, our tokenizer, then entity_ruler -> topic_matcher -> legal_refs."""
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = WordTokenizer(nlp.vocab)
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "AGENCY", "pattern": p, "id": a["id"]} for a in agencies for p in a["patterns"]]
    )
    nlp.add_pipe("topic_matcher")
    nlp.add_pipe("legal_refs")
    return nlp


def topic_weight(nlp: Language, topic: str, phrase: str) -> int:
    matcher = nlp.get_pipe("topic_matcher")
    assert isinstance(matcher, TopicMatcher)
    return matcher.weights.get((topic, phrase.lower()), 1)
