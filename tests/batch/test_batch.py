"""``batch``: a folder of YAML files by their kind, one report per unit from a sheet, output names from a
pattern, failures that stay alone, a summary and the exit code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import Workbook

from hanhchinh_docs import api
from hanhchinh_docs.batch import output_name, plain_name
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.errors import HanhChinhError

from conftest import EXAMPLES

BASE_REPORT = """loai: bao_cao
ke_hoach: ke_hoach_tuyen_truyen_cchc_2024.yaml
ky_bao_cao: quy_1
kinh_gui: [Sở Tài nguyên và Môi trường]
noi_nhan: [Như trên]
luu: [VT, VP]
"""


def text_of(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def office(tmp_path) -> Path:
    """The seed plan, a base report and a sheet of three units (the second row is broken)."""
    shutil.copy(EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml", tmp_path)
    (tmp_path / "bao_cao_mau.yaml").write_text(BASE_REPORT, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["BẢNG TỔNG HỢP BÁO CÁO QUÝ I"])
    sheet.append(["STT", "Đơn vị", "Viết tắt", "Số", "Ngày", "NV01", "Kết quả NV01", "nv03", "NV04", "NV05"])
    sheet.append([1, "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN CAN LỘC", "PTNMT", 12, "2024-03-14", "Hoàn thành",
                  "Đăng 5 tin bài", "đang thực hiện", "xong", "Chưa thực hiện"])
    sheet.append([2, "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN KỲ ANH", "KA", 3, "15/3/2024", "làm rồi", "", "", "", ""])
    sheet.append([3, "VĂN PHÒNG ĐĂNG KÝ ĐẤT ĐAI", "VPĐKĐĐ", None, None, "Hoàn thành", "Cập nhật 112 TTHC",
                  "Hoàn thành", "Hoàn thành", "Hoàn thành"])
    book.save(tmp_path / "don_vi.xlsx")
    return tmp_path


def test_one_report_per_unit_row_with_its_number_date_and_results(office):
    result = api.render_batch(office / "don_vi.xlsx", office / "out", "{stt}_{viet_tat}",
                              base_report=office / "bao_cao_mau.yaml", jobs=2)
    # the seed plan has no number yet: the warning every report shares is said once, for the batch
    assert [o.status for o in result.outcomes] == ["ok", "failed", "ok"], [o.error for o in result.outcomes]
    assert len(result.warnings) == 1 and "chưa có số" in str(result.warnings[0])
    first = text_of(office / "out" / "1_PTNMT.docx")
    assert "PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN CAN LỘC" in first.replace("\n", " ")
    assert "Số: 12/BC-PTNMT" in first
    assert "ngày 14 tháng 3 năm 2024" in first
    assert "Đăng 5 tin bài" in first
    assert "UBND TỈNH HÀ TĨNH" in first  # the parent body comes from the plan
    third = text_of(office / "out" / "3_VPDKDD.docx")
    assert "/BC-VPĐKĐĐ" in third and "Cập nhật 112 TTHC" in third
    broken = result.outcomes[1]
    assert "làm rồi" in broken.error and "don_vi.xlsx" in broken.error and "dòng 4" in broken.error
    assert "cột 6" in broken.error
    assert sorted(p.name for p in (office / "out").iterdir()) == ["1_PTNMT.docx", "3_VPDKDD.docx"]


def test_the_plan_is_read_once_for_the_whole_batch_and_stale_temp_files_go(office, monkeypatch):
    from hanhchinh_docs.model import loader

    reads = []
    real_load = loader.load_plan
    monkeypatch.setattr(loader, "load_plan", lambda path: reads.append(Path(path).name) or real_load(path))
    (office / "out").mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = office / "out" / f".x.docx.hanhchinh-tmp-{dead.pid}"
    stale.write_bytes(b"half a file")
    monkeypatch.chdir(office)  # named as a clerk types them: relative to the working folder
    result = api.render_batch("don_vi.xlsx", "out", base_report="bao_cao_mau.yaml", jobs=1)
    assert [o.status for o in result.outcomes] == ["ok", "failed", "ok"]
    assert reads == ["ke_hoach_tuyen_truyen_cchc_2024.yaml"]
    assert not stale.exists()


def test_a_folder_renders_each_yaml_by_its_kind_and_a_broken_file_fails_alone(tmp_path):
    for name in ("ke_hoach_tuyen_truyen_cchc_2024.yaml", "bao_cao_quy_1_2024.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path)
    (tmp_path / "hong.yaml").write_text("loai: ke_hoach\nnam: 2024\ntrich_yeu: [\n", encoding="utf-8")
    (tmp_path / "ghi_chu.txt").write_text("không phải YAML", encoding="utf-8")
    seen = []
    result = api.render_batch(tmp_path, tmp_path / "out", jobs=2, on_outcome=seen.append)
    assert [o.label for o in result.outcomes] == ["bao_cao_quy_1_2024.yaml", "hong.yaml",
                                                  "ke_hoach_tuyen_truyen_cchc_2024.yaml"]
    assert sorted(o.label for o in seen) == sorted(o.label for o in result.outcomes)
    assert [o.status for o in result.outcomes] == ["warning", "failed", "ok"]  # the report cites an unnumbered plan
    assert "hong.yaml" in result.outcomes[1].error and "dòng" in result.outcomes[1].error
    assert "BÁO CÁO" in text_of(tmp_path / "out" / "bao_cao_quy_1_2024.docx")
    assert "KẾ HOẠCH" in text_of(tmp_path / "out" / "ke_hoach_tuyen_truyen_cchc_2024.docx")
    assert not (tmp_path / "out" / "hong.docx").exists()


def test_cli_summary_lists_failures_with_reasons_and_exits_non_zero(office):
    shutil.copy(EXAMPLES / "bao_cao_quy_1_2024.yaml", office)
    result = CliRunner().invoke(cli, ["batch", str(office / "don_vi.xlsx"), "--bao-cao",
                                      str(office / "bao_cao_mau.yaml"), "-o", str(office / "kq"), "-j", "1"])
    assert result.exit_code == 2, result.output
    assert "[3/3]" in result.output
    assert "Tổng cộng 3 văn bản: 2 tạo xong, 0 có cảnh báo, 1 lỗi" in result.output
    assert "don_vi.xlsx dòng 4 (PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG HUYỆN KỲ ANH): Lỗi" in result.output
    assert "Traceback" not in result.output


def test_same_output_name_twice_fails_the_second_item_only(office):
    result = api.render_batch(office / "don_vi.xlsx", office / "out", "bao_cao.docx",
                              base_report=office / "bao_cao_mau.yaml", jobs=1)
    assert [o.status for o in result.outcomes] == ["warning", "failed", "failed"]
    assert "trùng" in result.outcomes[2].error


def test_sheet_without_base_report_or_headers_stops_before_writing(office):
    with pytest.raises(HanhChinhError, match="--bao-cao"):
        api.render_batch(office / "don_vi.xlsx", office / "out")
    (office / "trong.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(HanhChinhError, match="Đơn vị"):
        api.render_batch(office / "trong.csv", office / "out", base_report=office / "bao_cao_mau.yaml")
    assert not (office / "out").exists()


def test_output_names_fill_only_known_placeholders():
    assert output_name("{stt}_{viet_tat}", {"stt": "7", "viet_tat": "VPĐKĐĐ"}) == "7_VPDKDD.docx"
    assert plain_name("Phòng Tài chính - Kế hoạch") == "Phong_Tai_chinh_Ke_hoach"
    with pytest.raises(HanhChinhError, match="don_vi"):
        output_name("{unit}.docx", {})
    with pytest.raises(HanhChinhError, match="thư mục"):
        output_name("../{ten}.docx", {"ten": "a"})
    with pytest.raises(HanhChinhError):
        output_name("{ten.__class__}.docx", {"ten": "a"})


def test_a_folder_of_other_kinds_renders_each_by_its_loai(tmp_path):
    for name in ("cong_van_don_doc_bao_cao_quy_1_2024.yaml", "giay_moi_hoi_nghi_trien_khai_cchc_2024.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path)
    result = api.render_batch(tmp_path, tmp_path / "out", jobs=1)
    assert [o.status for o in result.outcomes] == ["ok", "ok"]
    assert "GIẤY MỜI" in text_of(tmp_path / "out" / "giay_moi_hoi_nghi_trien_khai_cchc_2024.docx")
    assert "V/v" in text_of(tmp_path / "out" / "cong_van_don_doc_bao_cao_quy_1_2024.docx")
