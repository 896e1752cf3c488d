"""Word tokenizer for the blank Vietnamese pipeline: punctuation split off, dates and legal numbers kept whole."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.vocab import Vocab

# '15/12', '66/2024/QĐ-UBND' and '3.000.000' stay one token each, so Matcher patterns test them with one REGEX.
_TOKEN = re.compile(
    r"\d+(?:/\d+)+(?:/[A-ZĐa-z\-]+)?|\d{1,3}(?:\.\d{3})+(?!\d)|\w+(?:-\w+)*|[^\w\s]", re.UNICODE
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
