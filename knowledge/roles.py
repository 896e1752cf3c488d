"""What each office does in a clause, read from the builder's agency roles (contract `agency_roles`).

One definition for both answer APIs. A role that sends a person somewhere must have its verb in the clause:
a safety net under the builder's reading, so that 'cung cấp' (supply), 'được cấp' (was issued) or 'cấp
huyện' (level) never reads as issuing. Two readings are refined from the clause's words: 'informs' that is a
public announcement ('công bố công khai') is publishing, and 'is reported to' that is a notice ('thông báo
về Sở ...') is the office a person notifies.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE_EVIDENCE = {
    "issues": re.compile(
        r"(?<![Cc]ung )(?<!được )[Cc]ấp\b(?! (huyện|tỉnh|xã|trung ương|thành phố|bộ|có thẩm quyền))"
    ),
    "decides": re.compile(r"quyết định|(?<!từ chối )giải quyết|chấp thuận|xem xét|cho phép", re.IGNORECASE),
    # 'làm thủ tục tại cơ quan quản lý xuất nhập cảnh': the office where the procedure is done takes the file.
    "receives": re.compile(r"tiếp nhận|nhận|nộp|gửi|chuyển|khai báo|làm thủ tục", re.IGNORECASE),
}
_PUBLISHES = re.compile(r"công bố công khai", re.IGNORECASE)
_NOTIFIES = re.compile(r"thông báo (bằng văn bản )?(về|cho|đến|với|tới)\s*$", re.IGNORECASE)


def _notified_here(text: str, start: Any) -> bool:
    """'thông báo về Sở Lao động ...': the notice verb right before this mention of the office."""
    return isinstance(start, int) and bool(_NOTIFIES.search(text[max(0, start - 40) : start]))


_READ: dict[str, list[tuple[str, str]]] = {}


def unit_roles(unit: dict[str, Any]) -> list[tuple[str, str]]:
    """(agency, role) of each office the clause names, in the clause's order, each pair once (read once per
    unit: unit ids are unique and the loaded kb does not change)."""
    found = _READ.get(unit["id"])
    if found is None:
        if len(_READ) > 50_000:
            _READ.clear()
        found = _READ[unit["id"]] = _read(unit)
    return found


# An office named as the author of another text ('Thông tư số 53/2016/TT-BCA ... của Bộ trưởng Bộ Công an
# quy định cách thức ... tiếp nhận') does nothing in this clause.
_AUTHOR = re.compile(r"(Thông tư|Nghị định|Quyết định|Luật|Chỉ thị)[^.;]{0,60}\b(của|do) (Bộ trưởng )?$")


def _author_only(text: str, mention: dict[str, Any]) -> bool:
    start = mention.get("start")
    if mention.get("where", "text") != "text" or not isinstance(start, int):
        return False
    return bool(_AUTHOR.search(text[max(0, start - 90) : start]))


def _read(unit: dict[str, Any]) -> list[tuple[str, str]]:
    roles: list[tuple[str, str]] = []
    for mention in unit.get("agency_roles") or []:
        role = str(mention.get("role"))
        if _author_only(unit["text"], mention):
            continue
        evidence = _ROLE_EVIDENCE.get(role)
        if evidence is not None and not evidence.search(unit["text"]):
            continue
        if role == "informs" and _PUBLISHES.search(unit["text"]):
            role = "publishes"
        elif role == "is_reported_to" and _notified_here(unit["text"], mention.get("start")):
            role = "notified"
        if mention.get("agency") and (str(mention["agency"]), role) not in roles:
            roles.append((str(mention["agency"]), role))
    return roles
