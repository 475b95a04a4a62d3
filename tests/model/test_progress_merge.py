"""Progress sheets back from several units merged per task: each unit's result kept, the lead
unit's status, conflicts and units that sent nothing as warnings."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from hanhchinh_docs import api
from hanhchinh_docs.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
PLAN = "ke_hoach_tuyen_truyen_cchc_2024.yaml"
REPORT = "bao_cao_quy_1_2024.yaml"


def fill(path: Path, answers: dict[str, tuple[str, str]]) -> None:
    """Write status and result into the exported sheet's rows for the given task ids."""
    book = load_workbook(path)
    sheet = book.active
    headings = [c.value for c in sheet[3]]
    key_col, status_col, result_col = (headings.index(h) + 1 for h in ("Mã", "Tình trạng", "Kết quả"))
    for row in range(4, sheet.max_row + 1):
        key = sheet.cell(row, key_col).value
        if key in answers:
            sheet.cell(row, status_col).value, sheet.cell(row, result_col).value = answers[key]
    book.save(path)


def result_cells(docx: Path) -> list[str]:
    return [c.text for table in Document(str(docx)).tables for row in table.rows for c in row.cells]


def test_unit_sheet_holds_only_its_tasks_and_its_name(tmp_path):
    out = api.export_tasks(ROOT / "examples" / PLAN, tmp_path / "tt.xlsx", unit="thanh tra")
    sheet = load_workbook(out).active
    assert [sheet["A2"].value, sheet["C2"].value] == ["Đơn vị báo cáo:", "thanh tra"]
    assert [sheet.cell(row, 2).value for row in range(4, sheet.max_row + 1)] == ["NV03"]


def test_sheets_from_a_folder_are_merged_per_task(tmp_path):
    for name in (PLAN, REPORT):
        shutil.copy(ROOT / "examples" / name, tmp_path)
    folder = tmp_path / "thu_ve"
    folder.mkdir()
    runner = CliRunner()
    for unit, file in (("Văn phòng", "vp.xlsx"), ("Các phòng, đơn vị trực thuộc", "cac_phong.xlsx")):
        done = runner.invoke(cli, ["export-tasks", str(tmp_path / PLAN), "--don-vi", unit, "-o", str(folder / file)])
        assert done.exit_code == 0, done.output
    fill(folder / "vp.xlsx", {"NV01": ("Hoàn thành", "Đăng 25 tin, bài"), "NV04": ("Hoàn thành", "Phát 500 tờ gấp")})
    fill(folder / "cac_phong.xlsx", {"NV01": ("Đang thực hiện", "Gửi 10 tin"), "NV05": ("Chưa thực hiện", "")})
    result = api.render_report(tmp_path / REPORT, tmp_path / "bc.docx", progress_sheet=folder)
    cells = result_cells(result.output)
    assert "Văn phòng: Đăng 25 tin, bài; Các phòng, đơn vị trực thuộc (phối hợp): Gửi 10 tin" in cells
    assert "Phát 500 tờ gấp" in cells
    warnings = [str(w) for w in result.warnings]
    conflict = [w for w in warnings if "NV01" in w and "khác nhau" in w]
    assert conflict and "dùng tình trạng của đơn vị chủ trì Văn phòng: Hoàn thành" in conflict[0]
    assert any("Chưa nhận bảng tiến độ của: Thanh tra" in w for w in warnings)


def test_partners_alone_disagreeing_take_the_least_advanced_status(tmp_path):
    for name in (PLAN, REPORT):
        shutil.copy(ROOT / "examples" / name, tmp_path)
    sheets = []
    for unit in ("Phòng A", "Phòng B"):
        path = api.export_tasks(tmp_path / PLAN, tmp_path / f"{unit}.xlsx")
        book = load_workbook(path)
        book.active["C2"] = unit
        book.save(path)
        sheets.append(path)
    fill(sheets[0], {"NV04": ("Hoàn thành", "A xong")})
    fill(sheets[1], {"NV04": ("Đang thực hiện", "B đang làm")})
    result = api.render_report(tmp_path / REPORT, tmp_path / "bc.docx", progress_sheet=sheets)
    assert "Phòng A (phối hợp): A xong; Phòng B (phối hợp): B đang làm" in result_cells(result.output)
    assert any("dùng tình trạng thấp nhất: Đang thực hiện" in str(w) for w in result.warnings)
