"""The names of the paragraph styles of our templates, by style id.

Word and LibreOffice keep a style's name when they save a document but may rewrite its id
(LibreOffice turns "ND30NoiDung", named "ND30 Nội dung", into "ND30Nidung"). The renderer and
the importer therefore recognise our styles by name; this table is the one place both read.
"""

from __future__ import annotations

import unicodedata

STYLE_NAMES: dict[str, str] = {
    "ND30CoQuanChuQuan": "ND30 Cơ quan chủ quản",
    "ND30CoQuanBanHanh": "ND30 Cơ quan ban hành",
    "ND30SoKyHieu": "ND30 Số, ký hiệu",
    "ND30QuocHieu": "ND30 Quốc hiệu",
    "ND30TieuNgu": "ND30 Tiêu ngữ",
    "ND30DiaDanhNgay": "ND30 Địa danh, ngày tháng",
    "ND30DuongKe": "ND30 Đường kẻ",
    "ND30DuongKeCoQuan": "ND30 Đường kẻ dưới tên cơ quan",
    "ND30DuongKeTieuNgu": "ND30 Đường kẻ dưới tiêu ngữ",
    "ND30DuongKeTrichYeu": "ND30 Đường kẻ dưới trích yếu",
    "ND30DuongKePhuLuc": "ND30 Đường kẻ dưới phụ lục",
    "ND30TenLoai": "ND30 Tên loại",
    "ND30TrichYeu": "ND30 Trích yếu",
    "ND30KinhGui": "ND30 Kính gửi",
    "ND30KinhGuiDong": "ND30 Kính gửi - dòng",
    "ND30NoiDung": "ND30 Nội dung",
    "ND30Muc": "ND30 Mục (I.)",
    "ND30Khoan": "ND30 Khoản (1.)",
    "ND30Diem": "ND30 Điểm (a)",
    "ND30NoiNhanTieuDe": "ND30 Nơi nhận",
    "ND30NoiNhan": "ND30 Nơi nhận - dòng",
    "ND30ChucVu": "ND30 Quyền hạn, chức vụ người ký",
    "ND30ChucVuDau": "ND30 Quyền hạn, chức vụ người ký - dòng đầu",
    "ND30HoTen": "ND30 Họ tên người ký",
    "ND30PhuLucNhan": "ND30 Phụ lục",
    "ND30PhuLucTen": "ND30 Tên phụ lục",
    "ND30KemTheo": "ND30 Kèm theo",
    "ND30BangTieuDe": "ND30 Bảng - tiêu đề",
    "ND30Bang": "ND30 Bảng",
    "ND30BangGiua": "ND30 Bảng - giữa",
    "ND30BangCho": "ND30 Chỗ đặt bảng",
    "ND30NgatTrang": "ND30 Ngắt trang",
    "ND30TrichYeuCongVan": "ND30 Trích yếu công văn (V/v)",
    "ND30CanCu": "ND30 Căn cứ",
    "ND30ThamQuyen": "ND30 Thẩm quyền ban hành",
    "ND30Dieu": "ND30 Điều",
    "ND30DauMat": "ND30 Độ mật, độ khẩn",
    "ND30PhamVi": "ND30 Phạm vi lưu hành",
    "ND30DiaChi": "ND30 Địa chỉ (ô 13)",
}


def _name_key(name: str) -> str:
    """A style name compared as Word does: case, Unicode form and spacing do not matter."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


_ID_BY_NAME = {_name_key(name): style_id for style_id, name in STYLE_NAMES.items()}


def own_style_id(name: str | None) -> str | None:
    """Our id for a style named ``name`` ("ND30 Nội dung" -> "ND30NoiDung"); None for other styles."""
    return _ID_BY_NAME.get(_name_key(name)) if name else None
