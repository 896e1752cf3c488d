"""One catalogue for every user-facing sentence, read with the standard library's gettext.

Standard library only: the Rasa actions (Python 3.10) and the API, gateway and knowledge code (3.11+)
import it alike. The English sentence is the message id (gettext's convention), so English needs no
catalogue; Vietnamese, Chinese and Korean live in ``catalog/locale/<lang>/LC_MESSAGES/<domain>.po``,
compiled to ``.mo`` at build time (``make setup`` runs ``python -m catalog.build``).

One domain per area so that each area's sentences sit in one file per language:

    from catalog import translator
    _t = translator("knowledge")
    _t("Fine: {amount}.", lang, amount="3-5 million VND")

Strings that sit in module-level tables are marked with ``N_`` (a no-op) so that extraction finds them,
and passed through the translator where they are shown.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "vi", "zh", "ko")
TRANSLATED: tuple[str, ...] = ("vi", "zh", "ko")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

# Which code each domain's sentences come from; the catalogue test extracts from these paths.
DOMAINS: dict[str, tuple[str, ...]] = {
    "knowledge": ("knowledge",),
    "dialogue": ("actions/core.py", "actions/qa.py", "actions/qa_texts.py", "actions/language.py"),
    "declare": ("actions/declare", "declaration_spec/fields.py"),
    "gateway": ("bot",),
    "api": ("api",),
    "console": ("api/console",),  # the officers' web console; its Jinja2 templates are extracted too
    # The Rasa domain's responses: their table is in the script that writes bot/domain/responses.yml.
    "responses": ("scripts/gen_domain_responses.py",),
}


class CatalogError(Exception):
    """The catalogue cannot serve a message: an unknown domain, or catalogues not compiled."""


_ALIASES = {
    "vn": "vi",
    "vie": "vi",
    "eng": "en",
    "zho": "zh",
    "cn": "zh",
    "chi": "zh",
    "kor": "ko",
    "kr": "ko",
}


def normalise_language(code: str | None) -> str:
    """'vi-VN', 'VI', 'zh_Hans', 'kr' -> one of LANGUAGES; anything unknown or empty -> English."""
    if not code:
        return DEFAULT_LANGUAGE
    base = code.strip().replace("_", "-").split("-")[0].lower()
    base = _ALIASES.get(base, base)
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def N_(message: str) -> str:
    return message


@cache
def _translations(domain: str, lang: str) -> gettext.NullTranslations:
    if domain not in DOMAINS:
        raise CatalogError(f"unknown catalogue domain {domain!r}; known: {', '.join(sorted(DOMAINS))}")
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    mo = LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.mo"
    po = mo.with_suffix(".po")
    if not po.exists():
        return gettext.NullTranslations()  # a domain with no sentence in this language yet
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise CatalogError(
            f"{mo} is missing or older than its .po: run `make setup` (python -m catalog.build)"
        )
    with mo.open("rb") as handle:
        return gettext.GNUTranslations(handle)


def text(domain: str, message: str, lang: str | None, **values: object) -> str:
    """The sentence in `lang` (English when the catalogue has no translation), with `values` filled in."""
    translated = _translations(domain, normalise_language(lang)).gettext(message)
    return translated.format(**values) if values else translated


def translator(domain: str) -> Callable[..., str]:
    """`_t = translator("dialogue")`; then `_t("Which province?", lang)`. Extraction keyword: `_t`."""
    _translations(domain, DEFAULT_LANGUAGE)  # fail at import on an unknown domain

    def _t(message: str, lang: str | None, **values: object) -> str:
        return text(domain, message, lang, **values)

    return _t


def reload() -> None:
    """Forget loaded catalogues (after a rebuild in the same process, e.g. in tests)."""
    _translations.cache_clear()
