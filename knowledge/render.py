"""Chat-ready text: an Answer in a few lines a person can act on, a search hit, and the quoted decree text.

A reply is chosen, never cut: lines are taken by importance (summary, office, first steps, first source, the
caveats a reader must see) while they fit the budget, then shown in reading order.
"""

from __future__ import annotations

from catalog import normalise_language, translator
from knowledge.answers import short_cite
from knowledge.model import Answer, Citation, Hit, Reply
from knowledge.templates import t

_t = translator("knowledge")

MAX_STEPS = 4
MAX_SOURCES = 3
MAX_OFFICES = 3
SNIPPET_CHARS = 180


def _lang(lang: str) -> str:
    return "vi" if lang == "vi" else "en"


def cite_line(citation: Citation, lang: str) -> str:
    """'QĐ .../2025/QĐ-UBND, Điều 5, khoản 1 (draft, not in force)'; national rules marked as curated."""
    text = short_cite(citation, lang)
    if citation.status == "draft":
        text += f" ({t('draft_mark', _lang(lang))})"
    return text


def _source_line(citation: Citation, lang: str) -> str:
    mark = f" ({t('national_mark', lang)})" if citation.source == "national" else ""
    return f"{t('source', lang)}{mark}: {cite_line(citation, lang)}"


def _office_line(ans: Answer, index: int, lang: str) -> str:
    agency = ans.agencies[index]
    name = agency.name
    if agency.successor_name:
        name += f" ({t('now', lang, name=agency.successor_name)})"
    if agency.condition:
        name += f" — {agency.condition}"
    return f"{t('office', lang)}: {name}"


def render_answer(ans: Answer, lang: str = "en", max_chars: int = 900) -> str:
    """Summary, office(s), 2-4 steps each with its 'Source:' line (3 at most), caveats; whole lines within
    max_chars, chosen by importance and shown in reading order."""
    lang = _lang(lang)
    offices = [_office_line(ans, i, lang) for i in range(min(len(ans.agencies), MAX_OFFICES))]
    sources: list[int | None] = (
        list(ans.step_sources) if len(ans.step_sources) == len(ans.steps) else [None] * len(ans.steps)
    )
    # Candidates in the order they earn their place: (section, position, text).
    wanted: list[tuple[int, int, str]] = [(0, 0, ans.summary)]
    wanted += [(1, 0, offices[0])] if offices else []

    def step(i: int) -> list[tuple[int, int, str]]:
        if i >= min(len(ans.steps), MAX_STEPS):
            return []
        src = sources[i]
        line = [(3, src, _source_line(ans.citations[src], lang))] if src is not None else []
        return [(2, i, f"• {ans.steps[i]}"), *line]

    notes = [(4, i, f"{t('note', lang)}: {c}") for i, c in enumerate(ans.caveats)]
    wanted += step(0) + step(1) + notes[:2] + step(2) + [(1, 1, o) for o in offices[1:2]] + notes[2:3]
    wanted += step(3) + [(1, 2, o) for o in offices[2:3]]
    wanted += [(3, i, _source_line(c, lang)) for i, c in enumerate(ans.citations) if i not in sources]
    wanted += notes[3:]

    kept: dict[tuple[int, int], str] = {}
    used = 0
    for section, position, text in wanted:
        key = (section, position)
        if key in kept:
            continue
        if section == 3 and sum(1 for k in kept if k[0] == 3) >= MAX_SOURCES:
            continue
        if section == 3 and position in sources and (2, sources.index(position)) not in kept:
            continue  # a step's source line goes with its step
        if used + len(text) + 1 <= max_chars:
            kept[key] = text
            used += len(text) + 1
    return "\n".join(kept[k] for k in sorted(kept))


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The clause's first sentence(s) within the limit; a longer sentence ends at a word with '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    for stop in (". ", "; "):
        end = cut.rfind(stop)
        if end >= limit // 3:
            return cut[: end + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _focused_snippet(citation: Citation, limit: int) -> str:
    """The clause's opening in a few words, then the sentence the question points to in the quote's own room
    ('…' between): the opening states the rule, the later sentence the case asked about."""
    if not citation.focus:
        return _snippet(citation.quote_vi, limit)
    head = _snippet(citation.quote_vi[: citation.focus], FOCUS_HEAD_CHARS).rstrip(" …")
    # The sentence the question points to is the case asked: its condition or number often ends it ('… trong thời
    # hạn không quá 12 tháng'), so it gets a first quote's room.
    return f"{head} … {_snippet(citation.quote_vi[citation.focus :], max(limit, FOCUS_CHARS))}"


def render_hit(hit: Hit, lang: str = "en") -> str:
    """One search hit as 2 lines: a short quote of the clause, then its citation (drafts marked)."""
    lang = _lang(lang)
    return f"“{_snippet(hit.snippet or hit.citation.quote_vi)}”\n— {cite_line(hit.citation, lang)}"


def render_quote(citation: Citation, lang: str = "en") -> str:
    """'QĐ 66/2024/QĐ-UBND, Điều 6, khoản 7:' followed by the Vietnamese text, quoted."""
    lang = _lang(lang)
    head = cite_line(citation, lang)
    if citation.source == "national":
        head += f" ({t('national_mark', lang)})"
    if not citation.quote_vi:
        return f"{head}: {t('no_text', lang)}"
    return f"{head}:\n“{citation.quote_vi}”"


REPLY_CHARS = 1200
QUOTE_CHARS = 160
FOCUS_HEAD_CHARS = 90  # the opening kept before the sentence a question points to
FOCUS_CHARS = 320  # the sentence a question points to, quoted at least this far
LONG_QUOTE_CHARS = 520


def render_reply(reply: Reply, lang: str = "en", max_chars: int = REPLY_CHARS) -> str:
    """Chat text: the direct answer, then each cited clause with a short Vietnamese quote, then caveats and
    what would make the answer better; whole lines only, within max_chars."""
    lang = normalise_language(lang)
    lines = [reply.direct]
    if "zone" in reply.needs:
        lines.append(_t("Is the employer inside an industrial or high-tech zone?", lang))
    elif "province" in reply.needs:
        lines.append(_t("Which province? The office there depends on it.", lang))
    # When the answer states no value of the first clause quoted, that clause is the answer: its quote gets
    # more room (a list's opening clause, e.g. who may be hired, even when other clauses' numbers are stated).
    with_quote = [i for i, c in enumerate(reply.citations) if c.quote_vi]
    stated = {v.citation for v in reply.values}
    first_chars = (
        LONG_QUOTE_CHARS if reply.covered and with_quote and with_quote[0] not in stated else QUOTE_CHARS
    )
    sources = [
        f"• {cite_line(reply.citations[p], lang)}: “"
        f"{_focused_snippet(reply.citations[p], first_chars if i == 0 else QUOTE_CHARS)}”"
        for i, p in enumerate(with_quote)
    ]
    notes = [_t("Note: {caveat}", lang, caveat=c) for c in reply.caveats]
    label = _t("Sources:", lang)
    chosen = [lines[0]]
    used = len(lines[0]) + len(label) + 1
    for line in [*lines[1:], *notes[:2], *sources, *notes[2:]]:
        if used + len(line) + 1 <= max_chars:
            chosen.append(line)
            used += len(line) + 1
    head = [x for x in chosen if x in lines]
    quoted = [x for x in chosen if x in sources]
    rest = [x for x in chosen if x in notes]
    return "\n".join([*head, *([label] if quoted else []), *quoted, *rest])
