"""Which clauses of an article belong to the answer a facet quotes from it.

Standard library only. A clause tagged with the facet belongs; so does every clause of an article whose title
says it lists cases ('Trường hợp bị thu hồi giấy phép lao động', Decree 219/2025 Art. 30), when one of its
clauses is tagged: the list's cases are one answer, and a case with no facet word of its own ('… bị khởi tố,
truy cứu trách nhiệm hình sự', Art. 30 k3) is still one of them. The form to fill ('khai Tờ khai ...', Decree
216/2026 Art. 22 k1) is one of the papers of an article listing a file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.selection import Unit, lists_entry_cases

_LIST_TITLE = re.compile(r"^(Các )?[Tt]rường hợp\b")


def in_answer(unit: Unit, facet: str, article: Sequence[Unit]) -> bool:
    """The unit is part of what its article says on the facet (`article`: the article's clauses)."""
    if facet in (unit.get("facets") or []) or (facet == "eligibility" and lists_entry_cases(unit)):
        return True
    if facet == "documents" and "forms" in (unit.get("facets") or []):
        return any(
            facet in (u.get("facets") or []) for u in article
        )  # the form filled is one of the file's papers
    return bool(_LIST_TITLE.match(unit.get("article_title") or "")) and any(
        facet in (u.get("facets") or []) for u in article
    )
