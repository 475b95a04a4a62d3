"""An agency's name in running text ("của Sở Tài nguyên và Môi trường"), from its upper-case header line."""

from __future__ import annotations

import pytest

from hanhchinh_docs.conventions.text import authority_running_name, organisation_running_name


@pytest.mark.parametrize(("upper", "running"), [
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
    ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Sở Nông nghiệp và Phát triển nông thôn"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("TRUNG TÂM Y TẾ HUYỆN KỲ ANH", "Trung tâm Y tế huyện Kỳ Anh"),
    # acronyms stay as written, even those with a vowel letter (UBND) or joined (THCS&THPT)
    ("VĂN PHÒNG UBND TỈNH", "Văn phòng UBND tỉnh"),
    ("SỞ GDĐT TỈNH ĐỒNG THÁP", "Sở GDĐT tỉnh Đồng Tháp"),
    ("TRUNG TÂM CNTT VÀ TRUYỀN THÔNG", "Trung tâm CNTT và Truyền thông"),
    # a school's own name after its level is a proper name (G01: "Trường THPT Đốc Binh Kiều")
    ("TRƯỜNG THPT ĐỐC BINH KIỀU", "Trường THPT Đốc Binh Kiều"),
    ("TRƯỜNG THCS&THPT NGUYỄN DU", "Trường THCS&THPT Nguyễn Du"),
    ("TRƯỜNG TIỂU HỌC KỲ ANH", "Trường Tiểu học Kỳ Anh"),
    ("TRƯỜNG CHÍNH TRỊ TỈNH HÀ TĨNH", "Trường Chính trị tỉnh Hà Tĩnh"),  # not a school level: field rule
    ("BAN CHỈ ĐẠO 389", "Ban Chỉ đạo 389"),
    ("UBND TỈNH HÀ TĨNH", "UBND TỈNH HÀ TĨNH"),  # no known kind first: left as written
])
def test_organisation_running_name(upper: str, running: str) -> None:
    assert organisation_running_name(upper) == running


def test_authority_running_name() -> None:
    assert authority_running_name("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH") == "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh"
    assert authority_running_name("GIÁM ĐỐC SỞ GDĐT") == "Giám đốc Sở GDĐT"
