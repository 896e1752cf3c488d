"""Turning Rasa's plain text into Telegram HTML messages that fit Telegram's limits."""

from __future__ import annotations

import html

from telegram.constants import MessageLimit

MAX_MESSAGE_LENGTH: int = MessageLimit.MAX_TEXT_LENGTH  # 4096


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units, so an emoji outside the BMP counts twice."""
    return len(text.encode("utf-16-le")) // 2


def escape_html(text: str) -> str:
    """Rasa's responses are plain text; escape them so parse_mode=HTML shows them verbatim."""
    return html.escape(text, quote=False)


def split_message(text: str, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """Split plain text into chunks of at most `limit`, preferring line breaks, then spaces.

    >>> split_message("one\\ntwo", limit=5)
    ['one', 'two']
    """
    if not text.strip():
        return []
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if telegram_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        # A single line longer than the limit: cut it at spaces, or hard-cut as a last resort.
        pieces = _split_long_line(line, limit)
        chunks.extend(pieces[:-1])
        current = pieces[-1]
    if current.strip():
        chunks.append(current)
    return [chunk for chunk in chunks if chunk.strip()]


def _split_long_line(line: str, limit: int) -> list[str]:
    pieces: list[str] = []
    rest = line
    while telegram_length(rest) > limit:
        cut = _prefix_fitting(rest, limit)
        space = rest.rfind(" ", 0, cut + 1)
        if space > 0:
            pieces.append(rest[:space])
            rest = rest[space + 1 :]
        else:
            pieces.append(rest[:cut])
            rest = rest[cut:]
    pieces.append(rest)
    return pieces


def _prefix_fitting(text: str, limit: int) -> int:
    """Number of leading code points whose Telegram length is at most `limit`."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if ord(char) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)
