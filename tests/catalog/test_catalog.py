"""The text catalogue: compiled from the .po files, read with gettext, complete in every language."""

from __future__ import annotations

import pytest

import catalog
from catalog.build import compile_all, problems


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    compile_all()
    catalog.reload()


def test_every_sentence_used_in_code_is_translated_in_every_language() -> None:
    assert problems() == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "I did not understand that."), ("vi", "Tôi chưa hiểu ý bạn."), ("zh", "我没有理解您的意思。")],
)
def test_text_reads_the_compiled_catalogue(lang: str, expected: str) -> None:
    assert catalog.text("dialogue", "I did not understand that.", lang) == expected


def test_a_sentence_missing_from_a_catalogue_falls_back_to_english() -> None:
    assert catalog.text("dialogue", "No such sentence {x}.", "ko", x=1) == "No such sentence 1."


def test_unknown_domain_is_refused() -> None:
    with pytest.raises(catalog.CatalogError, match="unknown catalogue domain"):
        catalog.translator("nope")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("vi-VN", "vi"),
        ("VI", "vi"),
        ("zh_Hans", "zh"),
        ("kr", "ko"),
        ("ko-KR", "ko"),
        ("fr", "en"),
        (None, "en"),
    ],
)
def test_language_codes_are_normalised_one_way(code: str | None, expected: str) -> None:
    assert catalog.normalise_language(code) == expected


def test_the_problem_check_notices_a_missing_translation(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    module = tmp_path / "uses.py"
    module.write_text(
        'from catalog import translator\n_t = translator("dialogue")\n_t("Brand new sentence.", "vi")\n'
    )
    monkeypatch.setitem(catalog.DOMAINS, "dialogue", (str(module),))
    missing = problems()
    assert "vi/dialogue: untranslated 'Brand new sentence.'" in missing
    assert "ko/dialogue: untranslated 'Brand new sentence.'" in missing
