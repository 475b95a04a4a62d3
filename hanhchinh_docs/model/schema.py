"""JSON Schema of each YAML kind, generated from the pydantic models, with Vietnamese descriptions.

Editors (VS Code's YAML extension) use it to complete and check the keys as the clerk types. The
schema describes what the file may contain (the input), so a field that also accepts a single
text for a list (``chu_tri: Văn phòng``) or a date written as text says so.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from hanhchinh_docs.conventions.kinds import KINDS as KIND_NAMES
from hanhchinh_docs.model.forms import MODELS, GeneralDocument
from hanhchinh_docs.model.plan import Plan
from hanhchinh_docs.model.report import Report

KINDS = {"ke_hoach": Plan, "bao_cao": Report, **{code: model for code, model in MODELS.items() if code != "bao_cao"}}
"""``loai`` -> model; one schema file per kind. A ``bao_cao`` naming its plan (``ke_hoach``) is the
periodic report, any other the free báo cáo (``GeneralDocument``)."""

TITLES = {"ke_hoach": "Kế hoạch (hanhchinh-docs)", "bao_cao": "Báo cáo định kỳ (hanhchinh-docs)",
          **{code: f"{kind.name} (hanhchinh-docs)" for code, kind in KIND_NAMES.items()
             if code not in ("ke_hoach", "bao_cao")}}

DESCRIPTIONS = {
    "loai": "Loại văn bản: ke_hoach (kế hoạch), bao_cao (báo cáo định kỳ)...",
    "nam": "Năm của văn bản, ví dụ 2024; viết {{ nam }} trong đoạn văn để công cụ thay bằng năm này.",
    "co_quan": "Cơ quan ban hành: ban_hanh, viet_tat (bắt buộc), chu_quan, ten.",
    "chu_quan": "Tên cơ quan chủ quản, ví dụ UBND TỈNH HÀ TĨNH.",
    "ban_hanh": "Tên cơ quan ban hành, ví dụ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG.",
    "viet_tat": "Chữ viết tắt tên cơ quan trong ký hiệu: STNMT → Số: 05/KH-STNMT.",
    "so": "Số văn bản (số nguyên dương); để trống (null) để văn thư ghi.",
    "dia_danh": "Địa danh, ví dụ Hà Tĩnh.",
    "ngay": "Ngày ban hành: 2024-01-05, 2024-01 (để trống ngày), 2024 (chỉ có năm) hoặc để trống.",
    "trich_yeu": "Trích yếu nội dung.",
    "kinh_gui": "Danh sách nơi nhận ở dòng \"Kính gửi:\".",
    "mo_dau": "Các đoạn mở đầu (trước mục I).",
    "noi_dung": "Nội dung: danh sách đoạn văn và mục đánh số (tieu_de hoặc van_ban, noi_dung con).",
    "tieu_de": "Đề mục in đậm, được đánh số tự động (I., 1., a)).",
    "van_ban": "Đoạn văn có số thứ tự nhưng không in đậm.",
    "nguoi_ky": "Người ký: quyen_han (KT. GIÁM ĐỐC...), chuc_vu, ho_ten.",
    "quyen_han": "Dòng quyền hạn ký: TM., KT., TL., TUQ., Q. (bỏ trống nếu người đứng đầu ký).",
    "chuc_vu": "Chức vụ người ký.",
    "ho_ten": "Họ tên người ký.",
    "noi_nhan": "Nơi nhận, không gõ \"- \" và \";\" (công cụ tự thêm).",
    "luu": "Nơi lưu: [VT, VP] → \"- Lưu: VT, VP.\"",
    "phu_luc": "Các phụ lục, mỗi phụ lục một trang ngang.",
    "ten": "Tên (của phụ lục, nhóm, bảng hoặc cột).",
    "kem_theo": "Văn bản mà phụ lục kèm theo, khi khác kế hoạch này; dòng in ra luôn có dạng \"(Kèm theo ...)\".",
    "danh_so": "Cách đánh số nhiệm vụ: theo_nhom (đánh lại từ 1 trong mỗi nhóm) hoặc lien_tuc.",
    "danh_so_cot": "true: in dòng (1) (2) (3) … dưới tiêu đề cột.",
    "cot": "Các cột của bảng: mã cột (tt, noi_dung, san_pham, chu_tri, phoi_hop, thoi_gian) hoặc {khoa, ten, rong}.",
    "khoa": "Mã cột; cột riêng của cơ quan dùng mã mới (ví dụ theo_doi) rồi ghi giá trị trong từng nhiệm vụ.",
    "rong": "Độ rộng cột (mm), tự co giãn cho vừa trang.",
    "nhiem_vu": "Danh sách nhiệm vụ, hoặc {tu_tep: nhiem_vu.xlsx} để lấy từ bảng tính.",
    "nhom": "Các nhóm nhiệm vụ (dòng tiêu đề nhóm I, II... trải ngang bảng).",
    "dong": "Các dòng của bảng, mỗi dòng một danh sách ô.",
    "bang": "Bảng trong nội dung: ten, cot, dong.",
    "ma": "Mã nhiệm vụ, ví dụ NV01 (báo cáo dùng mã này).",
    "san_pham": "Sản phẩm (một dòng, danh sách, hoặc mỗi sản phẩm một dòng riêng có thời gian, đơn vị).",
    "chu_tri": "Đơn vị chủ trì.",
    "phoi_hop": "Đơn vị phối hợp.",
    "thoi_gian": "Thời gian thực hiện, ví dụ Quý II, IV; Tháng 10 - 12/2024; Thường xuyên trong năm.",
    "chuyen_tiep_tu": "Năm của kế hoạch mà nhiệm vụ chưa xong được chuyển tiếp sang (lệnh rollover ghi).",
    "cot_khac": "Giá trị các cột riêng của cơ quan, theo mã cột.",
    "chua_xu_ly": "Các đoạn lệnh import chưa xếp được; không được in ra.",
    "ke_hoach": "Đường dẫn tới tệp YAML của kế hoạch được báo cáo, tính từ thư mục của tệp này.",
    "ky_bao_cao": "Kỳ báo cáo: thang_1..thang_12, quy_1..quy_4, 6_thang_dau, 6_thang_cuoi, 9_thang, nam.",
    "ket_qua": "Kết quả từng nhiệm vụ theo mã: { trang_thai: hoan_thanh, ket_qua: \"...\" }.",
    "trang_thai": "Tình trạng: hoan_thanh, dang_thuc_hien, chua_thuc_hien (hoặc Hoàn thành, Đang thực hiện...).",
    "ton_tai": "Tồn tại, hạn chế (mục II); bỏ trống thì không in.",
    "kien_nghi": "Đề xuất, kiến nghị (mục IV); bỏ trống thì không in.",
    "tu_tep": "Bảng tính .xlsx hoặc .csv chứa danh sách nhiệm vụ, tính từ thư mục của tệp YAML.",
    "do_khan": "Độ khẩn: KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC (ô 10b).",
    "do_mat": "Độ mật: MẬT, TỐI MẬT hoặc TUYỆT MẬT (ô 10a).",
    "pham_vi_luu_hanh": "Phạm vi lưu hành: XEM XONG TRẢ LẠI hoặc LƯU HÀNH NỘI BỘ (ô 11).",
    "ky_hieu_nguoi_soan": "Ký hiệu người soạn thảo (ô 12), in cuối dòng \"Lưu\".",
    "so_luong_ban": "Số lượng bản phát hành (ô 12).",
    "dia_chi": "Địa chỉ, điện thoại, thư điện tử... in cuối trang 1 (ô 13).",
    "can_cu": "Các căn cứ ban hành (in nghiêng, dấu ; và . tự thêm).",
    "tham_quyen": "Dòng thẩm quyền ban hành dưới trích yếu, ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH.",
    "de_nghi": "Người đề nghị: in \"Theo đề nghị của ...\".",
    "dieu": "Các Điều: câu, hoặc {van_ban, khoan}.",
    "khoan": "Các khoản 1., 2.: câu, hoặc {van_ban, diem}.",
    "diem": "Các điểm a), b), c), d), đ)...",
    "don_vi_soan_thao": "Đơn vị soạn thảo trong ký hiệu công văn: Số: 12/UBND-VX.",
    "dien": "Cơ quan, chức vụ gửi công điện: in \"... điện:\".",
    "kinh_moi": "Những người được mời.",
    "toi_du": "Cuộc họp, hội nghị được mời tới dự.",
    "dia_diem": "Địa điểm.",
    "gioi_thieu": "Người được giới thiệu: ho_ten, chuc_vu.",
    "duoc_cu_den": "Nơi được cử đến.",
    "ve_viec": "Về việc.",
    "co_gia_tri_den": "Ngày hết giá trị của giấy giới thiệu.",
    "ten_cuoc_hop": "Cuộc họp, Hội nghị hoặc Hội thảo.",
    "bat_dau": "Thời gian bắt đầu, ví dụ 2025-01-20 08:00.",
    "ket_thuc": "Thời gian kết thúc, ví dụ 2025-01-20 10:30.",
    "thanh_phan": "Thành phần tham dự.",
    "thu_ky": "Thư ký (người ghi biên bản): ho_ten, chuc_vu.",
    "ngay_don": "Ngày của đơn đề nghị nghỉ phép.",
    "nguoi_nghi": "Người nghỉ phép: ho_ten, chuc_vu.",
    "nam_phep": "Năm của phép năm.",
    "tu_ngay": "Ngày bắt đầu nghỉ.",
    "den_ngay": "Ngày cuối cùng nghỉ.",
    "so_ngay": "Số ngày nghỉ (bỏ trống: tự tính).",
    "noi_nghi": "Nơi nghỉ phép.",
}
"""YAML key -> what the editor shows; a key means the same in every kind."""

_LOCAL_DESCRIPTIONS = {
    "Appendix": {"loai": "Loại phụ lục: nhiem_vu (bảng nhiệm vụ, mặc định) hoặc bang (bảng tự do có cot, dong).",
                 "ten": "Tên phụ lục (in đậm, chữ hoa)."},
    "TaskGroup": {"so": "Số thứ tự của nhóm như in ra (ví dụ VIII); mặc định I, II, III... theo thứ tự.",
                  "ten": "Tên nhóm nhiệm vụ."},
    "Product": {"san_pham": "Tên sản phẩm.", "noi_dung": "Chữ ở cột nội dung của dòng sản phẩm này (thường để trống)."},
}
"""Keys whose meaning differs inside one block."""

_SCALAR = {"type": ["string", "number", "integer", "null"]}
_LOOSE_ROW_MODELS = ("Task", "Product")
"""Task rows may carry the office's own column keys (declared in ``cot``), so they stay open."""


class _InputSchema(GenerateJsonSchema):
    """A value a before-validator turns into the field's type may also be written as a plain scalar."""

    def function_before_schema(self, schema) -> dict[str, Any]:
        inner = super().function_before_schema(schema)
        if schema["schema"].get("type") in ("model", "model-fields"):  # a model's own: still a mapping
            return inner
        return {"anyOf": [inner, _SCALAR]}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the YAML kind ``kind``; ``KeyError`` for an unknown kind."""
    if kind == "bao_cao":   # periodic when it names its plan, else free
        periodic, free = _model_schema(Report), _model_schema(GeneralDocument)
        definitions = {**free.pop("$defs", {}), **periodic.pop("$defs", {})}
        body = {"$defs": definitions, "if": {"required": ["ke_hoach"]}, "then": periodic, "else": free}
    else:
        body = _model_schema(KINDS[kind])
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": TITLES[kind], **body}


def _model_schema(model) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_InputSchema)
    schema = copy.deepcopy(schema)
    _describe(schema)
    for name, definition in schema.get("$defs", {}).items():
        if name in _LOOSE_ROW_MODELS:
            definition["additionalProperties"] = {"anyOf": [{"type": "array", "items": {"type": "string"}}, _SCALAR]}
    _allow_column_names(schema)
    _allow_task_file(schema)
    if schema.get("$defs", {}).pop("PartialDate", None) is not None:
        _replace_ref(schema, "#/$defs/PartialDate", _DATE)
    schema["properties"]["ngay"] = {"anyOf": [_DATE, {"type": "integer", "minimum": 1900, "maximum": 2200},
                                              {"type": "null"}], "description": DESCRIPTIONS["ngay"]}
    for name, keys in _LOCAL_DESCRIPTIONS.items():
        for key, text in keys.items():
            properties = schema.get("$defs", {}).get(name, {}).get("properties", {})
            if key in properties:
                properties[key]["description"] = text
    return schema


_DATE = {"type": "string", "pattern": r"^\d{4}-\d{1,2}(-\d{1,2})?$"}


def _replace_ref(node: Any, ref: str, by: dict) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, dict) and value.get("$ref") == ref:
                node[key] = dict(by)
            else:
                _replace_ref(value, ref, by)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            if isinstance(value, dict) and value.get("$ref") == ref:
                node[index] = dict(by)
            else:
                _replace_ref(value, ref, by)


def _describe(node: Any) -> None:
    """Vietnamese descriptions on every known key; the models' English titles and docstrings dropped."""
    if isinstance(node, dict):
        node.pop("title", None)
        if isinstance(node.get("description"), str) and "properties" in node:
            node.pop("description")
        for key, child in node.get("properties", {}).items():
            if isinstance(child, dict):
                child.pop("title", None)
                if key in DESCRIPTIONS:
                    child["description"] = DESCRIPTIONS[key]
        for value in node.values():
            _describe(value)
    elif isinstance(node, list):
        for value in node:
            _describe(value)


def _allow_column_names(schema: dict) -> None:
    """A table's column may be written as its key or heading alone (``- tt``, ``- Chỉ tiêu``)."""
    ref = "#/$defs/TableColumn"
    _replace_ref(schema, ref, {"anyOf": [{"$ref": ref}, {"type": "string"}]})


def _allow_task_file(schema: dict) -> None:
    """``nhiem_vu: {tu_tep: nhiem_vu.xlsx}``: the tasks read from a sheet."""
    for name in ("Appendix", "TaskGroup"):
        _task_file_in(schema.get("$defs", {}).get(name))


def _task_file_in(holder: dict | None) -> None:
    if holder and "nhiem_vu" in holder.get("properties", {}):
        tasks = holder["properties"]["nhiem_vu"]
        from_file = {"type": "object", "additionalProperties": False, "required": ["tu_tep"],
                     "properties": {"tu_tep": {"type": "string", "description": DESCRIPTIONS["tu_tep"]}}}
        holder["properties"]["nhiem_vu"] = {"description": tasks.get("description"),
                                              "anyOf": [{k: v for k, v in tasks.items() if k != "description"},
                                                        from_file]}
