"""Facets with no number to state (who, conditions, exemptions, steps): name the articles that set them
and quote them, the best article from its start."""

from __future__ import annotations

from datetime import date

from catalog import translator
from knowledge.draft import Draft
from knowledge.ranking import NEAR_BEST, ranked_clauses
from knowledge.selection import in_force, index_for
from knowledge.store import Kb

_t = translator("knowledge")

PLAIN_QUOTES = 5  # clauses quoted from the article that answers a facet with no value to state


def compose_plain(
    kb: Kb,
    draft: Draft,
    topic: str,
    facet: str,
    question: str,
    text: str,
    on: date,
    generic: bool = False,
    lead: str | None = None,
) -> None:
    """Facets with no number to state (who, conditions, exemptions, steps): name the clauses that set them."""
    ranked = ranked_clauses(kb, topic, facet, question, text, on)
    if not ranked:
        return
    best = ranked[0][0]
    cites: list[str] = []
    articles: set[tuple[str, str]] = set()
    for score, unit in ranked:
        if score < best * NEAR_BEST or len(cites) >= 2:
            break
        if (unit["doc_id"], unit["article"]) in articles:
            continue  # the article is named already; its best clause is quoted
        articles.add((unit["doc_id"], unit["article"]))
        label = draft.label(unit)
        siblings = [
            p
            for p in index_for(kb).by_article[(unit["doc_id"], unit["article"])]
            if kb.units[p].get("clause")
        ]
        if not cites:
            # The best article is quoted from its start: its clauses that answer the facet, in order (the
            # conditions of Art. 151 are its khoản 1 with points a-d, not the clause that matched best).
            in_order = [
                kb.units[p]
                for p in siblings
                if facet in (kb.units[p].get("facets") or []) and in_force(kb, kb.units[p], on)
            ]
            for part in in_order[:PLAIN_QUOTES] or [unit]:
                draft.cite(part)
        else:
            draft.cite(unit)
        cites.append(label.split(", khoản")[0] if len(siblings) > 1 else label)
    labels = {
        "who": _t("Who must do it is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)),
        "eligibility": _t(
            "The conditions are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "exemption": _t(
            "The exempt cases are listed in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "documents": _t(
            "The documents required are set out in {cites} (quoted below).",
            draft.lang,
            cites="; ".join(cites),
        ),
        "procedure": _t(
            "The steps are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
    }
    if lead is not None:  # the caller's own words for what the quotes are
        draft.say(_t(lead, draft.lang, cites="; ".join(cites)))
        return
    draft.say(
        (None if generic else labels.get(facet))
        or _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites))
    )
