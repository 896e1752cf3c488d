"""Pure parts: splitting long text and escaping it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.gateway.rendering import escape_html, split_message, telegram_length


@given(st.text(alphabet=st.sampled_from(["a", "ậ", "😀", " ", "\n", "<", "&"]), max_size=400))
def test_split_chunks_fit_and_keep_every_visible_character(text: str) -> None:
    chunks = split_message(text, limit=30)
    assert all(1 <= telegram_length(chunk) <= 30 for chunk in chunks)
    assert "".join(chunks).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_split_prefers_line_breaks_then_spaces() -> None:
    assert split_message("aaa bbb\nccc", limit=8) == ["aaa bbb", "ccc"]
    assert split_message("aaa bbb ccc", limit=8) == ["aaa bbb", "ccc"]
    assert split_message("x" * 10, limit=4) == ["xxxx", "xxxx", "xx"]
    assert split_message("😀😀😀", limit=4) == ["😀😀", "😀"]  # UTF-16: two units per emoji
    assert split_message("  \n ") == []


def test_escape_html_leaves_quotes_alone() -> None:
    assert escape_html('a < b & "c"') == 'a &lt; b &amp; "c"'
