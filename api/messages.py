"""Every message a client can see, in English and Vietnamese, keyed by a stable error code.

Messages say what to fix. Pydantic's own error types are mapped too (see `PYDANTIC_VI`), so a 422 from
request parsing and a 422 from our checks read the same way.
"""

from __future__ import annotations

from typing import Any

from catalog import N_, translator

_t = translator("api")

NATIONALITY_HINT = "GET /v1/nationalities?q=<country name>"

MESSAGES: dict[str, tuple[str, str]] = {
    # authentication and roles
    "auth_missing": (
        "Send 'Authorization: Bearer <token>'.",
        "Hãy gửi kèm 'Authorization: Bearer <token>'.",
    ),
    "auth_invalid": (
        "This token is not valid. Check the API key you were given at registration.",
        "Mã truy cập không hợp lệ. Hãy kiểm tra khóa API được cấp khi đăng ký.",
    ),
    "chat_account_missing": (
        "The chat channel must send 'X-Chat-Account: <channel>:<user id>', e.g. 'telegram:123456'.",
        "Kênh chat phải gửi 'X-Chat-Account: <kênh>:<mã người dùng>', ví dụ 'telegram:123456'.",
    ),
    "chat_account_invalid": (
        "X-Chat-Account must look like 'telegram:123456' (letters, a colon, then the user id).",
        "X-Chat-Account phải có dạng 'telegram:123456' (tên kênh, dấu hai chấm, mã người dùng).",
    ),
    "chat_not_linked": (
        "This chat account is not linked to an establishment. Register your establishment first.",
        "Tài khoản chat này chưa gắn với cơ sở lưu trú nào. Hãy đăng ký cơ sở lưu trú trước.",
    ),
    "chat_already_linked": (
        "This chat account is already linked to an establishment.",
        "Tài khoản chat này đã gắn với một cơ sở lưu trú.",
    ),
    "host_only": (
        "Only an establishment (its API key or its linked chat account) can do this.",
        "Chỉ cơ sở lưu trú (bằng khóa API hoặc tài khoản chat đã gắn) mới được làm việc này.",
    ),
    "officer_only": (
        "Only a police officer's token can do this.",
        "Chỉ cán bộ công an (bằng mã của cán bộ) mới được làm việc này.",
    ),
    "registrar_only": (
        "Register an establishment through the chat channel or with an officer's token.",
        "Hãy đăng ký cơ sở lưu trú qua kênh chat hoặc bằng mã của cán bộ công an.",
    ),
    "officer_other_province": (
        "An officer can only register establishments in their own province ({province}).",
        "Cán bộ chỉ được đăng ký cơ sở lưu trú trong tỉnh/thành của mình ({province}).",
    ),
    # lookups and state
    "declaration_not_found": (
        "No declaration with receipt code {receipt_code} is visible to you. Check the code.",
        "Không tìm thấy bản khai báo có mã biên nhận {receipt_code}. Hãy kiểm tra lại mã.",
    ),
    "receipt_check_failed": (
        "Receipt code {receipt_code} is mistyped: its last character does not match. Check each letter.",
        "Mã biên nhận {receipt_code} bị gõ sai: ký tự kiểm tra cuối không khớp. Hãy kiểm tra từng ký tự.",
    ),
    "declaration_cancelled": (
        "This declaration was cancelled and can no longer be changed. File a new one instead.",
        "Bản khai báo này đã bị hủy, không sửa được nữa. Hãy khai báo mới.",
    ),
    "idempotency_conflict": (
        "This Idempotency-Key was already used with a different request body. Use a new key.",
        "Idempotency-Key này đã được dùng với nội dung khác. Hãy dùng một khóa mới.",
    ),
    "idempotency_key_invalid": (
        "Idempotency-Key must be 1 to 200 visible ASCII characters.",
        "Idempotency-Key phải gồm từ 1 đến 200 ký tự ASCII nhìn thấy được.",
    ),
    "payload_too_large": (
        "The request is larger than {limit} bytes. Send at most 100 declarations per batch, and no files.",
        "Yêu cầu lớn hơn {limit} byte. Mỗi lô tối đa 100 bản khai và không gửi tệp.",
    ),
    "unsupported_media_type": (
        "Send JSON ('Content-Type: application/json'). Document images and files are never accepted.",
        "Hãy gửi JSON ('Content-Type: application/json'). Hệ thống không nhận ảnh giấy tờ hay tệp.",
    ),
    "route_not_found": ("There is no such address in this API.", "Không có địa chỉ này trong API."),
    "method_not_allowed": (
        "This address does not accept that HTTP method.",
        "Địa chỉ này không nhận phương thức HTTP đó.",
    ),
    "http_error": ("{text}", "{text}"),
    "database_unavailable": (
        "The database is not answering. Try again shortly.",
        "Cơ sở dữ liệu không phản hồi. Hãy thử lại sau ít phút.",
    ),
    # field checks
    "province_unknown": (
        "'{value}' is not a province or city of Viet Nam. Use one of the 34 current units; old names "
        "of merged provinces are accepted too.",
        "'{value}' không phải tỉnh/thành phố của Việt Nam. Hãy dùng một trong 34 đơn vị hiện nay; tên cũ "
        "của tỉnh đã sáp nhập cũng được chấp nhận.",
    ),
    "phone_format": (
        "Give a phone number of 8 to 15 digits, optionally starting with +.",
        "Hãy nhập số điện thoại từ 8 đến 15 chữ số, có thể bắt đầu bằng dấu +.",
    ),
    "nationality_unknown": (
        "'{value}' is not a nationality code (ISO 3166-1 alpha-3 or ICAO, e.g. KOR, DEU, D).{suggestion} "
        "Look codes up with " + NATIONALITY_HINT + ".",
        "'{value}' không phải mã quốc tịch (ISO 3166-1 alpha-3 hoặc ICAO, ví dụ KOR, DEU, D).{suggestion_vi} "
        "Tra mã tại " + NATIONALITY_HINT + ".",
    ),
    "name_characters": (
        "The name may contain only letters, spaces, hyphens, apostrophes and dots, as in the document.",
        "Họ tên chỉ được gồm chữ cái, dấu cách, gạch nối, dấu nháy và dấu chấm, đúng như trên giấy tờ.",
    ),
    "passport_format": (
        "A passport number is 5 to 9 letters or digits (no spaces or symbols), as printed in the MRZ.",
        "Số hộ chiếu gồm 5 đến 9 chữ cái hoặc chữ số (không dấu cách, không ký hiệu), như trong dòng MRZ.",
    ),
    "document_format": (
        "A document number is 4 to 20 letters, digits or hyphens.",
        "Số giấy tờ gồm 4 đến 20 chữ cái, chữ số hoặc dấu gạch nối.",
    ),
    "visa_format": (
        "A visa or residence-card number is 4 to 20 letters, digits or hyphens.",
        "Số thị thực hoặc thẻ tạm trú gồm 4 đến 20 chữ cái, chữ số hoặc dấu gạch nối.",
    ),
    "document_expired": (
        "The document expired on {expiry}, before the arrival on {arrival}. Declare with a valid document.",
        "Giấy tờ đã hết hạn ngày {expiry}, trước ngày đến {arrival}. Hãy khai báo bằng giấy tờ còn hạn.",
    ),
    "dob_future": (
        "The date of birth is in the future. Use the format YYYY-MM-DD.",
        "Ngày sinh ở tương lai. Hãy dùng định dạng YYYY-MM-DD (năm-tháng-ngày).",
    ),
    "dob_implausible": (
        "The date of birth gives an age over {max_age} years. Check the year.",
        "Ngày sinh cho thấy tuổi trên {max_age}. Hãy kiểm tra lại năm sinh.",
    ),
    "dob_after_arrival": (
        "The date of birth is after the arrival. Check both dates.",
        "Ngày sinh sau ngày đến. Hãy kiểm tra lại hai ngày này.",
    ),
    "arrival_future": (
        "The arrival time is in the future. Declare after the guest has arrived (times are Viet Nam time).",
        "Thời điểm đến ở tương lai. Hãy khai báo sau khi khách đã đến (giờ Việt Nam).",
    ),
    "arrival_too_old": (
        "The arrival is more than {days} days ago. Check the date, or contact the ward police.",
        "Ngày đến đã quá {days} ngày. Hãy kiểm tra lại ngày, hoặc liên hệ công an phường/xã.",
    ),
    "stay_before_arrival": (
        "The planned stay ends before the arrival date. Check both dates.",
        "Ngày dự kiến rời đi trước ngày đến. Hãy kiểm tra lại hai ngày này.",
    ),
    "stay_too_long": (
        "The planned stay is longer than {days} days. Check the date.",
        "Thời gian lưu trú dự kiến dài hơn {days} ngày. Hãy kiểm tra lại ngày.",
    ),
    "entry_after_arrival": (
        "The entry date into Viet Nam is after the arrival at the establishment. Check both dates.",
        "Ngày nhập cảnh sau ngày đến cơ sở lưu trú. Hãy kiểm tra lại hai ngày này.",
    ),
    "entry_before_birth": (
        "The entry date is before the date of birth. Check both dates.",
        "Ngày nhập cảnh trước ngày sinh. Hãy kiểm tra lại hai ngày này.",
    ),
    "month_format": (
        "'{value}' is not a month. Use YYYY-MM, e.g. 2025-07.",
        "'{value}' không phải tháng hợp lệ. Hãy dùng dạng YYYY-MM, ví dụ 2025-07.",
    ),
    # MRZ
    "mrz_length": (
        "Each MRZ line of a passport has exactly 44 characters; this one has {length}.",
        "Mỗi dòng MRZ của hộ chiếu có đúng 44 ký tự; dòng này có {length}.",
    ),
    "mrz_characters": (
        "MRZ lines contain only A-Z, 0-9 and '<'. Found '{char}'.",
        "Dòng MRZ chỉ gồm A-Z, 0-9 và '<'. Có ký tự '{char}'.",
    ),
    "mrz_not_passport": (
        "The first line of a passport MRZ starts with 'P'.",
        "Dòng MRZ thứ nhất của hộ chiếu bắt đầu bằng 'P'.",
    ),
    "mrz_bad_date": (
        "'{value}' is not a valid date (YYMMDD) for {field}.",
        "'{value}' không phải ngày hợp lệ (YYMMDD) ở mục {field}.",
    ),
    "mrz_check_failed": (
        "The check digit of {field} does not match: a character was probably mistyped. Compare with the "
        "passport.",
        "Chữ số kiểm tra của {field} không khớp: có thể đã gõ sai một ký tự. Hãy so lại với hộ chiếu.",
    ),
    "mrz_nationality_unknown": (
        "'{value}' in the MRZ is not a known nationality code. Look it up with " + NATIONALITY_HINT + ".",
        "'{value}' trong MRZ không phải mã quốc tịch đã biết. Tra mã tại " + NATIONALITY_HINT + ".",
    ),
}

# Messages added since the text catalogue exists: the English sentence is the msgid, the Vietnamese (and
# Chinese, Korean) live in catalog/locale/*/LC_MESSAGES/api.po.
CATALOGUED: dict[str, str] = {
    # Said alike whether the establishment is someone else's or does not exist (existence is not revealed).
    "establishment_not_found": N_(
        "Establishment {establishment_id} is not yours. Use the id your API key was registered with."
    ),
    "channel_only": N_("Only the chat channel, for its own chat account, can ask for a link code."),
    "link_code_invalid": N_(
        "This link code is wrong, used or expired (codes last {minutes} minutes). Ask the chat for a new "
        "code and enter it as shown."
    ),
    "too_many_link_codes": N_(
        "Too many link codes were asked for. Wait {minutes} minutes, then ask for one again."
    ),
    "too_many_link_attempts": N_(
        "Too many wrong link codes were entered for this establishment. Wait {minutes} minutes, then try "
        "again with the code the chat shows."
    ),
    "name_invisible": N_(
        "The name contains invisible characters (such as Hangul fillers or zero-width spaces). Type the "
        "name with the letters printed in the document."
    ),
    "name_start": N_("The name must start with a letter, as printed in the document."),
    "name_marks": N_(
        "The name has more than {max_marks} accent marks on one letter. Type each letter with its own "
        "accents only."
    ),
    "date_format": N_("Give the date as text in the form YYYY-MM-DD (e.g. 1990-03-15), not as a number."),
    "moment_format": N_(
        "Give the time as text in the form YYYY-MM-DDTHH:MM (Viet Nam time, e.g. 2025-07-20T14:30), not as "
        "a number."
    ),
    "database_read_only": N_(
        "The database accepts no writes at the moment (it is read-only). Nothing was stored; try again "
        "shortly."
    ),
    "schema_outdated": N_(
        "The database is not at the schema this version expects. Run `python -m api migrate`, or restart "
        "the API, which migrates at start."
    ),
    "internal_error": N_(
        "Something went wrong on our side. Try again shortly: a retry with the same Idempotency-Key files "
        "nothing twice."
    ),
    "batch_duplicate": N_(
        "This record repeats record {index} of the same batch (same document number and arrival). Send "
        "each guest's stay once."
    ),
}

# Vietnamese for pydantic's error types; the English stays pydantic's own message.
PYDANTIC_VI: dict[str, str] = {
    "missing": "Thiếu trường bắt buộc này.",
    "extra_forbidden": "Trường này không được phép.",
    "string_type": "Phải là chuỗi ký tự.",
    "string_too_short": "Quá ngắn: cần ít nhất {min_length} ký tự.",
    "string_too_long": "Quá dài: tối đa {max_length} ký tự.",
    "string_pattern_mismatch": "Không đúng định dạng.",
    "too_short": "Quá ít phần tử: cần ít nhất {min_length}.",
    "too_long": "Quá nhiều phần tử: tối đa {max_length}.",
    "date_parsing": "Ngày không hợp lệ. Hãy dùng định dạng YYYY-MM-DD (năm-tháng-ngày).",
    "date_from_datetime_parsing": "Ngày không hợp lệ. Hãy dùng định dạng YYYY-MM-DD (năm-tháng-ngày).",
    "date_from_datetime_inexact": "Chỉ nhập ngày, không kèm giờ (YYYY-MM-DD).",
    "date_type": "Phải là ngày dạng YYYY-MM-DD.",
    "datetime_parsing": "Thời điểm không hợp lệ. Hãy dùng dạng YYYY-MM-DDTHH:MM (giờ Việt Nam).",
    "datetime_from_date_parsing": "Thời điểm không hợp lệ. Hãy dùng dạng YYYY-MM-DDTHH:MM (giờ Việt Nam).",
    "datetime_type": "Phải là thời điểm dạng YYYY-MM-DDTHH:MM.",
    "enum": "Giá trị phải là một trong: {expected}.",
    "literal_error": "Giá trị phải là một trong: {expected}.",
    "bool_type": "Phải là true hoặc false.",
    "bool_parsing": "Phải là true hoặc false.",
    "int_type": "Phải là số nguyên.",
    "int_parsing": "Phải là số nguyên.",
    "greater_than_equal": "Phải lớn hơn hoặc bằng {ge}.",
    "less_than_equal": "Phải nhỏ hơn hoặc bằng {le}.",
    "json_invalid": "Nội dung JSON không hợp lệ.",
    "model_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "dict_type": "Phải là một đối tượng JSON.",
    "list_type": "Phải là một danh sách JSON.",
    "value_error": "Giá trị không hợp lệ.",
    "control_characters": "Hãy bỏ các ký tự điều khiển (tab, xuống dòng).",
    "date_range": "Hãy dùng ngày trong khoảng năm 1900 đến 2200 (YYYY-MM-DD).",
    "url_parsing": "Địa chỉ không hợp lệ.",
    "uuid_parsing": "Mã không hợp lệ.",
    "float_parsing": "Phải là số.",
    "timezone_aware": "Thời điểm phải kèm múi giờ.",
}


def message(code: str, **params: Any) -> tuple[str, str]:
    """(English, Vietnamese) text for `code`, formatted with `params`."""
    if code in CATALOGUED:
        english = CATALOGUED[code]
        return english.format(**params), _t(english, "vi", **params)
    en, vi = MESSAGES[code]
    return en.format(**params), vi.format(**params)


def pydantic_vi(error_type: str, ctx: dict[str, Any] | None) -> str:
    """Vietnamese for one pydantic error; a generic sentence when the type is not in the table."""
    if error_type in CATALOGUED:
        return _t(CATALOGUED[error_type], "vi", **(ctx or {}))
    template = PYDANTIC_VI.get(error_type)
    if template is None:
        return "Giá trị không hợp lệ."
    try:
        return template.format(**(ctx or {}))
    except (KeyError, IndexError):
        return template
