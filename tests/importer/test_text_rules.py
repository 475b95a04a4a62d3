"""The small text rules the import relies on: item labels, broken lines, the plan's year as {{ nam }}."""

from __future__ import annotations

import pytest

from hanhchinh_docs.importer.lines import logical_lines, parse_label, without_end_mark
from hanhchinh_docs.importer.year import with_year_variable, years_mentioned

LABELS = [
    ("II. NỘI DUNG", ("roman", "II.", "NỘI DUNG")),
    ("1.Mục đích:", ("digit", "1.", "Mục đích:")),
    ("3. 100% hồ sơ đúng hạn", ("digit", "3.", "100% hồ sơ đúng hạn")),
    ("đ) Điểm thứ năm", ("letter", "đ)", "Điểm thứ năm")),
    ("1.000 hồ sơ được giải quyết", None),
    ("2021-2030 là giai đoạn", None),
    ("- Gạch đầu dòng", None),
    ("Văn bản thường", None),
]


@pytest.mark.parametrize("text,expected", LABELS)
def test_item_labels(text: str, expected):
    label = parse_label(text)
    assert (None if label is None else (label.kind, label.text, label.rest)) == expected


def test_manual_breaks_split_items_and_join_broken_sentences():
    assert logical_lines(["2. Yêu cầu:", "- Bám sát kế hoạch", "của tỉnh;", "+ Đổi mới."]) == [
        "2. Yêu cầu:", "- Bám sát kế hoạch của tỉnh;", "+ Đổi mới."]
    assert logical_lines(["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"]) == ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"]


def test_closing_mark_is_removed():
    assert without_end_mark("triển khai thực hiện./.", sentence=True) == "triển khai thực hiện."
    assert without_end_mark("TỔ CHỨC THỰC HIỆN ./.", sentence=False) == "TỔ CHỨC THỰC HIỆN"
    assert without_end_mark("Có khó khăn gì?./.", sentence=True) == "Có khó khăn gì?"


YEARS = [
    ("Kế hoạch CCHC năm 2024 của Sở", "Kế hoạch CCHC năm {{ nam }} của Sở"),
    ("TUYÊN TRUYỀN NĂM 2024", "TUYÊN TRUYỀN NĂM {{ nam }}"),
    ("Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về CCHC năm 2024; Sở xây dựng kế hoạch "
     "năm 2024 như sau:",
     "Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về CCHC năm 2024; Sở xây dựng kế hoạch "
     "năm {{ nam }} như sau:"),
    ("Thực hiện Nghị quyết số 12-NQ/TU về CCHC năm 2024, Sở ban hành kế hoạch năm 2024.",
     "Thực hiện Nghị quyết số 12-NQ/TU về CCHC năm 2024, Sở ban hành kế hoạch năm {{ nam }}."),
    ("giai đoạn 2021-2030 và năm 2024-2025, năm 2024 - 2025", "giai đoạn 2021-2030 và năm 2024-2025, năm 2024 - 2025"),
    ("ban hành ngày 05 tháng 01 năm 2024", "ban hành ngày 05 tháng 01 năm 2024"),
    ("đến năm 2030 và năm 2023", "đến năm 2030 và năm 2023"),
    ("giữ {{ x }} năm 2024", "{% raw %}giữ {{ x }} năm 2024{% endraw %}"),
]


@pytest.mark.parametrize("text,expected", YEARS)
def test_the_plan_year_becomes_a_variable_outside_citations_dates_and_ranges(text: str, expected: str):
    assert with_year_variable(text, 2024) == expected


def test_years_mentioned_ignores_ranges():
    assert years_mentioned("Kế hoạch năm 2025, giai đoạn năm 2021-2025") == {2025}
