"""Who files, where a procedure is done, who decides an extension: builder readings and the answers they give.

Real kb.json and the real builder, no mocks. Expected readings are those of the law texts on file:
- Law 47/2014 Art. 37 k2 b (as amended): 'Cơ quan, tổ chức, cá nhân mời, bảo lãnh trực tiếp nộp hồ sơ đề nghị
  cấp thẻ tạm trú ... tại cơ quan quản lý xuất nhập cảnh': the sponsor files the residence-card application.
- Decree 219/2025 Art. 6 k1: 'Người sử dụng lao động nộp hồ sơ đề nghị cấp ... giấy phép lao động': the employer
  files; Art. 34 k2 'Trường hợp người sử dụng lao động đã nộp hồ sơ ...' is a transition for a filing made.
- Law 47/2014 Art. 35 k1 '... làm thủ tục tại cơ quan quản lý xuất nhập cảnh hoặc cơ quan có thẩm quyền của Bộ
  Ngoại giao'; k3 'Trong thời hạn 05 ngày làm việc ..., cơ quan quản lý xuất nhập cảnh ... xem xét gia hạn tạm
  trú'; Art. 43 k2 '... phải làm thủ tục cấp lại thẻ tại Công an tỉnh ...'.
- Decree 282/2025 Art. 21 k9 g '... không làm thủ tục nhập cảnh ...': a fined act, not a filing rule.
- Decree 219/2025 Art. 18 k2: the health certificate is a paper of the work-permit file.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge import ask
from knowledge.asked import asks_reason
from knowledge.builder.facets import filer_facets
from tests.knowledge.units import unit_by_id

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    "unit_id",
    [
        "luat_47_2014_amended/qc/dieu-37/khoan-2/diem-b",
        "nd_219_2025/qc/dieu-6/khoan-1",
        "nd_219_2025/qc/dieu-22/khoan-1",  # after its time phrase: '..., người sử dụng lao động nộp hồ sơ'
        "nd_216_2026/qc/dieu-22/khoan-6/diem-b",  # 'Người nước ngoài đang cư trú tại Việt Nam gửi hồ sơ đến ...'
        "luat_47_2014/qc/dieu-42/khoan-1",
    ],
)
def test_a_clause_naming_who_files_answers_who(kb: dict[str, Any], unit_id: str) -> None:
    assert "who" in unit_by_id(kb, unit_id)["facets"]


@pytest.mark.parametrize(
    "unit_id",
    [
        "nd_219_2025/qc/dieu-34/khoan-2",  # 'đã nộp hồ sơ': a filing made, not who files
        "nd_282_2025/qc/dieu-21/khoan-9/diem-g",  # 'không làm thủ tục nhập cảnh': the fined act
        "luat_47_2014_amended/qc/dieu-37/khoan-1/diem-a",  # 'Văn bản đề nghị của cơ quan, tổ chức, cá nhân làm
        # thủ tục mời': a paper's name, the sponsor an item of a list
    ],
)
def test_a_filing_named_as_a_past_act_a_fine_or_a_paper_is_no_who(kb: dict[str, Any], unit_id: str) -> None:
    assert "who" not in unit_by_id(kb, unit_id)["facets"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Doanh nghiệp nộp hồ sơ tại Sở Nội vụ.", True),
        ("Trong thời hạn 10 ngày, người nước ngoài trực tiếp nộp hồ sơ tại cơ quan công an.", True),
        ("Cá nhân đề nghị làm thủ tục tại cơ quan quản lý xuất nhập cảnh.", True),
        ("Giấy tờ cấp không quá 6 tháng tính đến ngày nộp hồ sơ.", False),
        ("Người sử dụng lao động đã nộp hồ sơ trước ngày này tiếp tục được giải quyết.", False),
        ("Thông báo cho người nước ngoài để làm thủ tục nhận thị thực.", False),
    ],
)
def test_filer_rule(text: str, who: bool) -> None:
    assert (filer_facets(text) == {"who"}) is who


@pytest.mark.parametrize(
    ("unit_id", "agency", "role"),
    [
        ("luat_47_2014/qc/dieu-35/khoan-1", "immigration_authority", "receives"),
        ("luat_47_2014/qc/dieu-35/khoan-2", "immigration_authority", "receives"),
        ("luat_47_2014/qc/dieu-35/khoan-3", "immigration_authority", "decides"),
        ("luat_47_2014/qc/dieu-43/khoan-2", "provincial_police", "receives"),
    ],
)
def test_the_office_where_the_procedure_is_done_takes_it(
    kb: dict[str, Any], unit_id: str, agency: str, role: str
) -> None:
    roles = {(r["agency"], r["role"]) for r in unit_by_id(kb, unit_id)["agency_roles"]}
    assert (agency, role) in roles, roles


def test_considering_an_extension_is_no_issuing(kb: dict[str, Any]) -> None:
    """'xem xét gia hạn tạm trú' decides on the extension; it issues no paper ('cấp')."""
    roles = {r["role"] for r in unit_by_id(kb, "luat_47_2014/qc/dieu-35/khoan-3")["agency_roles"]}
    assert "issues" not in roles


@pytest.mark.parametrize(
    ("text", "lang", "topic", "facet", "article"),
    [
        # who files a residence card: the sponsor (Art. 37 k2 b)
        (
            "Who submits the residence card application?",
            "en",
            "visa_residence_card",
            "who",
            "47/2014/QH13 Điều 37",
        ),
        ("谁负责提交临时居住卡的申请?", "zh", "visa_residence_card", "who", "47/2014/QH13 Điều 37"),
        # where a stay is extended (Art. 35 k1, k3)
        ("Gia hạn visa ở đâu?", "vi", "visa_residence_card", "where", "47/2014/QH13 Điều 35"),
        ("在哪里办理签证延期?", "zh", "visa_residence_card", "where", "47/2014/QH13 Điều 35"),
        # the health certificate asked as a paper of the work-permit file (Decree 219/2025 Art. 18 k2)
        (
            "Is a medical certificate part of the work permit dossier?",
            "en",
            "health_check",
            "documents",
            "219/2025/NĐ-CP Điều 18",
        ),
        (
            "건강진단서가 노동허가 서류에 필요한가요?",
            "ko",
            "health_check",
            "documents",
            "219/2025/NĐ-CP Điều 18",
        ),
    ],
)
def test_the_reading_answers_the_question(text: str, lang: str, topic: str, facet: str, article: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    cited = {f"{c.doc_number} {c.article}" for c in r.citations}
    assert (r.topic, r.facet, r.covered) == (topic, facet, True), r.direct
    assert article in cited, cited


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Why was my health certificate refused?", True),
        ("Tôi đã nộp giấy khám sức khỏe. Vì sao bị trả lại?", True),
        ("为什么体检证明不被接受?", True),
        ("Do I need a health certificate?", False),
    ],
)
def test_a_why_question(text: str, why: bool) -> None:
    assert asks_reason(text) is why
