"""A visa or residence card that has expired while its holder stays on is an overstay (issue #11).

Real kb.json, no mocks. Decree 282/2025 Art. 21 fines the foreigner who 'sử dụng chứng nhận tạm trú, gia hạn
tạm trú, thẻ tạm trú ... quá thời hạn' in bands by the days overstayed (k2 đ: under 16 days, up to k7/k8: a
year or more); k7 b (entering or acting for another purpose than the visa's) is another act. An expired paper
is read in each language and in either word order.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask
from knowledge.fit import act_phrases

TODAY = date(2026, 12, 1)
OVERSTAY = "su dung chung nhan tam tru gia han tam tru the tam tru qua thoi han"

EXPIRED = [
    ("thẻ tạm trú hết hạn bị phạt bao nhiêu?", "vi"),
    ("Thẻ tạm trú đã hết hạn sử dụng thì bị xử phạt thế nào?", "vi"),
    ("Hết hạn thẻ tạm trú nhưng vẫn ở lại Việt Nam bị phạt thế nào?", "vi"),
    ("visa hết hạn bị phạt gì?", "vi"),
    ("TRC expired, what fine?", "en"),
    ("What is the fine for an expired TRC?", "en"),
    ("Penalty for an expired temporary residence card?", "en"),
    ("My residence card expired, what is the fine?", "en"),
    ("签证过期罚款", "zh"),
    ("签证到期了还留在越南会被罚吗", "zh"),
    ("비자 만료 벌금", "ko"),
    ("거주증 만료 벌금은?", "ko"),
]


@pytest.mark.parametrize(("text", "lang"), EXPIRED)
def test_an_expired_paper_is_fined_as_an_overstay_by_days(text: str, lang: str) -> None:
    assert OVERSTAY in act_phrases(text)
    r = ask(text, lang=lang, on=TODAY)
    assert r.facet == "penalty" and r.covered, r.direct
    acts = [c for c in r.citations if c.doc_number == "282/2025/NĐ-CP" and c.article == "Điều 21"]
    fined = [c for c in acts if c.quote_vi.startswith("Người nước ngoài") or "đối với hành vi" in c.quote_vi]
    assert len(fined) >= 5, [c.quote_vi[:80] for c in r.citations]  # the bands by days overstayed
    assert all("quá thời hạn" in c.quote_vi for c in fined), [c.quote_vi[:80] for c in fined]
    assert not any("không đúng mục đích" in c.quote_vi for c in r.citations)  # k7 b is another act


@pytest.mark.parametrize(
    "text",
    [
        "Should I extend my visa before it expires?",
        "Gia hạn thẻ tạm trú trước khi hết hạn bao lâu?",
        "签证到期前如何延期",
    ],
)
def test_a_paper_about_to_expire_is_no_overstay(text: str) -> None:
    assert OVERSTAY not in act_phrases(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nếu người nước ngoài cố tình không trả thẻ tạm trú có bị phạt không?", "vi"),
        ("Is there a fine if a foreigner refuses to hand back the residence card?", "en"),
    ],
)
def test_an_act_no_fine_names_gets_no_other_acts_fine(text: str, lang: str) -> None:
    # Art. 21 fines several acts of a residence card; none is not returning it: 'not covered', the article named.
    r = ask(text, lang=lang, on=TODAY)
    assert r.facet == "penalty" and not r.covered, r.direct
    assert not r.values and not any("không đúng mục đích" in c.quote_vi for c in r.citations)
    assert any("282/2025/NĐ-CP, Điều 21" in caveat for caveat in r.caveats), r.caveats
