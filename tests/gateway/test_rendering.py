"""Pure parts: splitting long text, and callback data for buttons."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.gateway.buttons import ButtonStore
from bot.gateway.errors import ButtonExpiredError
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


def test_button_tokens_are_per_chat_and_bounded() -> None:
    store = ButtonStore(per_chat=2)
    payload = '/inform{"province":"Thừa Thiên Huế","ward":"Phường Phú Hội"}'
    first, second, third = (store.encode(1, payload + str(n)) for n in range(3))
    assert all(len(d.encode()) <= 64 for d in (first, second, third))
    assert store.decode(1, third) == payload + "2"
    with pytest.raises(ButtonExpiredError):
        store.decode(1, first)  # evicted by the per-chat bound
    with pytest.raises(ButtonExpiredError):
        store.decode(2, third)  # another chat cannot use it
    assert store.decode(9, store.encode(9, "/affirm")) == "/affirm"
