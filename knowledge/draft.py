"""A reply being composed: its sentences (at most three), the citations and values they rest on, the
offices named with their roles, and its caveats; plus how an office is named."""

from __future__ import annotations

from catalog import translator
from knowledge.answers import local_name, short_cite, unit_citation
from knowledge.model import Citation, StatedValue
from knowledge.selection import Unit
from knowledge.store import Kb

_t = translator("knowledge")

MAX_SENTENCES = 3


class Draft:
    """Sentences with the citations and values they rest on, in order."""

    def __init__(self, kb: Kb, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.sentences: list[str] = []
        self.citations: list[Citation] = []
        self.values: list[StatedValue] = []
        self.roles: list[tuple[str, str, int]] = []
        self.caveats: list[str] = []
        self.units: list[Unit] = []
        self.cited: dict[str, int] = {}
        self.labels: dict[str, str] = {}
        self.paper_route_said = False  # a limit said for the paper route only (the online one may differ)

    def cite(self, unit: Unit) -> tuple[int, str]:
        """Cite the unit (once) and return its position in the citations and its label."""
        position = self.cited.get(unit["id"])
        if position is None:
            position = self.cited[unit["id"]] = len(self.citations)
            self.citations.append(unit_citation(self.kb, unit))
            self.units.append(unit)
        return position, self.label(unit)

    def label(self, unit: Unit) -> str:
        """'282/2025/NĐ-CP, Điều 21, khoản 3, điểm e', without citing it yet."""
        found = self.labels.get(unit["id"])
        if found is None:
            found = self.labels[unit["id"]] = short_cite(unit_citation(self.kb, unit), self.lang)
        return found

    def say(self, sentence: str) -> bool:
        if sentence in self.sentences or len(self.sentences) >= MAX_SENTENCES:
            return False
        self.sentences.append(sentence)
        return True


def agency_label(kb: Kb, agency_id: str, lang: str) -> str:
    info = kb.agencies.get(agency_id)
    if not info:
        return agency_id
    name = local_name(info, lang)
    successor = info.get("successor")
    if successor and successor in kb.agencies:
        return _t("{old} (now {new})", lang, old=name, new=local_name(kb.agencies[successor], lang))
    return name
