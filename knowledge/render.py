"""Chat-ready text for an Answer, and the quoted decree text for 'show me the decree'."""

from __future__ import annotations

from knowledge.answers import short_cite
from knowledge.model import Answer, Citation
from knowledge.templates import t


def render_answer(ans: Answer, lang: str = "en", max_chars: int = 900) -> str:
    """Summary, offices, steps, 'Source:' lines (national ones marked), caveats; cut at whole lines."""
    lang = "vi" if lang == "vi" else "en"
    lines = [ans.summary]
    for agency in ans.agencies:
        name = agency.name
        if agency.successor_name:
            name += f" ({t('now', lang, name=agency.successor_name)})"
        if agency.condition:
            name += f" — {agency.condition}"
        lines.append(f"{t('office', lang)}: {name}")
    lines += [f"• {step}" for step in ans.steps]
    for citation in ans.citations:
        mark = f" ({t('national_mark', lang)})" if citation.source == "national" else ""
        lines.append(f"{t('source', lang)}{mark}: {short_cite(citation)}")
    lines += [f"{t('note', lang)}: {caveat}" for caveat in ans.caveats]
    out: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > max_chars and out:
            out.append("…")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


def render_quote(citation: Citation, lang: str = "en") -> str:
    """'QĐ 66/2024/QĐ-UBND, Điều 6, khoản 7:' followed by the Vietnamese text, quoted."""
    lang = "vi" if lang == "vi" else "en"
    head = short_cite(citation)
    if citation.source == "national":
        head += f" ({t('national_mark', lang)})"
    if not citation.quote_vi:
        return head + (": (no verbatim text on file)" if lang == "en" else ": (không có nguyên văn)")
    return f"{head}:\n“{citation.quote_vi}”"
