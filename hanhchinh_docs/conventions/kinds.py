"""Every ND30 administrative kind in one table: YAML code, Vietnamese name, symbol abbreviation, form.

The abbreviations are Phụ lục III's (``DOCUMENT_TYPES``); công văn has none (its symbol is the
issuer and the drafting unit, ``12/UBND-VX``). The form is the sample in Phụ lục III (Mẫu 1.x).
"""

from __future__ import annotations

from dataclasses import dataclass

from hanhchinh_docs.conventions.abbreviations import DOCUMENT_TYPES


@dataclass(frozen=True)
class Kind:
    code: str          # the YAML ``loai``
    name: str          # as written in running text ("Quyết định")
    form: str          # ND30 Phụ lục III sample form ("1.2")

    @property
    def abbreviation(self) -> str | None:
        """Phụ lục III's abbreviation (QĐ, QyĐ, TTr ...); None for công văn."""
        return DOCUMENT_TYPES.get(self.name)

    @property
    def type_name(self) -> str | None:
        """The tên loại line (QUYẾT ĐỊNH); None for công văn, which has none."""
        return None if self.code == LETTER_CODE else self.name.upper()


LETTER_CODE = "cong_van"

KINDS: dict[str, Kind] = {k.code: k for k in (
    Kind("nghi_quyet", "Nghị quyết", "1.1"),
    Kind("quyet_dinh", "Quyết định", "1.2"),
    Kind("chi_thi", "Chỉ thị", "1.4"),
    Kind("quy_che", "Quy chế", "1.4"),
    Kind("quy_dinh", "Quy định", "1.4"),
    Kind("thong_cao", "Thông cáo", "1.4"),
    Kind("thong_bao", "Thông báo", "1.4"),
    Kind("huong_dan", "Hướng dẫn", "1.4"),
    Kind("chuong_trinh", "Chương trình", "1.4"),
    Kind("ke_hoach", "Kế hoạch", "1.4"),
    Kind("phuong_an", "Phương án", "1.4"),
    Kind("de_an", "Đề án", "1.4"),
    Kind("du_an", "Dự án", "1.4"),
    Kind("bao_cao", "Báo cáo", "1.4"),
    Kind("to_trinh", "Tờ trình", "1.4"),
    Kind("giay_uy_quyen", "Giấy ủy quyền", "1.4"),
    Kind("phieu_gui", "Phiếu gửi", "1.4"),
    Kind("phieu_chuyen", "Phiếu chuyển", "1.4"),
    Kind("phieu_bao", "Phiếu báo", "1.4"),
    Kind(LETTER_CODE, "Công văn", "1.5"),
    Kind("cong_dien", "Công điện", "1.6"),
    Kind("giay_moi", "Giấy mời", "1.7"),
    Kind("giay_gioi_thieu", "Giấy giới thiệu", "1.8"),
    Kind("bien_ban", "Biên bản", "1.9"),
    Kind("giay_nghi_phep", "Giấy nghỉ phép", "1.10"),
)}
"""Code -> kind, in the order of Phụ lục III."""

DECISION_KINDS = ("quyet_dinh", "nghi_quyet")
"""Kinds written as numbered articles (Điều 1., Điều 2. ...) under an issuing-authority line."""

LEGAL_BASIS_KINDS = ("quyet_dinh", "nghi_quyet", "quy_che", "quy_dinh", "chi_thi")
"""Kinds whose ND30 form opens with căn cứ ban hành (italic "Căn cứ ...;" lines)."""

ADDRESSED_KINDS = ("to_trinh",)
"""Kinds always sent to a superior, so "Kính gửi:" is required (a báo cáo may have it)."""


def kind_by_name(name: str) -> Kind | None:
    """``"Quyết định"`` (any case) -> its kind."""
    folded = " ".join(name.split()).casefold()
    return next((k for k in KINDS.values() if k.name.casefold() == folded), None)
