"""The sentences of a message that ask, apart from the context told before them.

Standard library only. A forum post or a reader's letter says who writes and what they hold ('I have a work
permit valid until 2027 …') before it asks ('How long does the TRC take?'); sometimes it asks twice ('What
documents? Also, how long?'). The topic and the facet are read from the asking sentences first, in their
order, and from the whole message only when those name none.
"""

from __future__ import annotations

import re

# A sentence ends at a question or exclamation mark, a Chinese full stop, a full stop before a space, or a line.
_SENTENCE_END = re.compile(r"(?<=[?？!！。])\s*|(?<=\.)\s+|\n+")
_ASKS = re.compile(r"[?？]\s*$")


def asking_sentences(text: str) -> list[str]:
    """The sentences that ask, in order, when the message has more than one sentence ('Hi all, I rent a room.
    Is it my job to declare him?' -> ['Is it my job to declare him?']); [] for a one-sentence message, which is
    its own question. With no question mark the last sentence asks."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]
    if len(sentences) < 2:
        return []
    asking = [s for s in sentences if _ASKS.search(s)]
    # 'Do I need one? If so, what papers? If not, must I notify?': the later questions hang on the first's answer;
    # the first says what is asked.
    return [s for i, s in enumerate(asking) if not (i and _IF_SO.match(s))] or sentences[-1:]


_IF_SO = re.compile(
    r"(if (so|not|yes|no|it is|it isn t|they do|i do|we do)\b|(nếu|neu) (có|co|không|khong|phải|phai|cần|can|được|duoc)\b|"
    r"如果(是|不是|需要|不需要|要|不要|有|没有)|若(是|否)|(만약\s*)?그렇다면|(만약\s*)?아니라면|필요하다면|필요\s*없다면)",
    re.IGNORECASE,
)


# 'Why was the certificate refused?', 'Tại sao …', '为什么…', '왜 …': a reason for what happened to the asker.
_WHY = re.compile(r"\bwhy\b|\b(tại|tai|vì|vi) sao\b|为什么|为何|왜", re.IGNORECASE)


def asks_reason(text: str) -> bool:
    """The asking sentences ask why: the law states rules, not an office's reason for its decision."""
    asked = asking_sentences(text)
    return bool(_WHY.search(" ".join(asked) if asked else text))
