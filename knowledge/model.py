"""Answer, citation, agency and search-hit records returned by the query side (JSON-safe via to_dict)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, cast

from knowledge.provinces import Province


class _Record:
    """A dataclass record the query side returns: to_dict() gives it as JSON-safe nested dicts and lists."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(cast(Any, self))  # every subclass is a dataclass


@dataclass(frozen=True)
class Citation:
    """Where a fact comes from. source: 'decree' (generated from a decree) or 'national' (curated)."""

    doc_id: str
    doc_number: str
    article: str | None
    clause: str | None
    point: str | None
    quote_vi: str
    source: str
    unit_id: str | None = None
    status: str | None = None  # in_force | draft | guidance_letter | national
    # A national source that has no legal number is named by its title (legal-context.md's wording), never
    # by a made-up number: then doc_number is "".
    title: str | None = None
    title_vi: str | None = None
    # A point (điểm) continues its clause's opening words ("Phạt tiền từ ... đối với ... sau đây:"): what
    # the point says is read with them, so a value stated from them is quoted from them.
    lead_in: str | None = None
    # Where in quote_vi a short quote starts: the sentence the question points to (knowledge/quote_focus.py).
    focus: int = 0


@dataclass(frozen=True)
class AgencyRef:
    id: str
    name: str
    name_vi: str
    successor_id: str | None = None
    successor_name: str | None = None
    condition: str | None = None  # e.g. "employer outside industrial and high-tech zones"


@dataclass
class Answer(_Record):
    topic: str
    province: Province | None
    area: str | None
    covered: bool
    summary: str
    lang: str = "en"
    role: str | None = None
    agencies: list[AgencyRef] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    # For each step, the index in `citations` of the source it rests on (None: the assistant's own offer).
    step_sources: list[int | None] = field(default_factory=list)


@dataclass(frozen=True)
class Hit(_Record):
    score: float
    citation: Citation
    snippet: str
    topic: str | None


@dataclass(frozen=True)
class StatedValue:
    """A value the direct answer states, as the cited clause writes it (`text`) and as shown (`shown`)."""

    kind: str
    text: str
    shown: str
    citation: int  # index in Reply.citations


@dataclass
class Reply(_Record):
    """ask()'s answer to one question: the direct answer first, then its sources and caveats."""

    topic: str | None
    facet: str | None
    covered: bool
    direct: str
    lang: str = "en"
    citations: list[Citation] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    needs: tuple[str, ...] = ()
    province_matters: bool = False
    province: Province | None = None
    area: str | None = None
    values: list[StatedValue] = field(default_factory=list)
    # Each office named, with the role its clause gives it: (agency id, role, index in citations).
    roles: list[tuple[str, str, int]] = field(default_factory=list)
