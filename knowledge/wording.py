"""The words of a direct answer: values as a person reads them, and each office's role as its clause gives it.

Every sentence goes through the catalogue (domain "knowledge"); values come from kb.json units (their `norm`),
never from this file. A value whose norm this file does not know is shown as the clause writes it.
"""

from __future__ import annotations

from typing import Any

from catalog import N_, translator

_t = translator("knowledge")

# Which value kinds answer which facet (the builder's kinds, contract `values`).
FACET_KINDS: dict[str, tuple[str, ...]] = {
    "penalty": ("money_range", "money"),
    "fee": ("money", "money_range"),
    "deadline": ("time_limit", "duration"),  # a duration: only a renewal interval (fit.value_answers)
    "processing_time": ("time_limit", "duration"),
    "validity": ("duration",),
    "documents": ("document",),
    "forms": ("form",),
}

# Roles under which a person can be sent to an office: the clause says it takes or decides applications.
APPLY_ROLES = frozenset({"receives", "decides"})
ISSUE_ROLES = frozenset({"issues"})
# What each role lets an answer say; an office is only ever described by the verb its clause uses.
ROLE_SENTENCES: dict[str, str] = {
    "receives": N_("Apply to {agency}: it receives the applications ({cite})."),
    "decides": N_("Apply to {agency}: it decides on the applications ({cite})."),
    "issues": N_("{agency} issues it ({cite})."),
    "leads": N_("{agency} leads this work ({cite})."),
    "coordinates": N_(
        "{agency} coordinates with the offices in charge; it does not take applications ({cite})."
    ),
    "guides": N_("{agency} guides and explains the procedure ({cite})."),
    "reports_to": N_("{agency} reports on this to {target} ({cite})."),
    "reports": N_("{agency} reports on this ({cite})."),
    "is_reported_to": N_("{agency} receives reports from the offices involved ({cite})."),
    "inspects": N_("{agency} inspects and checks this ({cite})."),
    "informs": N_("{agency} provides information to the offices involved ({cite})."),
    "publishes": N_("{agency} publishes the list on its portal ({cite})."),
    "notified": N_("Notices go to {agency} ({cite})."),
}

_UNITS: dict[tuple[str, bool], str] = {
    ("year", False): N_("{n} years"),
    ("year", True): N_("{n} year"),
    ("month", False): N_("{n} months"),
    ("month", True): N_("{n} month"),
    ("day", False): N_("{n} days"),
    ("day", True): N_("{n} day"),
    ("working_day", False): N_("{n} working days"),
    ("working_day", True): N_("{n} working day"),
    ("hour", False): N_("{n} hours"),
    ("hour", True): N_("{n} hour"),
}
_UNIT_ALIASES = {
    "years": "year",
    "nam": "year",
    "months": "month",
    "thang": "month",
    "days": "day",
    "ngay": "day",
    "working_days": "working_day",
    "hours": "hour",
    "gio": "hour",
}


def money(vnd: int | float, lang: str) -> str:
    """3000000 -> '3,000,000' (vi: '3.000.000')."""
    text = f"{int(vnd):,}"
    return text.replace(",", ".") if lang == "vi" else text


def _number(norm: dict[str, Any], *keys: str) -> float | None:
    for key in keys:
        value = norm.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
    return None


def _amount(n: float, unit: str, lang: str) -> str:
    unit = _UNIT_ALIASES.get(unit, unit)
    whole = int(n) if float(n).is_integer() else n
    template = _UNITS.get((unit, whole == 1))
    return _t(template, lang, n=whole) if template else f"{whole} {unit}"


def _span(norm: dict[str, Any], lang: str) -> str | None:
    """A duration or time limit: {'amount': 2, 'unit': 'year'}, {'hours': 12}, {'days': 5, 'working': true}."""
    amount = _number(norm, "amount", "value", "n")
    if amount is not None and isinstance(norm.get("unit"), str):
        unit = str(norm["unit"])
        if norm.get("working") and unit in ("day", "days"):
            unit = "working_day"
        return _amount(amount, unit, lang)
    for key, unit in (
        ("working_days", "working_day"),
        ("years", "year"),
        ("months", "month"),
        ("days", "day"),
        ("hours", "hour"),
    ):
        n = _number(norm, key)
        if n is not None:
            return _amount(n, "working_day" if unit == "day" and norm.get("working") else unit, lang)
    return None


def _bound(text: str, shown: str, lang: str) -> str:
    """'không quá 02 năm' / 'tối đa 02 năm' is a maximum: 'up to 2 years'."""
    lowered = text.lower()
    if "tối đa" in lowered or "không quá" in lowered:
        return _t("up to {span}", lang, span=shown)
    if "ít nhất" in lowered or "tối thiểu" in lowered or "không ít hơn" in lowered:
        return _t("at least {span}", lang, span=shown)
    return shown


def show_value(value: dict[str, Any], lang: str) -> str:
    """How a value of a unit reads in `lang`; the clause's own words when the norm is of an unknown shape."""
    kind = value.get("kind")
    norm = value.get("norm") or {}
    text = str(value.get("text", ""))
    if kind in ("money", "money_range"):
        low = _number(norm, "min_vnd", "vnd", "amount_vnd")
        high = _number(norm, "max_vnd")
        if low is not None and high is not None and high != low:
            return _t("{low}–{high} VND", lang, low=money(low, lang), high=money(high, lang))
        if low is not None or high is not None:
            return _t("{amount} VND", lang, amount=money(low if low is not None else high or 0, lang))
    if kind in ("duration", "time_limit"):
        if norm.get("immediately") or norm.get("kind") == "immediately":
            return _t("immediately", lang)
        span = _span(norm, lang)
        if span and norm.get("every"):
            return _t("renewed every {span}", lang, span=span)  # 'Định kỳ 10 năm một lần ... cấp đổi thẻ'
        if span:
            return _bound(text, span, lang)
    if kind in ("count", "age"):
        low = _number(norm, "min", "from")
        high = _number(norm, "max", "to")
        if low is not None and high is not None:
            return _t("{low}–{high}", lang, low=int(low), high=int(high))
        if low is not None:
            return _t("{low} or more", lang, low=int(low))
        single = _number(norm, "value", "count", "amount", "age")
        if single is not None:
            return str(int(single))
    return text


def role_sentence(role: str, agency: str, cite: str, lang: str, target: str | None = None) -> str | None:
    template = ROLE_SENTENCES.get("reports" if role == "reports_to" and not target else role)
    if template is None:
        return None
    return _t(template, lang, agency=agency, cite=cite, target=target or "")


def facet_sentence(facet: str, lang: str, **values: str) -> str:
    """One sentence of a direct answer for a facet whose values are listed."""
    templates = {
        "penalty": N_("Fine: {values} ({cite})."),
        "fee": N_("Fee: {values} ({cite})."),
        "deadline": N_("Time limit: {values} ({cite})."),
        "processing_time": N_("Processing time: {values} ({cite})."),
        "validity": N_("Validity: {values} ({cite})."),
        "documents": N_("Documents required ({cite}): {values}."),
        "forms": N_("Forms: {values} ({cite})."),
    }
    return _t(templates[facet], lang, **values)


def listed(items: list[str]) -> str:
    return "; ".join(items)
