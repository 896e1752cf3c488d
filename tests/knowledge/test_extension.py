"""Extending a visa or a stay asks the extension's steps: Law 47/2014 Art. 35 'Gia hạn tạm trú' (issue #11).

Real kb.json, no mocks. Art. 35 k1: the foreigner asks the inviting or sponsoring body to file at the immigration
office or the Ministry of Foreign Affairs; k3: decided within 05 working days of a complete file. Neither the
visa's first issue through an inviting body (Art. 15) nor a change of the visa's purpose (Art. 7 k5) is how a
stay is extended.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)

EXTEND = [
    ("gia hạn visa", "vi"),
    ("gia hạn tạm trú", "vi"),
    ("Thủ tục gia hạn tạm trú cho người nước ngoài?", "vi"),
    ("How to extend my visa?", "en"),
    ("Can I extend my tourist visa in Vietnam?", "en"),
    ("如何延长签证", "zh"),
    ("비자 연장", "ko"),
    ("비자 연장 방법은?", "ko"),
]


@pytest.mark.parametrize(("text", "lang"), EXTEND)
def test_extending_a_visa_or_stay_is_answered_by_the_extension_article(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    assert r.facet == "procedure" and r.covered, r.direct
    articles = {(c.doc_number, c.article) for c in r.citations}
    assert ("47/2014/QH13", "Điều 35") in articles, articles
    assert not articles & {("47/2014/QH13", "Điều 15"), ("47/2014/QH13", "Điều 7")}, articles
    assert any("05 ngày làm việc" in v.text for v in r.values), [v.text for v in r.values]
