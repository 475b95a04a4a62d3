"""Bad input to `render`: a Vietnamese message naming file, line and field; exit 2; nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.support.cli import EXISTING, assert_refused
from tests.support.plans import plan_data, write_plan


def run_render(tmp_path: Path, yaml_text: str | None = None, data: dict | None = None, **overrides):
    source = tmp_path / "plan.yaml"
    if yaml_text is not None:
        source.write_text(yaml_text, encoding="utf-8")
    else:
        write_plan(source, data, **overrides)
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out)])
    return result, out


def test_success_replaces_output_and_prints_path(tmp_path):
    result, out = run_render(tmp_path)
    assert result.exit_code == 0, result.output
    assert "Đã tạo" in result.output
    assert out.read_bytes()[:2] == b"PK"


def test_new_output_gets_normal_permissions(tmp_path):
    import os

    source = write_plan(tmp_path / "plan.yaml")
    out = tmp_path / "moi.docx"
    umask = os.umask(0o022)
    try:
        result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out)])
    finally:
        os.umask(umask)
    assert result.exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o644


def test_yaml_syntax_error_names_file_line_and_column(tmp_path):
    text = "loai: ke_hoach\nnam: 2024\ntrich_yeu: Kế hoạch: năm 2024\n"
    result, out = run_render(tmp_path, yaml_text=text)
    assert_refused(result, out, "Lỗi cú pháp YAML", "plan.yaml", "dòng 3", "cột")


def test_tab_indentation_is_explained(tmp_path):
    text = "loai: ke_hoach\nco_quan:\n\tban_hanh: SỞ X\n"
    result, out = run_render(tmp_path, yaml_text=text)
    assert_refused(result, out, "Tab", "dòng 3")


def test_all_schema_errors_at_once_with_paths_and_lines(tmp_path):
    data = plan_data()
    del data["trich_yeu"]
    data["nguoi_ky"] = {"chuc_vu": "GIÁM ĐỐC", "ho_tn": "Nguyễn Văn A"}
    data["so"] = "năm"
    data["phu_luc"][0]["nhiem_vu"][0]["noi_dung"] = ""
    result, out = run_render(tmp_path, data=data)
    assert_refused(
        result, out,
        "có 5 lỗi",
        "Thiếu trường bắt buộc 'trich_yeu'",
        "Thiếu trường bắt buộc 'ho_ten'",
        "Trường 'ho_tn' không có trong mẫu dữ liệu. Có phải ý bạn là 'ho_ten'?",
        "Số văn bản phải là số nguyên dương",
        "Không được để trống",
        "trường 'phu_luc[0].nhiem_vu[0].noi_dung'",
        "trường 'nguoi_ky.ho_tn'",
    )
    assert "dòng " in result.output


def test_unknown_template_name_is_named(tmp_path):
    result, out = run_render(tmp_path, trich_yeu="Kế hoạch năm {{ nam_ke_hoach }}")
    assert_refused(result, out, "Không có biến 'nam_ke_hoach'", "{{ nam }}", "trường 'trich_yeu'")


def test_template_syntax_error_is_named(tmp_path):
    result, out = run_render(tmp_path, trich_yeu="Kế hoạch năm {{ nam ")
    assert_refused(result, out, "Cú pháp {{ }} không đúng", "trường 'trich_yeu'")


def test_sandbox_blocks_python_internals(tmp_path):
    result, out = run_render(tmp_path, trich_yeu="{{ nam.__class__.__mro__ }}")
    assert_refused(result, out, "không được phép", "trường 'trich_yeu'")


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_are_rejected(tmp_path, char):
    data = plan_data()
    data["noi_nhan"] = ["UBND tỉnh", f"Sở{char}Nội vụ"]
    result, out = run_render(tmp_path, data=data)
    assert_refused(result, out, "ký tự điều khiển", "trường 'noi_nhan[1]'")


def test_missing_file(tmp_path):
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "khong_co.yaml"), "-o", str(out)])
    assert result.exit_code == 2 and "Không tìm thấy tệp" in result.output
    assert not out.exists()


def test_output_folder_missing(tmp_path):
    source = write_plan(tmp_path / "plan.yaml")
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(tmp_path / "khong_co" / "a.docx")])
    assert result.exit_code == 2 and "không tồn tại" in result.output


def test_output_must_not_overwrite_input(tmp_path):
    source = write_plan(tmp_path / "plan.yaml")
    before = source.read_bytes()
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "trùng với tệp đầu vào" in result.output
    assert source.read_bytes() == before


def test_a_plan_marked_as_another_kind_is_read_as_that_kind(tmp_path):
    """``render`` renders every kind by its ``loai``: a plan's appendices are unknown to a báo cáo."""
    result, out = run_render(tmp_path, loai="bao_cao")
    assert_refused(result, out, "Trường 'phu_luc' không có trong mẫu dữ liệu", "dòng 39")


def test_unknown_kind_lists_the_kinds(tmp_path):
    result, out = run_render(tmp_path, loai="thu_tay")
    assert_refused(result, out, "Trường 'loai' phải là một loại văn bản (đang là 'thu_tay')", "quyet_dinh",
                   "hanhchinh-docs new --danh-sach")


def test_yaml_booleans_and_octals_are_kept_as_text(tmp_path):
    data = plan_data()
    data["luu"] = ["VT", "NO"]
    source = tmp_path / "plan.yaml"
    write_plan(source, data)
    source.write_text(source.read_text(encoding="utf-8").replace("- 'NO'", "- NO"), encoding="utf-8")
    from hanhchinh_docs.model.loader import load_plan

    assert load_plan(source).document.archive == ["VT", "NO"]


def test_user_template_with_unknown_placeholder(tmp_path):
    import docx

    template = tmp_path / "mau.docx"
    document = docx.Document()
    document.add_paragraph("{{ ten_khong_co }}")
    document.save(str(template))
    source = write_plan(tmp_path / "plan.yaml")
    out = tmp_path / "plan.docx"
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out), "--template", str(template)])
    assert result.exit_code == 2
    assert "ten_khong_co" in result.output and "mau.docx" in result.output
    assert not out.exists()


def test_user_template_not_a_docx(tmp_path):
    template = tmp_path / "mau.docx"
    template.write_text("không phải Word")
    source = write_plan(tmp_path / "plan.yaml")
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(tmp_path / "x.docx"), "--template", str(template)])
    assert result.exit_code == 2 and "không phải tệp Word .docx" in result.output


def test_help_does_not_load_the_heavy_libraries():
    """`--help` must start fast: the CLI module imports no python-docx, docxtpl or pydantic."""
    import subprocess
    import sys

    probe = ("import sys, hanhchinh_docs.cli.main as m; "
             "print(sorted(k for k in ('docx', 'docxtpl', 'pydantic', 'lxml') if k in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
    help_run = subprocess.run([sys.executable, "-m", "hanhchinh_docs", "--help"], capture_output=True, text=True)
    assert help_run.returncode == 0 and "render" in help_run.stdout and "Nghị định 30/2020" in help_run.stdout


def test_archive_without_drafting_unit_is_warned(tmp_path):
    source = write_plan(tmp_path / "plan.yaml", luu=["VT"])
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(tmp_path / "a.docx")])
    assert result.exit_code == 0
    assert "Cảnh báo: Dòng 'Lưu' nên có 'VT' (văn thư) rồi đến tên viết tắt đơn vị soạn thảo" in result.output
    assert "trường 'luu'" in result.output


def test_wrong_shapes_say_what_the_field_needs(tmp_path):
    data = plan_data(nam="hai nghìn", co_quan="SỞ NỘI VỤ", nguoi_ky="Nguyễn Văn A")
    data["noi_dung"] = [12]
    result, out = run_render(tmp_path, data=data)
    assert_refused(
        result, out,
        "Năm phải là số có 4 chữ số, ví dụ nam: 2024",
        "'co_quan' cần các dòng con ban_hanh và viet_tat",
        "'nguoi_ky' cần các dòng con chuc_vu và ho_ten",
        "mỗi phần tử của 'noi_dung' là một đoạn văn",
        "trường 'noi_dung[0]'",
    )
