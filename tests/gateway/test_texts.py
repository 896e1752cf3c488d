"""The gateway's own notices come from the catalogue in the client's language."""

from __future__ import annotations

import pytest

from bot.gateway.texts import _TEXTS, language_of, text


@pytest.mark.parametrize(
    ("code", "expected"), [("vi-VN", "vi"), ("ko", "ko"), ("zh-hans", "zh"), ("fr", "en"), (None, "en")]
)
def test_client_language_codes_map_to_catalogue_languages(code: str | None, expected: str) -> None:
    assert language_of(code) == expected


@pytest.mark.parametrize("language", ["vi", "zh", "ko"])
def test_every_notice_is_translated(language: str) -> None:
    for key, english in _TEXTS.items():
        assert text(key, language) != english, (language, key)
    assert "{quote}" in text("rasa_unsure", language)
