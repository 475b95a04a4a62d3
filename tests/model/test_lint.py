"""Data lint: each kind of warning, located in the YAML, and what must not be flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.model.lint import lint_plan
from hanhchinh_docs.model.loader import load_plan

PLAN = """\
loai: ke_hoach
nam: {year}
co_quan:
  chu_quan: UBND TỈNH HÀ TĨNH
  ban_hanh: SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
  viet_tat: STNMT
so: 5
dia_danh: Hà Tĩnh
ngay: {year}-01-08
trich_yeu: "{subject}"
mo_dau:
  - "{opening}"
noi_dung:
  - tieu_de: TỔ CHỨC THỰC HIỆN
    noi_dung:
      - "Văn phòng Sở theo dõi, đôn đốc thực hiện Kế hoạch này."
nguoi_ky:
  chuc_vu: GIÁM ĐỐC
  ho_ten: Nguyễn Văn An
noi_nhan:
{recipients}
luu: [VT, VP]
phu_luc:
{appendices}
"""

TASKS = """\
  - ten: NHIỆM VỤ NĂM {{{{ nam }}}}
    nhiem_vu:
      - noi_dung: "Tuyên truyền trên Cổng thông tin điện tử của Sở."
        chu_tri: Văn phòng
        thoi_gian: Quý II/{year}"""


def plan(tmp_path: Path, *, year: int = 2024, subject: str = "Tuyên truyền cải cách hành chính năm {{ nam }}",
         opening: str = "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh.", recipients: str = "  - UBND tỉnh",
         appendices: str | None = None) -> Path:
    path = tmp_path / "ke_hoach.yaml"
    path.write_text(PLAN.format(year=year, subject=subject, opening=opening, recipients=recipients,
                                appendices=appendices if appendices is not None else TASKS.format(year=year)),
                    encoding="utf-8")
    return path


def warnings_of(path: Path):
    loaded = load_plan(path)
    return lint_plan(loaded)


def test_a_clean_plan_has_no_warning(tmp_path: Path) -> None:
    assert warnings_of(plan(tmp_path)) == []


def test_the_seeds_year_mistake_in_the_title_is_flagged_at_its_line(tmp_path: Path) -> None:
    warnings = warnings_of(plan(tmp_path, subject="Tuyên truyền cải cách hành chính của Sở năm 2023"))
    assert len(warnings) == 1
    warning = warnings[0]
    assert warning.severity == "warning"
    assert "Năm 2023" in warning.message and "nam: 2024" in warning.message and "{{ nam }}" in warning.message
    assert warning.location.field == "trich_yeu" and warning.location.line == 10


@pytest.mark.parametrize("text", [
    "Tuyên truyền gắn với Chương trình tổng thể giai đoạn 2021-2030.",
    "Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về tuyên truyền năm 2024.",
    "Phấn đấu đến năm 2030 hoàn thành chuyển đổi số.",
    "Thực hiện Quyết định số 01/2023/QĐ-UBND ngày 05/01/2023 của UBND tỉnh.",
    "Giai đoạn 2022 - 2025, định hướng đến năm 2030.",
])
def test_years_of_citations_and_ranges_are_not_flagged(tmp_path: Path, text: str) -> None:
    assert warnings_of(plan(tmp_path, year=2025, opening=text)) == []


def test_a_stray_year_in_the_appendix_schedule_is_flagged(tmp_path: Path) -> None:
    appendices = TASKS.format(year=2024).replace("Quý II/2024", "Quý II/2023")
    warnings = warnings_of(plan(tmp_path, appendices=appendices))
    assert [w.location.field for w in warnings] == ["phu_luc[0].nhiem_vu[0].thoi_gian"]


@pytest.mark.parametrize(("text", "problem"), [
    ("Thực hiện Kế hoạch 08/KH-UBND ngày 08/01/2024 của UBND tỉnh.", "thiếu chữ «số»"),
    ("Thực hiện Kế hoạch số 08/KH-UBND, ngày 08/01/2024 của UBND tỉnh.", "không đặt dấu phẩy"),
    ("Thực hiện Kế hoạch số 08/KH-UBND ngày 8/1/2024 của UBND tỉnh.", "«08/01/2024»"),
    ("Thực hiện Kế hoạch số 08/KH-UBND của UBND tỉnh.", "thiếu ngày ban hành"),
    ("Thực hiện Kế hoạch số 08/KH-UBND ngày 08 tháng 01 năm 2024 của UBND tỉnh.", "dạng «ngày dd/mm/yyyy»"),
    ("Thực hiện Kế hoạch số 08 / KH-UBND ngày 08/01/2024 của UBND tỉnh.", "viết liền"),
])
def test_citations_not_in_the_standard_form_are_flagged(tmp_path: Path, text: str, problem: str) -> None:
    warnings = warnings_of(plan(tmp_path, opening=text))
    assert len(warnings) == 1 and problem in warnings[0].message
    assert warnings[0].location.field == "mo_dau[0]" and warnings[0].location.line == 12


def test_a_well_formed_citation_passes(tmp_path: Path) -> None:
    text = "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 và Nghị quyết số 12-NQ/TU ngày 26/5/2022."
    assert warnings_of(plan(tmp_path, opening=text)) == []


@pytest.mark.parametrize("item", ['"- UBND tỉnh"', '"UBND tỉnh;"', '"+ Sở Nội vụ."'])
def test_recipients_with_their_own_dash_or_semicolon_are_flagged(tmp_path: Path, item: str) -> None:
    warnings = warnings_of(plan(tmp_path, recipients=f"  - {item}"))
    assert len(warnings) == 1 and "công cụ tự thêm" in warnings[0].message
    assert warnings[0].location.field == "noi_nhan[0]"


def test_an_empty_appendix_is_flagged(tmp_path: Path) -> None:
    warnings = warnings_of(plan(tmp_path, appendices="  - ten: DANH MỤC NHIỆM VỤ"))
    assert len(warnings) == 1 and "không có nhiệm vụ nào" in warnings[0].message
    assert warnings[0].location.field == "phu_luc[0]"


def test_a_task_without_a_lead_unit_is_flagged(tmp_path: Path) -> None:
    appendices = TASKS.format(year=2024).replace("        chu_tri: Văn phòng\n", "")
    warnings = warnings_of(plan(tmp_path, appendices=appendices))
    assert len(warnings) == 1 and "chưa có đơn vị chủ trì" in warnings[0].message
    assert warnings[0].location.field == "phu_luc[0].nhiem_vu[0]"
    assert warnings[0].location.line == 26


def test_render_shows_the_lint_warnings(tmp_path: Path) -> None:
    path = plan(tmp_path, subject="Tuyên truyền cải cách hành chính năm 2023")
    result = render_plan(path, tmp_path / "out.docx")
    assert any("Năm 2023" in w.message for w in result.warnings)


def test_comma_fragments_of_a_one_line_list_are_warned_with_the_quoted_fix(tmp_path: Path) -> None:
    path = plan(tmp_path, recipients="  [UBND tỉnh, Các ban, ngành, đoàn thể xã, GĐ, PGĐ Sở, VT]")
    path.write_text(path.read_text(encoding="utf-8").replace("noi_nhan:\n  [", "noi_nhan: ["), encoding="utf-8")
    fragments = [w for w in warnings_of(path) if "bị dấu phẩy tách ra" in w.message]
    assert [w.message for w in fragments] == [
        "Các mục «Các ban», «ngành» và «đoàn thể xã» của 'noi_nhan' có vẻ là một mục bị dấu phẩy tách ra "
        "(trong danh sách viết trên một dòng, dấu phẩy ngăn cách các mục) và sẽ in thành 3 dòng. Nếu là một mục, "
        "hãy đặt trong ngoặc kép: \"Các ban, ngành, đoàn thể xã\"",
    ]
    assert fragments[0].location.field == "noi_nhan[2]" and fragments[0].location.line == 20


@pytest.mark.parametrize("items", [
    "[UBND tỉnh, \"Các ban, ngành, đoàn thể xã\", GĐ, PGĐ Sở]",
    "[Sở Nội vụ, VP, UBND huyện Can Lộc, Như trên]",
])
def test_whole_items_and_abbreviations_are_not_fragments(tmp_path: Path, items: str) -> None:
    path = plan(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("noi_nhan:\n  - UBND tỉnh", f"noi_nhan: {items}"),
                    encoding="utf-8")
    assert [w for w in warnings_of(path) if "dấu phẩy tách ra" in w.message] == []


def test_a_lone_capitalised_word_continuing_the_item_before_is_a_fragment(tmp_path: Path) -> None:
    appendices = TASKS.format(year=2024).replace("chu_tri: Văn phòng", "chu_tri: Văn phòng\n        phoi_hop: "
                                                 "[Các ban, Ngành, Các xã]")
    [warning] = [w for w in warnings_of(plan(tmp_path, appendices=appendices)) if "tách ra" in w.message]
    assert warning.message.startswith("Các mục «Các ban» và «Ngành» của 'phu_luc[0].nhiem_vu[0].phoi_hop' có vẻ "
                                      "là một mục bị dấu phẩy tách ra")
    assert warning.message.endswith("sẽ in thành 2 dòng. Nếu là một mục, hãy đặt trong ngoặc kép: "
                                    "\"Các ban, Ngành\"")


def test_an_impossible_date_in_thoi_gian_is_warned_on_render(tmp_path: Path) -> None:
    appendices = TASKS.format(year=2024).replace("thoi_gian: Quý II/2024", "thoi_gian: Trước ngày 31/6/2024")
    [warning] = [w for w in warnings_of(plan(tmp_path, appendices=appendices)) if "không có thật" in w.message]
    assert warning.message == (
        "Thời gian thực hiện «Trước ngày 31/6/2024» ghi ngày 31/6/2024 không có thật: tháng 6 năm 2024 chỉ có 30 "
        "ngày; hãy sửa lại ngày (báo cáo không biết nhiệm vụ này đến kỳ lúc nào)")
    assert warning.location.field == "phu_luc[0].nhiem_vu[0].thoi_gian" and warning.location.line == 28


@pytest.mark.parametrize(("typed", "digit"), [("Quý ２/2024", "２"), ("Trước ngày ３0/5/2024", "３"),
                                             ("Trước ngày 30/٥/2024", "٥")])
def test_digits_other_than_0_to_9_in_a_deadline_are_warned(tmp_path: Path, typed: str, digit: str) -> None:
    """Full-width and Arabic-Indic digits: Python's int() reads them, but the schedule parser must not guess."""
    appendices = TASKS.format(year=2024).replace("thoi_gian: Quý II/2024", f"thoi_gian: {typed}")
    [warning] = warnings_of(plan(tmp_path, appendices=appendices))
    assert f"có chữ số «{digit}» không phải chữ số 0-9" in warning.message
    assert warning.location.field == "phu_luc[0].nhiem_vu[0].thoi_gian" and warning.location.line == 28


def test_the_schedule_parser_reads_only_ascii_digits() -> None:
    from hanhchinh_docs.conventions.schedule import parse_schedule

    assert parse_schedule("Quý ２", 2025) is None and parse_schedule("Trước ngày ３０/５/2025", 2025) is None
    assert parse_schedule("Quý 2", 2025).deadline.isoformat() == "2025-06-30"
