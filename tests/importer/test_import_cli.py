"""`hanhchinh-docs import`: output, summary, and bad input (exit 2, Vietnamese message, nothing written)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.model.yaml_source import read_yaml_file
from tests.support.cli import EXISTING, assert_refused
from tests.importer.word_plans import WordPlan, build_plan


def run_import(source: Path, *extra: str):
    """Import into an existing output file, which a refused import must leave untouched."""
    out = source.with_name("out.yaml")
    out.write_bytes(EXISTING)
    return CliRunner().invoke(cli, ["import", str(source), "-o", str(out), *extra]), out


def test_import_writes_yaml_and_a_summary(tmp_path: Path):
    source = build_plan(tmp_path / "ke_hoach_2024.docx")
    result = CliRunner().invoke(cli, ["import", str(source)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "ke_hoach_2024.yaml"
    assert f"Đã tạo {out}: 3 mục, 2 nhiệm vụ; 2 đoạn chưa xếp được (chua_xu_ly)" in result.output
    assert "Cảnh báo: Bảng 2 ('(Đã ký)')" in result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Tạo bằng lệnh 'hanhchinh-docs import' từ tệp ke_hoach_2024.docx.")
    assert "CHƯA ĐẦY ĐỦ" not in text
    assert load_plan(out).document.year == 2024


def test_yaml_keeps_contract_order_block_style_and_unfolded_lines(tmp_path: Path):
    source = build_plan(tmp_path / "plan.docx")
    CliRunner().invoke(cli, ["import", str(source)])
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys == ["loai", "nam", "co_quan", "so", "dia_danh", "ngay", "trich_yeu", "mo_dau", "noi_dung",
                    "nguoi_ky", "noi_nhan", "luu", "phu_luc", "chua_xu_ly"]
    assert "[" not in text.split("luu:")[1].split("\n")[0], "block style, not flow style"
    assert '  - "Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về cải cách hành chính năm ' \
           '2024; Sở xây dựng kế hoạch năm {{ nam }} như sau:"\n' in text
    assert '"- Nâng cao nhận thức về cải cách hành chính."' in text
    assert "\\u" not in text, "Vietnamese letters are written as they are"
    assert read_yaml_file(tmp_path / "plan.yaml").data["ngay"] == "2024-01-05"  # dates stay text until validated


def test_output_next_to_the_input_can_not_be_the_input(tmp_path: Path):
    source = build_plan(tmp_path / "plan.docx")
    before = source.read_bytes()
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "trùng với tệp đầu vào" in result.output
    assert source.read_bytes() == before


BAD_FILES = {
    "not a docx": (b"day la van ban thuong, khong phai Word", "không phải văn bản Word .docx"),
    "empty": (b"", "rỗng"),
    "old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word kiểu cũ (.doc)"),
}


@pytest.mark.parametrize("content,message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_unreadable_files_are_refused(content: bytes, message: str, tmp_path: Path):
    source = tmp_path / "cu.docx"
    source.write_bytes(content)
    result, out = run_import(source)
    assert_refused(result, out, "Lỗi:", message, "cu.docx")


def test_truncated_docx_is_refused_even_with_force(tmp_path: Path):
    whole = build_plan(tmp_path / "whole.docx").read_bytes()
    source = tmp_path / "cu.docx"
    source.write_bytes(whole[: len(whole) // 2])
    result, out = run_import(source, "--force")
    assert_refused(result, out, "bị hỏng")


def test_missing_file_is_refused(tmp_path: Path):
    result, out = run_import(tmp_path / "khong_co.docx")
    assert_refused(result, out, "Không tìm thấy tệp")


def _letter(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Kính gửi anh Nam,")
    document.add_paragraph("Hẹn gặp lại vào tuần sau.")
    document.save(str(path))
    return path


def test_docx_that_is_not_a_plan_is_refused(tmp_path: Path):
    result, out = run_import(_letter(tmp_path / "thu.docx"))
    assert_refused(result, out, "Không thấy tên loại 'KẾ HOẠCH'", "--force")


def test_pre_unicode_fonts_are_named_as_the_likely_cause(tmp_path: Path):
    plan = WordPlan()
    for text in ("KÕ ho¹ch", "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh"):
        run = plan.para(text).runs[0]
        run.font.name = ".VnTime"
    result, out = run_import(plan.save(tmp_path / "cu.docx"))
    assert_refused(result, out, "phông chữ cũ, không phải Unicode (.VnTime)", "Unikey")


def test_a_legacy_font_only_named_by_an_unused_style_gives_no_warning(tmp_path: Path):
    source = build_plan(tmp_path / "ke_hoach_2024.docx")
    document = docx.Document(source)
    document.styles.add_style("Cu", 1).font.name = ".VnTime"     # a paragraph style no paragraph uses
    document.save(source)
    result = CliRunner().invoke(cli, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert "phông chữ cũ" not in (tmp_path / "ke_hoach_2024.yaml").read_text(encoding="utf-8")


def test_a_report_is_named_as_not_a_plan(tmp_path: Path):
    plan = WordPlan()
    plan.para("BÁO CÁO", bold=True, center=True)
    plan.para("Kết quả năm 2024")
    result, out = run_import(plan.save(tmp_path / "bao_cao.docx"))
    assert_refused(result, out, "Văn bản này là báo cáo, không phải kế hoạch")


def test_force_writes_a_partial_file_flagged_as_partial(tmp_path: Path):
    result, out = run_import(_letter(tmp_path / "thu.docx"), "--force", "--ghi-de")
    assert result.exit_code == 0, result.output
    assert "CHƯA ĐẦY ĐỦ" in result.output
    assert "Lỗi (vẫn ghi vì có --force): Không thấy tên loại 'KẾ HOẠCH'" in result.output
    text = out.read_text(encoding="utf-8")
    head = text.split("\nloai:")[0]
    assert "# CHƯA ĐẦY ĐỦ: tệp được ghi với --force" in head
    assert "Không thấy tên loại 'KẾ HOẠCH'" in head and "[loai]" in head
    data = read_yaml_file(out).data
    assert data["chua_xu_ly"] == ["Kính gửi anh Nam,", "Hẹn gặp lại vào tuần sau."]


def _plan_with_unreadable_table(path: Path) -> Path:
    plan = WordPlan()
    table = plan.document.add_table(rows=1, cols=2)
    plan.para(["SỞ NỘI VỤ", "Số: 03/KH-SNV"], plan.cell(table, 0, 0), bold=True)
    plan.para("Hà Tĩnh, ngày 10 tháng 02 năm 2024", plan.cell(table, 0, 1))
    plan.para("KẾ HOẠCH", bold=True, center=True)
    plan.para("Đào tạo năm 2024", bold=True, center=True)
    plan.para("I. NỘI DUNG./.", bold=True)
    signature = plan.document.add_table(rows=1, cols=2)
    plan.para(["Nơi nhận:", "- Lưu: VT."], plan.cell(signature, 0, 0))
    plan.para(["GIÁM ĐỐC", "Hồ Văn Dũng"], plan.cell(signature, 0, 1))
    plan.para("PHỤ LỤC")
    plan.para("DANH SÁCH LỚP")
    grid = plan.document.add_table(rows=2, cols=2)
    for r, row in enumerate([["Lớp", "Số học viên"], ["Văn thư", "30"]]):
        for c, text in enumerate(row):
            plan.para(text, plan.cell(grid, r, c))
    return plan.save(path)


def test_appendix_table_that_is_not_a_task_list_is_kept_as_a_table(tmp_path: Path):
    """Issue 9: a schedule or list of units in an appendix is a table appendix, not an error."""
    result, out = run_import(_plan_with_unreadable_table(tmp_path / "plan.docx"), "--ghi-de")
    assert result.exit_code == 0, result.output
    data = read_yaml_file(out).data
    assert "chua_xu_ly" not in data
    assert data["co_quan"] == {"ban_hanh": "SỞ NỘI VỤ", "viet_tat": "SNV"}
    assert data["phu_luc"] == [{"loai": "bang", "ten": "DANH SÁCH LỚP", "cot": ["Lớp", "Số học viên"],
                                "dong": [["Văn thư", "30"]]}]
