"""Bad input to `report`: a message naming file, field and line; exit 2; no file written or replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from hanhchinh_docs.cli.main import cli
from tests.reporting.report_readback import SEED_PLAN

REPORT = """\
loai: bao_cao
ke_hoach: ke_hoach.yaml
ky_bao_cao: quy_1
ngay: 2024-03-15
ket_qua:
  NV01:
    trang_thai: hoan_thanh
    ket_qua: "Đăng tải 25 tin, bài."
noi_nhan: [Như trên]
"""

INVALID_PLAN = """\
loai: ke_hoach
nam: hai nghìn
co_quan: {ban_hanh: SỞ NỘI VỤ, viet_tat: SNV}
dia_danh: Hà Tĩnh
trich_yeu: Cải cách hành chính
nguoi_ky: {chuc_vu: GIÁM ĐỐC, ho_ten: Nguyễn Văn A}
"""

EXISTING = b"an earlier, complete report"


def write_sheet(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in [["TT", "Nội dung", "Tình trạng", "Kết quả"], *rows]:
        book.active.append(row)
    book.save(path)
    return path


def setup_report(tmp_path: Path, case: str) -> tuple[Path, list[str], tuple[str, ...]]:
    """The report file, extra CLI arguments, and the fragments the error message must contain."""
    shutil.copy(SEED_PLAN, tmp_path / "ke_hoach.yaml")
    report, args = REPORT, []
    if case == "missing_plan":
        report = report.replace("ke_hoach: ke_hoach.yaml", "ke_hoach: khong_co.yaml")
        expected = ("Không tìm thấy tệp kế hoạch", "khong_co.yaml", "bao_cao.yaml", "dòng 2", "trường 'ke_hoach'")
    elif case == "invalid_plan":
        (tmp_path / "ke_hoach.yaml").write_text(INVALID_PLAN, encoding="utf-8")
        expected = ("ke_hoach.yaml", "dòng 2", "trường 'nam'", "số có 4 chữ số")
    elif case == "unknown_task":
        report = report.replace("  NV01:", "  NV09:")
        expected = ("Nhiệm vụ 'NV09' không có trong kế hoạch", "bao_cao.yaml", "dòng 6", "trường 'ket_qua.NV09'")
    elif case == "unknown_status":
        report = report.replace("trang_thai: hoan_thanh", "trang_thai: xong_roi")
        expected = ("Trạng thái không hợp lệ", "hoan_thanh", "bao_cao.yaml", "dòng 7",
                    "trường 'ket_qua.NV01.trang_thai'")
    elif case == "unknown_period":
        report = report.replace("ky_bao_cao: quy_1", "ky_bao_cao: quy_5")
        expected = ("Kỳ báo cáo không hợp lệ", "bao_cao.yaml", "dòng 3", "trường 'ky_bao_cao'")
    elif case == "sheet_status":
        sheet = write_sheet(tmp_path / "tien_do.xlsx", [[1, "Nhiệm vụ 1", "Xong rồi nhé", "25 tin"]])
        args = ["--tien-do", str(sheet)]
        expected = ("Tình trạng 'Xong rồi nhé' của nhiệm vụ '1' không hiểu được", "tien_do.xlsx", "dòng 2",
                    "cột 'Tình trạng'")
    elif case == "sheet_task":
        sheet = write_sheet(tmp_path / "tien_do.xlsx", [[1, "", "Hoàn thành", ""], [9, "", "Hoàn thành", ""]])
        args = ["--tien-do", str(sheet)]
        expected = ("Nhiệm vụ '9' trong bảng tiến độ không có trong kế hoạch", "tien_do.xlsx", "dòng 3", "cột 'TT'")
    elif case == "sheet_csv_status":
        sheet = tmp_path / "tien_do.csv"
        sheet.write_text("Mã;Trạng thái;Kết quả\nNV01;hoàn thành;x\nNV03;làm dở;y\n", encoding="utf-8")
        args = ["--tien-do", str(sheet)]
        expected = ("Tình trạng 'làm dở' của nhiệm vụ 'NV03' không hiểu được", "tien_do.csv", "dòng 3",
                    "cột 'Trạng thái'")
    elif case == "sheet_not_xlsx":
        sheet = tmp_path / "tien_do.xlsx"
        sheet.write_bytes(b"not a workbook")
        args = ["--tien-do", str(sheet)]
        expected = ("Không đọc được bảng tính", "tien_do.xlsx", "không phải .xlsx hợp lệ")
    else:
        raise AssertionError(case)
    source = tmp_path / "bao_cao.yaml"
    source.write_text(report, encoding="utf-8")
    return source, args, expected


CASES = ["missing_plan", "invalid_plan", "unknown_task", "unknown_status", "unknown_period",
         "sheet_status", "sheet_task", "sheet_csv_status", "sheet_not_xlsx"]


@pytest.mark.parametrize("existing", [False, True], ids=["no_output_yet", "output_exists"])
@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_refused_and_nothing_is_written(tmp_path, case, existing):
    source, args, expected = setup_report(tmp_path, case)
    out = tmp_path / "BAO_CAO.docx"
    if existing:
        out.write_bytes(EXISTING)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(cli, ["report", str(source), "-o", str(out), *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stderr.startswith("Lỗi: ")
    for fragment in expected:
        assert fragment in result.stderr, (fragment, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "no output and no temporary file is left"
    if existing:
        assert out.read_bytes() == EXISTING
    else:
        assert not out.exists()


def test_the_good_report_of_these_cases_renders(tmp_path):
    """The base case is valid, so each failure above is caused by its own change only."""
    shutil.copy(SEED_PLAN, tmp_path / "ke_hoach.yaml")
    source = tmp_path / "bao_cao.yaml"
    source.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "BAO_CAO.docx"
    result = CliRunner().invoke(cli, ["report", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_output_may_not_overwrite_an_input(tmp_path):
    shutil.copy(SEED_PLAN, tmp_path / "ke_hoach.yaml")
    source = tmp_path / "bao_cao.yaml"
    source.write_text(REPORT, encoding="utf-8")
    plan_bytes = (tmp_path / "ke_hoach.yaml").read_bytes()
    result = CliRunner().invoke(cli, ["report", str(source), "-o", str(tmp_path / "ke_hoach.yaml")])
    assert result.exit_code == 2 and "trùng với tệp đầu vào" in result.stderr
    assert (tmp_path / "ke_hoach.yaml").read_bytes() == plan_bytes
