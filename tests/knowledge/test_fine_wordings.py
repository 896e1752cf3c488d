"""The common wordings of the two fines people ask most get those fines, never 'not covered' or another act's.

Real kb.json, no mocks. Decree 282/2025/NĐ-CP Art. 21: the host who does not declare (or declares late) a
foreign guest, k3 e (3,000,000-5,000,000 for 1-3 guests); the foreigner who stays past the permitted stay,
k2 đ (500,000-2,000,000 under 16 days) and the graded bands after it.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)
HOST_BAND = "3.000.000"
OVERSTAY_BAND = "500.000"

HOST = [
    ("Phạt bao nhiêu nếu không đăng ký tạm trú cho khách nước ngoài?", "vi"),
    ("Khai báo tạm trú muộn cho người nước ngoài bị xử phạt như thế nào?", "vi"),
    ("Chủ nhà quên khai báo tạm trú cho người thuê nước ngoài thì phạt ra sao?", "vi"),
    ("Fine for late temporary residence registration of a foreigner?", "en"),
    ("What is the penalty if a landlord registers a foreign tenant late?", "en"),
    ("不给外国人办理临时住宿登记会被罚款多少?", "zh"),
]
OVERSTAY = [
    ("Người nước ngoài ở Việt Nam quá thời hạn tạm trú bị phạt thế nào?", "vi"),
    ("Người nước ngoài lưu trú quá hạn bị xử phạt bao nhiêu?", "vi"),
    ("What is the fine for staying in Vietnam after my visa ends?", "en"),
    ("외국인이 비자 기간을 넘기면 벌금이 얼마인가요?", "ko"),
    ("불법 체류하면 벌금은 얼마예요?", "ko"),
]


@pytest.mark.parametrize(("text", "lang"), HOST)
def test_not_declaring_or_declaring_late_gets_the_hosts_fine(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    assert r.covered and r.facet == "penalty", r.direct
    assert any(c.doc_number == "282/2025/NĐ-CP" and c.clause == "khoản 3" for c in r.citations), r.direct
    assert any(HOST_BAND in c.quote_vi for c in r.citations), [c.quote_vi for c in r.citations]


@pytest.mark.parametrize(("text", "lang"), OVERSTAY)
def test_staying_past_the_permitted_stay_gets_the_overstay_bands(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    assert r.covered and r.topic == "visa_residence_card", (r.topic, r.direct)
    assert any(c.clause == "khoản 2" and OVERSTAY_BAND in c.quote_vi for c in r.citations), r.direct


def test_working_on_a_tourist_visa_gets_the_fine_for_acting_against_the_visas_purpose() -> None:
    r = ask("Nhập cảnh bằng visa du lịch rồi đi làm bị phạt thế nào?", lang="vi", on=TODAY)
    assert any(c.clause == "khoản 7" and c.point == "điểm b" for c in r.citations), r.direct
