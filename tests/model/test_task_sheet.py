"""Tasks from a sheet (``nhiem_vu: {tu_tep: ...}``) and the exported progress sheet read back by
``report --tien-do``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from openpyxl import Workbook, load_workbook

from hanhchinh_docs import api
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.errors import InvalidDataError
from hanhchinh_docs.model.loader import load_plan

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


def plan_with_sheet(folder: Path, rows: list[list], name: str = "nhiem_vu.xlsx") -> Path:
    data = yaml.safe_load(SEED.read_text(encoding="utf-8"))
    data["phu_luc"][0]["nhiem_vu"] = {"tu_tep": name}
    book = Workbook()
    for row in rows:
        book.active.append(row)
    if name.endswith(".xlsx"):
        book.save(folder / name)
    path = folder / "ke_hoach.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_tasks_come_from_the_sheet_with_headings_in_any_case_or_accents(tmp_path):
    path = plan_with_sheet(tmp_path, [
        ["DANH MỤC NHIỆM VỤ"],
        ["STT", "Mã", "NỘI DUNG NHIỆM VỤ", "Don vi chu tri", "Đơn vị phối hợp", "Thời gian thực hiện"],
        [1, "NV01", "Tuyên truyền trên Cổng thông tin điện tử năm {{ nam }}", "Văn phòng",
         "Phòng Tài chính\nCác phòng, đơn vị", "Quý II, IV"],
        [None, None, None, None, None, None],
        [2, "NV02", "Hội nghị tập huấn", "Phòng Pháp chế; Văn phòng", None, "Tháng 10 - 12/2024"],
    ])
    plan = load_plan(path).document
    tasks = plan.appendices[0].tasks
    assert [t.id for t in tasks] == ["NV01", "NV02"]
    assert tasks[0].content == "Tuyên truyền trên Cổng thông tin điện tử năm 2024"
    assert tasks[0].partner_units == ["Phòng Tài chính", "Các phòng, đơn vị"]
    assert tasks[1].lead_units == ["Phòng Pháp chế", "Văn phòng"]
    assert tasks[1].schedule == "Tháng 10 - 12/2024"
    out = api.render_plan(path, tmp_path / "kh.docx").output
    cells = [c.text for table in Document(str(out)).tables for row in table.rows for c in row.cells]
    assert "Hội nghị tập huấn" in cells and "- Phòng Pháp chế;\n- Văn phòng." in cells


def test_csv_sheet_works_too(tmp_path):
    (tmp_path / "nv.csv").write_text("Nội dung,Chủ trì\nViệc một,Văn phòng\n", encoding="utf-8")
    path = plan_with_sheet(tmp_path, [], name="nv.csv")
    assert [t.content for t in load_plan(path).document.appendices[0].tasks] == ["Việc một"]


def test_errors_name_file_row_and_column(tmp_path):
    path = plan_with_sheet(tmp_path, [
        ["Mã", "Nội dung", "Chủ trì"],
        ["NV01", "Việc một", "Văn phòng"],
        ["NV 02", "Việc hai", "Văn phòng"],
        ["NV01", "Việc ba", ""],
        ["NV04", "", "Văn phòng"],
    ])
    with pytest.raises(InvalidDataError) as caught:
        load_plan(path)
    messages = [str(p) for p in caught.value.problems]
    assert any("'NV 02'" in m and "nhiem_vu.xlsx, dòng 3, cột 1" in m for m in messages)
    assert any("trùng với dòng 2" in m and "dòng 4, cột 1" in m for m in messages)
    assert any("thiếu nội dung" in m and "dòng 5, cột 2, trường 'cột 'Nội dung''" in m for m in messages)


def test_missing_sheet_or_heading_is_explained(tmp_path):
    path = plan_with_sheet(tmp_path, [["A", "B"], ["1", "2"]])
    with pytest.raises(InvalidDataError, match="cột \"Nội dung\""):
        load_plan(path)
    (tmp_path / "nhiem_vu.xlsx").unlink()
    with pytest.raises(InvalidDataError, match="Không tìm thấy bảng nhiệm vụ 'nhiem_vu.xlsx'"):
        load_plan(path)


def test_exported_sheet_has_the_tasks_and_a_status_list(tmp_path):
    out = api.export_tasks(SEED, tmp_path / "tien_do.xlsx")
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[3]] == ["TT", "Mã", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
                                           "Thời gian thực hiện", "Tình trạng", "Kết quả"]
    assert [sheet.cell(row, 2).value for row in range(4, 9)] == ["NV01", "NV02", "NV03", "NV04", "NV05"]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"Hoàn thành,Đang thực hiện,Chưa thực hiện"'
    assert str(validation.sqref) == "G4:G8"


def test_export_then_report_reads_the_filled_sheet_back(tmp_path):
    for name in ("ke_hoach_tuyen_truyen_cchc_2024.yaml", "bao_cao_quy_1_2024.yaml"):
        shutil.copy(ROOT / "examples" / name, tmp_path)
    result = CliRunner().invoke(cli, ["export-tasks", str(tmp_path / "ke_hoach_tuyen_truyen_cchc_2024.yaml"),
                                      "-o", str(tmp_path / "tien_do.xlsx")])
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "tien_do.xlsx")
    sheet = book.active
    sheet["G4"], sheet["H4"] = "Hoàn thành", "Đăng tải 31 tin, bài trên Cổng thông tin"
    sheet["G6"], sheet["H6"] = "Đang thực hiện", "Đã tổ chức 01 hội nghị"
    book.save(tmp_path / "tien_do.xlsx")
    report = api.render_report(tmp_path / "bao_cao_quy_1_2024.yaml", tmp_path / "bc.docx",
                               progress_sheet=tmp_path / "tien_do.xlsx")
    cells = [c.text for table in Document(str(report.output)).tables for row in table.rows for c in row.cells]
    assert "Đăng tải 31 tin, bài trên Cổng thông tin" in cells
    assert "Đã tổ chức 01 hội nghị" in cells


def test_export_refuses_a_non_xlsx_name(tmp_path):
    result = CliRunner().invoke(cli, ["export-tasks", str(SEED), "-o", str(tmp_path / "a.csv")])
    assert result.exit_code == 2 and "phải có đuôi .xlsx" in result.output
    assert list(tmp_path.iterdir()) == []
