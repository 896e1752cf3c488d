"""Paraphrase sweep: the ordinary ways people ask the same common thing get the same topic, facet and clause.

Real kb.json, no mocks. The table (tables/test_paraphrases.yaml) holds 6-10 wordings per main topic and facet,
in the four languages, short and long, with typos and context sentences; its header names, per (topic, facet),
the article of the texts on file that answers it, or that they are silent.
"""

from __future__ import annotations

import re
from datetime import date

from knowledge import ask, render_reply
from knowledge.text import fold
from tests.tables import cases

TODAY = date(2026, 12, 1)


def check_reply(text: str, lang: str, topic: str, facet: str | list[str], articles: list[str]) -> None:
    """The reply's topic and facet (one of them, for a message asking two) and a cited article of the row."""
    r = ask(text, lang=lang, on=TODAY)
    cited = {f"{c.doc_number} {c.article}" for c in r.citations}
    assert r.topic == topic and r.facet in ([facet] if isinstance(facet, str) else facet), r.direct
    assert r.covered == bool(articles), r.direct
    assert not articles or cited & set(articles), sorted(cited)


@cases("text, lang, topic, facet, articles")
def test_a_common_wording_gets_its_topic_facet_and_clause(
    text: str, lang: str, topic: str, facet: str, articles: list[str]
) -> None:
    check_reply(text, lang, topic, facet, articles)


Facts = list[list[str]]


def missing_facts(text: str, lang: str, facts: Facts) -> list[str]:
    """The facts (first spelling) none of whose spellings the shown reply contains, as whole folded words (no
    marks, case or punctuation): the content sweeps' check that the reply states what was asked."""
    shown = fold(render_reply(ask(text, lang=lang, on=TODAY), lang))
    return [
        fact[0]
        for fact in facts
        if not any(re.search(rf"(?<!\w){re.escape(fold(alt))}(?!\w)", shown) for alt in fact)
    ]


def check_content(
    text: str, lang: str, topic: str, facet: str | list[str], articles: list[str], facts: Facts
) -> None:
    """check_reply, and every fact of the row in the shown reply."""
    check_reply(text, lang, topic, facet, articles)
    missing = missing_facts(text, lang, facts)
    assert not missing, f"missing {missing} in: {render_reply(ask(text, lang=lang, on=TODAY), lang)}"
