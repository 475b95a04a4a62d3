"""The YAML ``import`` writes: the layout of the examples, and text read back exactly as written."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from hanhchinh_docs.importer.writer import plan_yaml, read_back
from hanhchinh_docs.model.yaml_source import parse_yaml


def test_the_layout_is_that_of_the_examples() -> None:
    data = {
        "loai": "ke_hoach", "nam": 2024,
        "co_quan": {"chu_quan": "UBND TỈNH HÀ TĨNH", "ten": "Sở Tư pháp"},
        "so": None, "ngay": datetime.date(2024, 1, 8), "mo_dau": [],
        "noi_dung": [{"tieu_de": "MỤC ĐÍCH", "noi_dung": ["- Một: hai", 'Dấu "ngoặc"']},
                     {"bang": {"tieu_de": ["TT", "Chỉ tiêu"], "dong": [["1", "≥ 50"], ["2", ""]]}}],
        "phu_luc": [{"nhiem_vu": [{"ma": "NV01", "san_pham": ["Báo cáo"], "thoi_gian": "Quý I"}]}],
        "chua_xu_ly": ["BÁO CÁO\tnháp"],
    }
    assert plan_yaml(data, ["Tạo bằng lệnh import.", "", "Cảnh báo:", "  - thiếu số"]) == """\
# Tạo bằng lệnh import.

# Cảnh báo:
#   - thiếu số

loai: ke_hoach
nam: 2024           # năm của kế hoạch; thay vào mọi chỗ ghi {{ nam }}

co_quan:
  chu_quan: "UBND TỈNH HÀ TĨNH"
  ten: "Sở Tư pháp"
so: null            # số văn bản: để trống (null) khi chưa cấp số
ngay: 2024-01-08

mo_dau: []

noi_dung:
  - tieu_de: "MỤC ĐÍCH"
    noi_dung:
      - "- Một: hai"
      - "Dấu \\"ngoặc\\""
  - bang:
      tieu_de:
        - "TT"
        - "Chỉ tiêu"
      dong:
        -   - "1"
            - "≥ 50"
        -   - "2"
            - ""

phu_luc:
  - nhiem_vu:
      - ma: NV01
        san_pham:
          - "Báo cáo"
        thoi_gian: "Quý I"

# Các đoạn lệnh import chưa xếp được vào kế hoạch (không được in ra): hãy chuyển
# vào đúng chỗ trong 'noi_dung' hoặc 'phu_luc', rồi xóa khỏi đây.
chua_xu_ly:
  - "BÁO CÁO\\tnháp"
"""


def test_codes_that_would_read_as_another_type_are_quoted() -> None:
    text = plan_yaml({"loai": "ke_hoach", "ngay": "2024-05", "nhiem_vu": [
        {"ma": "yes"}, {"ma": "12"}, {"ma": ""}, {"ma": "NV-01"}, {"ma": "- x"}, {"ma": "0:"}]}, [])
    assert text.splitlines()[1:] == ["ngay: 2024-05", "nhiem_vu:", '  - ma: "yes"', '  - ma: "12"', '  - ma: ""',
                                     "  - ma: NV-01", '  - ma: "- x"', '  - ma: "0:"']


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_VALUE = st.recursive(
    st.one_of(_TEXT, st.none(), st.integers(-10**6, 10**6), st.booleans(), st.dates()),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["noi_dung", "ma", "ten", "dong", "ngay"]), children,
                                               max_size=4)),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["loai", "nam", "so", "ngay", "co_quan", "noi_dung", "chua_xu_ly", "ma"]), _VALUE,
                       min_size=1))
def test_what_is_written_reads_back_as_it_was(data: dict) -> None:
    """Dates read back as their text (the plan loader keeps them as written); everything else as it was."""
    assert parse_yaml(plan_yaml(data, ["ghi chú"]), "ke_hoach.yaml").data == read_back(data)


def test_read_back_is_a_copy_with_dates_as_text() -> None:
    data = {"ngay": datetime.date(2024, 1, 8), "noi_dung": [{"ma": "NV01", "so": 3}]}
    copy = read_back(data)
    assert copy == {"ngay": "2024-01-08", "noi_dung": [{"ma": "NV01", "so": 3}]}
    copy["noi_dung"][0]["ma"] = "NV02"
    assert data["noi_dung"][0]["ma"] == "NV01"
