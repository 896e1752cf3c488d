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
    "outside": ("ngoài khu công nghiệp, khu công nghệ cao", "ngoài các khu công nghiệp"),
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

# Facets (knowledge/facets.py defines the names): phrases that show what a clause answers. A clause also gets
# the facets of its article title and of its lead-in, and those its values imply (builder.facets).
FACET_PHRASES: dict[str, tuple[str, ...]] = {
    "who": (
        "có trách nhiệm",
        "chịu trách nhiệm",
        "có nghĩa vụ",
        "phải",
        "đối tượng áp dụng",
        "áp dụng đối với",
        "có quyền yêu cầu",
        "người trực tiếp quản lý",
        # The party that files names who applies (Decree 219/2025 Art. 6 k1, 22 k1: the employer, not the worker).
        "người sử dụng lao động nộp hồ sơ",
    ),
    "where": (
        "nộp hồ sơ",
        "gửi hồ sơ",
        "nơi cư trú",
        "nơi thường trú",
        "nơi tạm trú",
        "nơi có cơ sở lưu trú",
        "nơi đặt trụ sở",
        "thẩm quyền cấp",
        "có thẩm quyền",
        "khai báo tạm trú với",
        "cổng dịch vụ công quốc gia",
        "trang thông tin điện tử",
        "tiếp nhận hồ sơ",
        "bộ phận một cửa",
        "trung tâm phục vụ hành chính công",
    ),
    "deadline": ("chậm nhất", "trước ít nhất", "ngay khi", "thông báo ngay", "trước khi hết hạn", "định kỳ"),
    "processing_time": (
        "kể từ ngày nhận đủ hồ sơ",
        "kể từ ngày nhận được hồ sơ",
        "kể từ ngày nhận hồ sơ",
        "kể từ ngày nhận được yêu cầu",
        "kể từ ngày nhận được văn bản",
        "kể từ ngày nhận được đề nghị",
        "thời hạn giải quyết",
        "thời hạn cấp phiếu lý lịch tư pháp",
        "giờ làm việc",
    ),
    "validity": (
        "thời hạn của giấy phép lao động",
        "thời hạn của giấy xác nhận",
        "thời hạn thẻ tạm trú",
        "thời hạn thị thực",
        "thời hạn tạm trú",
        "có thời hạn",
        "gia hạn",
        "hết hiệu lực",
        "hết hạn",
        "giá trị sử dụng",
        "thời hạn sử dụng",
        "còn thời hạn",
    ),
    "documents": (
        "hồ sơ đề nghị",
        "hồ sơ gồm",
        "hồ sơ bao gồm",
        "hồ sơ yêu cầu",
        "giấy tờ sau",
        "các giấy tờ",
        "tờ khai",
        "bản sao",
        "hợp pháp hóa lãnh sự",
        "chứng thực",
        "xuất trình hộ chiếu",
        "giấy khám sức khỏe",
        "thông tin khai báo",  # 'Thông tin khai báo tạm trú gồm: Họ tên, ...' (Circular 53/2016 Art. 5 k2)
    ),
    "fee": ("lệ phí", "phí", "miễn, giảm phí"),
    "penalty": (
        "phạt tiền",
        "phạt cảnh cáo",
        "xử phạt",
        "mức phạt",
        "hình thức xử phạt bổ sung",
        "trục xuất",
        "biện pháp khắc phục hậu quả",
        "tịch thu",
        "vi phạm hành chính",
    ),
    "eligibility": (
        "điều kiện",
        "đáp ứng",
        "các trường hợp được cấp",
        "trường hợp được xét",
        "năng lực hành vi dân sự",
        "trình độ chuyên môn",
        "kinh nghiệm",
        "từ chối cấp",
        "chưa cho nhập cảnh",
        "có quyền yêu cầu",  # who may ask for a paper (Law 28/2009 Art. 7 k1)
    ),
    "exemption": (
        "miễn thị thực",
        "không thuộc diện cấp giấy phép lao động",
        "được miễn",
        "miễn, giảm",
        "không phải làm thủ tục",
        "miễn hợp pháp hóa lãnh sự",
    ),
    "procedure": (
        "trình tự",
        "thủ tục",
        "thực hiện như sau",
        "phải thông qua",  # the route: "phải thông qua người ... quản lý cơ sở lưu trú để khai báo"
        "xuất trình",
        "trực tuyến",
        "dịch vụ bưu chính",
        "môi trường điện tử",
        "phiếu khai báo tạm trú",
        "tài khoản khai báo",
        "đăng nhập",
        "trả kết quả",
        "thẩm định hồ sơ",
        "khai báo thông tin",
        "truy cập",
    ),
    "forms": ("theo mẫu", "mẫu số", "tờ khai", "phiếu khai báo tạm trú"),
}
# Who files: a sentence whose subject is a person or a body (not a named office) and whose verb is a filing act
# ('Người sử dụng lao động nộp hồ sơ ...', 'Cơ quan, tổ chức, cá nhân mời, bảo lãnh trực tiếp nộp hồ sơ ...')
# says who files, though it has no word of duty ('phải', 'có trách nhiệm'). builder.facets.filer_facets.
FILER_SUBJECTS: tuple[str, ...] = (
    "người",
    "công dân",
    "cá nhân",
    "cơ quan, tổ chức",
    "tổ chức",
    "doanh nghiệp",
)
FILING_ACTS: tuple[str, ...] = ("nộp hồ sơ", "gửi hồ sơ", "gửi văn bản đề nghị", "làm thủ tục")
# ... but not a filing named as a time, a past act, a purpose or an act left undone ('đến ngày nộp hồ sơ', 'đã
# nộp hồ sơ', 'để làm thủ tục', 'không làm thủ tục nhập cảnh').
NOT_FILING_AFTER: tuple[str, ...] = (
    "đã",
    "ngày",
    "thời điểm",
    "việc",
    "khi",
    "để",
    "nhằm",
    "hình thức",
    "không",
    "chưa",
)
# 'chi phí' is a cost, not a fee.
FEE_NOT_AFTER: tuple[str, ...] = ("chi",)

# Verb phrases and the role they give the agency that acts (builder.roles). Longest match wins at a position.
ROLE_VERBS: tuple[tuple[str, str], ...] = (
    ("chủ trì", "leads"),
    ("là cơ quan đầu mối", "leads"),
    ("cơ quan thường trực", "leads"),
    ("cấp", "issues"),
    ("cấp lại", "issues"),
    ("gia hạn", "issues"),
    ("thu hồi", "issues"),
    ("trả kết quả", "issues"),
    ("trả phiếu", "issues"),
    ("tiếp nhận", "receives"),
    ("nhận thông báo", "receives"),
    ("nhận hồ sơ", "receives"),
    ("quyết định", "decides"),
    ("giải quyết", "decides"),
    ("xem xét cấp", "decides"),
    ("xem xét gia hạn", "decides"),  # 'cơ quan quản lý xuất nhập cảnh ... xem xét gia hạn tạm trú' decides it
    ("phê duyệt", "decides"),
    ("chấp thuận", "decides"),
    ("thẩm định", "decides"),
    ("từ chối", "decides"),
    ("phối hợp", "coordinates"),
    ("tham gia", "coordinates"),
    ("hướng dẫn", "guides"),
    ("tuyên truyền", "guides"),
    ("phổ biến", "guides"),
    ("tập huấn", "guides"),
    ("báo cáo", "reports_to"),
    ("gửi báo cáo", "reports_to"),
    ("gửi về", "reports_to"),
    ("thanh tra", "inspects"),
    ("kiểm tra", "inspects"),
    ("giám sát", "inspects"),
    ("hậu kiểm", "inspects"),
    ("xử lý vi phạm", "inspects"),
    ("xử phạt", "inspects"),
    ("cung cấp", "informs"),
    ("cung cấp thông tin", "informs"),
    ("thông báo", "informs"),
    ("công bố", "informs"),
    ("công khai", "informs"),
    ("chia sẻ", "informs"),
    ("trao đổi thông tin", "informs"),
    ("trao đổi", "informs"),
)
# 'Ủy ban nhân dân cấp tỉnh', 'cấp xã': an administrative level, not 'to issue'.
NOT_A_VERB_AFTER: dict[str, tuple[str, ...]] = {
    "cấp": ("tỉnh", "xã", "huyện", "trung ương", "bộ", "thành phố", "có thẩm quyền"),
    "báo cáo": ("của",),
}
# A verb right after these words names a request or a passive, not what the actor does.
NOMINAL_BEFORE: tuple[str, ...] = (
    "đề nghị",
    "yêu cầu",
    "được",
    "về việc",
    "thủ tục",
    "hồ sơ",
    "để",
    "nhằm",
    "đã",
    "chưa",
    "sau khi",
    "khi",
    "thời hạn",
    "mẫu",
    "đơn",
    "nâng",
    "phân",
    "diện",  # 'không thuộc diện cấp giấy phép lao động': the exemption, not an issuing
    # '... quốc gia hoặc vùng lãnh thổ cấp giấy khám sức khỏe': the foreign issuer's act, not the actor's
    "lãnh thổ",
    "nước ngoài",
    "quốc gia",
)
# Words right before an agency mention that give it a role (phrase, role, words one of which the sentence part
# must contain before the mention). Tried in order; the first that fits wins.
OBJECT_MARKERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("phối hợp với", "coordinates", ()),
    ("phối hợp cùng", "coordinates", ()),
    ("phối hợp", "coordinates", ()),
    ("cùng với", "coordinates", ()),
    ("thông báo ngay cho", "is_reported_to", ()),
    ("thông báo về", "is_reported_to", ()),
    ("trao đổi với", "is_reported_to", ()),
    ("trao đổi thông tin với", "is_reported_to", ()),
    ("báo cáo về", "is_reported_to", ()),
    ("gửi cho", "is_reported_to", ()),
    ("thông báo cho", "is_reported_to", ()),
    ("cung cấp thông tin cho", "is_reported_to", ()),
    ("cung cấp cho", "is_reported_to", ()),
    ("báo cáo", "is_reported_to", ()),
    ("gửi về", "is_reported_to", ()),
    ("nộp hồ sơ tại", "receives", ()),
    ("nộp tại", "receives", ()),
    # '... làm thủ tục tại X', '... gửi văn bản đề nghị gia hạn tạm trú ... tại X': X takes the application.
    ("tại", "receives", ("nộp", "hồ sơ", "khai báo", "làm thủ tục", "gửi văn bản")),
    ("đến", "receives", ("hồ sơ", "phiếu", "tờ khai", "văn bản yêu cầu", "khai báo")),
    ("cho", "receives", ("phiếu khai báo", "hồ sơ")),
    ("bằng văn bản cho", "is_reported_to", ()),
    ("cho", "is_reported_to", ("thông báo", "báo cáo", "cung cấp", "gửi")),
    ("với", "receives", ("khai báo",)),
    ("gửi", "is_reported_to", ()),
    ("về", "is_reported_to", ("gửi", "báo cáo")),
    ("đến", "is_reported_to", ("gửi", "chuyển", "thông báo")),
    ("đề nghị", "other", ()),
    ("yêu cầu", "other", ()),
    ("kiến nghị", "other", ()),
    ("của", "other", ()),
    ("thuộc", "other", ()),
    ("giúp", "other", ()),
    ("tham mưu cho", "other", ()),
    ("trình", "other", ()),
    ("chỉ đạo", "other", ()),
    ("giao", "other", ()),
)
