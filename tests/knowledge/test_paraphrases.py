"""Paraphrase sweep: the ordinary ways people ask the same common thing get the same topic, facet and clause.

Real kb.json, no mocks. The table (tables/test_paraphrases.yaml) holds 6-10 wordings per main topic and facet,
in the four languages, short and long, with typos and context sentences; its header names, per (topic, facet),
the article of the texts on file that answers it, or that they are silent.
"""

from __future__ import annotations

from datetime import date

from knowledge import ask
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
