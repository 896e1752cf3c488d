"""Rule data for the spaCy components: topic phrases (with weights), zone scopes and named laws."""

from __future__ import annotations

# Weight 3: the phrase names the topic outright; 1: it hints at it. A clause belongs to a topic at score >= 2.
TOPIC_PHRASES: dict[str, tuple[tuple[str, int], ...]] = {
    "temporary_residence": (("khai báo tạm trú", 3), ("cơ sở lưu trú", 3), ("tạm trú", 2), ("lưu trú", 1)),
    "work_permit": (
        ("giấy phép lao động", 3),
        ("không thuộc diện cấp giấy phép lao động", 3),
        ("cấp phép lao động", 3),
        ("vị trí sử dụng người lao động nước ngoài", 2),
        ("nhu cầu sử dụng người lao động nước ngoài", 2),
    ),
    "criminal_record": (("lý lịch tư pháp", 3),),
    "health_check": (("khám sức khỏe", 3), ("giấy khám sức khỏe", 3), ("giấy chứng nhận sức khỏe", 3)),
    "reporting": (
        ("báo cáo", 1),
        ("trao đổi thông tin", 2),
        ("cung cấp thông tin", 2),
        ("danh sách", 1),
        ("thống kê", 1),
        ("định kỳ", 1),
        ("thư điện tử công vụ", 2),
        ("mốc số liệu", 2),
    ),
    "inspection": (("thanh tra", 2), ("kiểm tra", 1), ("xử lý vi phạm", 1), ("đoàn kiểm tra liên ngành", 3)),
    "complaints": (("khiếu nại", 3), ("tố cáo", 2)),
    "investment": (
        ("vốn đầu tư nước ngoài", 3),
        ("doanh nghiệp FDI", 3),
        ("Giấy chứng nhận đăng ký đầu tư", 3),
        ("nhà đầu tư nước ngoài", 3),
        ("đăng ký doanh nghiệp", 2),
        ("Văn phòng đại diện", 2),
        ("đầu tư", 1),
    ),
    "visa_residence_card": (
        ("thị thực", 3),
        ("thẻ tạm trú", 3),
        ("gia hạn tạm trú", 3),
        ("xác nhận tạm trú", 2),
        ("giấy tờ liên quan đến nhập cảnh", 3),
        ("giấy tờ nhập cảnh", 2),
    ),
    "social_insurance": (("bảo hiểm xã hội", 3), ("bảo hiểm y tế", 2), ("bảo hiểm thất nghiệp", 2)),
    "delegations": (
        ("đoàn khách nước ngoài", 3),
        ("đoàn quốc tế", 3),
        ("hội nghị, hội thảo quốc tế", 3),
        ("tình nguyện viên", 2),
        ("mời, bảo lãnh", 3),
        ("mời, đón tiếp", 3),
        ("mời người nước ngoài", 3),
    ),
    "service_sellers": (("chào bán dịch vụ", 3),),
}

# Where an article's lead-in limits it to employers inside or outside the zones (Hà Nội 2025 draft).
ZONE_PHRASES: dict[str, tuple[str, ...]] = {
    "outside": ("ngoài khu công nghiệp, khu công nghệ cao",),
    "inside": ("trong các khu công nghiệp", "trong khu công nghiệp"),
}

# Laws the decrees cite by name only; numbers per knowledge/sources/legal-context.md.
NAMED_LAWS: dict[str, str] = {
    "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam": "47/2014/QH13",
}

# Phrases that say what an agency does with applications: "decides" clauses answer "which office do I apply
# to", "guides" clauses "who explains the procedure". Tried in this order; the first kind found wins.
PROCEDURE_PHRASES: dict[str, tuple[str, ...]] = {
    "decides": (
        "tiếp nhận và giải quyết hồ sơ",
        "giải quyết các thủ tục",
        "tiếp nhận, giải quyết",
        "cấp, cấp lại, gia hạn, thu hồi giấy phép lao động, xác nhận",
        "Cấp, gia hạn, bổ sung, sửa đổi, hủy bỏ hoặc thu hồi các loại giấy tờ",
    ),
    "guides": ("hướng dẫn trình tự, thủ tục", "hướng dẫn thủ tục", "hướng dẫn, tiếp nhận"),
}

# Phrases that say the clause's agency receives the notices or reports employers must send.
EMPLOYER_NOTICE_PHRASES: tuple[str, ...] = (
    "thông báo của người sử dụng lao động",
    "Yêu cầu các doanh nghiệp",
)
