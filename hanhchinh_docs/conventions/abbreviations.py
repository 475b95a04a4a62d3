"""Abbreviations of document types (ND30 Phụ lục III, mục I) and signing-authority prefixes."""

from __future__ import annotations

DOCUMENT_TYPES: dict[str, str] = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC",
    "Quy định": "QyĐ", "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD",
    "Chương trình": "CTr", "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA",
    "Dự án": "DA", "Báo cáo": "BC", "Biên bản": "BB", "Tờ trình": "TTr",
    "Hợp đồng": "HĐ", "Công điện": "CĐ", "Bản ghi nhớ": "BGN", "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ", "Giấy mời": "GM", "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC", "Phiếu báo": "PB",
}
"""Type name (as written in running text) -> abbreviation used in the symbol."""

PLAN_TYPE = ("Kế hoạch", DOCUMENT_TYPES["Kế hoạch"])
REPORT_TYPE = ("Báo cáo", DOCUMENT_TYPES["Báo cáo"])
"""(name in running text, symbol abbreviation) of the two types this tool writes."""

COPY_TYPES: dict[str, str] = {"Bản sao y": "SY", "Bản trích sao": "TrS", "Bản sao lục": "SL"}

SIGNING_PREFIXES: dict[str, str] = {
    "TM.": "thay mặt tập thể",
    "KT.": "ký thay người đứng đầu",
    "Q.": "quyền người đứng đầu",
    "TL.": "thừa lệnh người đứng đầu",
    "TUQ.": "thừa ủy quyền người đứng đầu",
}
"""ND30 Phụ lục I, mục II.7: what may stand before the position on the authority line."""


def signing_prefix(authority_line: str) -> str | None:
    """The prefix an authority line starts with (``"KT. GIÁM ĐỐC"`` -> ``"KT."``), else ``None``."""
    head = authority_line.strip().split(" ", 1)[0].upper()
    return head if head in SIGNING_PREFIXES else None
