"""The example reports rendered and read back: header, period, figures, sections, appendix, layout."""

from __future__ import annotations

import importlib.util

import pytest
import yaml
from click.testing import CliRunner
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from hanhchinh_docs.api import build_report_document, render_report
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.conventions.dates import BLANK
from tests.reporting.report_readback import (
    PROGRESS_XLSX, QUARTER_REPORT, ROOT, SEED_PLAN, YEAR_REPORT, all_texts, body_texts, cell_texts,
    default_font, fonts_in_use, open_docx, results_table, section_under,
)

CITATION = f"Kế hoạch số {BLANK}/KH-STNMT ngày {BLANK}/01/2024 của Sở Tài nguyên và Môi trường"


@pytest.fixture(scope="module")
def quarter(tmp_path_factory):
    out = tmp_path_factory.mktemp("quarter") / "bao_cao_quy_1.docx"
    result = render_report(QUARTER_REPORT, out)
    return out, result.warnings


@pytest.fixture(scope="module")
def year_end(tmp_path_factory):
    out = tmp_path_factory.mktemp("year") / "bao_cao_nam.docx"
    result = render_report(YEAR_REPORT, out)
    return out, result.warnings


UNNUMBERED_PLAN = (
    "Kế hoạch được trích dẫn chưa có số ('so', ví dụ so: 5) và ngày ban hành đầy đủ ('ngay', ví dụ "
    f"ngay: 2024-01-05), nên báo cáo ghi '{CITATION}' với chỗ trống. Hãy ghi số và ngày của kế hoạch đã "
    "ban hành vào tệp kế hoạch")
"""The example plan is a draft (no number, no day): a report citing it says where to fill them in."""


def _others(warnings):
    return [w for w in warnings if w.message != UNNUMBERED_PLAN]


def test_examples_warn_only_about_the_unnumbered_plan(quarter, year_end):
    for _, warnings in (quarter, year_end):
        [warning] = warnings
        assert warning.message == UNNUMBERED_PLAN and warning.severity == "warning"
        assert warning.location.file.endswith("ke_hoach_tuyen_truyen_cchc_2024.yaml")
        assert (warning.location.line, warning.location.field) == (32, "so")


def test_quarter_header_title_and_addressee(quarter):
    document = open_docx(quarter[0])
    header = cell_texts(document.tables[0])
    assert header[0][0].split() == "UBND TỈNH HÀ TĨNH SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG".split()
    assert header[0][1].split("\n")[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header[1] == [f"Số: {BLANK}/BC-STNMT", "Hà Tĩnh, ngày 15 tháng 3 năm 2024"]
    texts = body_texts(document)
    assert texts[:3] == [
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính, chỉ số năng lực cạnh tranh cấp tỉnh "
        "(PCI), Chỉ số đánh giá năng lực cạnh tranh các đơn vị, địa phương (DDCI) của Sở Tài nguyên và "
        "Môi trường quý I năm 2024",
        "Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh",
    ]
    assert document.core_properties.title == texts[1]


def test_quarter_period_citation_and_cutoff(quarter):
    texts = body_texts(open_docx(quarter[0]))
    assert texts[3].startswith(f"Thực hiện {CITATION} về tuyên truyền cải cách hành chính")
    assert texts[3].endswith("Sở Tài nguyên và Môi trường báo cáo kết quả thực hiện trong quý I năm 2024 như sau:")
    assert texts[4] == "Số liệu báo cáo tính từ ngày 15/12/2023 đến ngày 14/3/2024."


def test_quarter_summary_counts_only_due_tasks(quarter):
    section = section_under(body_texts(open_docx(quarter[0])), "I. KẾT QUẢ THỰC HIỆN")
    assert section[0] == (
        "Kế hoạch có 5 nhiệm vụ; trong quý I năm 2024 có 4 nhiệm vụ đến kỳ thực hiện, trong đó: "
        "2 nhiệm vụ hoàn thành (50%), 1 nhiệm vụ đang thực hiện (25%), 1 nhiệm vụ chưa thực hiện (25%). "
        "Kết quả từng nhiệm vụ tại Phụ lục kèm theo.")
    assert [t for t in section if t[:2] in ("1.", "2.", "3.", "4.")] == [
        "1. Nhiệm vụ đã hoàn thành", "2. Nhiệm vụ đang thực hiện", "3. Nhiệm vụ chưa thực hiện"]
    assert section[2].startswith("- Phát huy hiệu quả các chuyên trang") and "(Văn phòng chủ trì): Đăng tải 25" in section[2]
    assert "Tổ chức các buổi gặp mặt" not in " ".join(section)  # NV02 (Quý II, IV) is not due in quarter I


def test_quarter_sections_and_next_period(quarter):
    texts = body_texts(open_docx(quarter[0]))
    assert [t for t in texts if t.split(" ", 1)[0] in ("I.", "II.", "III.", "IV.")] == [
        "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    focus = section_under(texts, "III.")
    assert len(focus) == 5  # all five tasks are due in quarter II (NV02: "Quý II, IV")
    assert focus[1].startswith("- Tổ chức các buổi gặp mặt") and focus[1].endswith("thời gian: Quý II, IV).")
    assert section_under(texts, "II.") == [
        "- Một số phòng, đơn vị chưa gửi tin, bài tuyên truyền về Văn phòng Sở đúng hạn.",
        "- Kinh phí tuyên truyền năm 2024 chưa được giao nên chưa triển khai được chuyên mục trên báo, đài."]
    closing = [t for t in texts if t.startswith("Trên đây")]
    assert closing == ["Trên đây là báo cáo kết quả thực hiện Kế hoạch trong quý I năm 2024 của Sở Tài nguyên và "
                       "Môi trường, kính báo cáo Ủy ban nhân dân tỉnh Hà Tĩnh./."]


def test_quarter_appendix_table(quarter):
    document = open_docx(quarter[0])
    texts = body_texts(document)
    appendix = texts[texts.index("Phụ lục"):]
    assert appendix[1:3] == [
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾ HOẠCH QUÝ I NĂM 2024",
        f"(Kèm theo Báo cáo số {BLANK}/BC-STNMT ngày 15 tháng 3 năm 2024 của Sở Tài nguyên và Môi trường)"]
    rows = cell_texts(results_table(document))
    assert rows[0] == ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian", "Kết quả", "Tình trạng"]
    assert [(r[0], r[3], r[5]) for r in rows[1:]] == [
        ("1", "Thường xuyên trong năm", "Hoàn thành"),
        ("2", "Quý II, IV", "Chưa đến kỳ thực hiện"),
        ("3", "Thường xuyên trong năm", "Đang thực hiện"),
        ("4", "Thường xuyên trong năm", "Hoàn thành"),
        ("5", "Thường xuyên trong năm", "Chưa thực hiện"),
    ]
    assert rows[3][2] == "- Thanh tra;\n- Văn phòng."
    assert rows[1][4].startswith("Đăng tải 25 tin, bài về CCHC")


def test_quarter_signature_and_recipients(quarter):
    rows = cell_texts(open_docx(quarter[0]).tables[1])
    assert rows[0][0].split("\n") == ["Nơi nhận:", "- Như trên;", "- Sở Nội vụ;", "- GĐ, PGĐ Sở;", "- Lưu: VT, VP."]
    assert [line for line in rows[0][1].split("\n") if line] == ["GIÁM ĐỐC", "Lê Ngọc Huấn"]


@pytest.mark.parametrize("which", ["quarter", "year_end"])
def test_layout_portrait_body_landscape_appendix_times_new_roman(which, request):
    path = request.getfixturevalue(which)[0]
    document = open_docx(path)
    first, last = document.sections[0], document.sections[-1]
    assert len(document.sections) == 2
    assert first.orientation == WD_ORIENT.PORTRAIT and first.page_width < first.page_height
    assert last.orientation == WD_ORIENT.LANDSCAPE and last.page_width > last.page_height
    body = list(document.element.body)
    section_break = max(i for i, el in enumerate(body) if el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)
    assert body.index(results_table(document)._tbl) > section_break, "the results table is in the landscape section"
    assert default_font(document) == "Times New Roman"
    assert fonts_in_use(path) == {"Times New Roman"}
    texts = body_texts(document)
    closing = [t for t in texts if t.endswith("./.")]
    assert len(closing) == 1 and closing[0].startswith("Trên đây") and not closing[0].endswith("../.")
    assert not any("{{" in t or "{%" in t for t in all_texts(document))


def test_year_end_report(year_end):
    document = open_docx(year_end[0])
    assert cell_texts(document.tables[0])[1] == ["Số: 215/BC-STNMT", "Hà Tĩnh, ngày 16 tháng 12 năm 2024"]
    texts = body_texts(document)
    assert texts[1].endswith("của Sở Tài nguyên và Môi trường năm 2024") and "năm 2024 năm 2024" not in texts[1]
    assert texts[2:5] == ["Kính gửi:", "- Ủy ban nhân dân tỉnh Hà Tĩnh;", "- Sở Nội vụ."]
    assert "Số liệu báo cáo tính từ ngày 15/12/2023 đến ngày 14/12/2024." in texts
    assert section_under(texts, "I.")[0] == (
        "Kế hoạch có 5 nhiệm vụ; trong năm 2024 có 5 nhiệm vụ đến kỳ thực hiện, trong đó: "
        "3 nhiệm vụ hoàn thành (60%), 1 nhiệm vụ đang thực hiện (20%), 1 nhiệm vụ chưa thực hiện (20%). "
        "Kết quả từng nhiệm vụ tại Phụ lục kèm theo.")
    focus = section_under(texts, "III. NHIỆM VỤ TRỌNG TÂM NĂM 2025")
    assert [line.split(" (")[0] for line in focus] == [
        "- Tổ chức các buổi gặp mặt, đối thoại giữa Sở Tài nguyên và Môi trường, chính quyền các cấp với các "
        "doanh nghiệp, các tầng lớp Nhân dân thông qua các buổi đối thoại trực tiếp",
        "- Duy trì các chuyên trang, chuyên mục trên Báo Hà Tĩnh, Đài Phát thanh - Truyền hình tỉnh"]
    assert all(line.endswith("; chưa hoàn thành trong năm 2024).") for line in focus)
    rows = cell_texts(results_table(document))
    assert [r[5] for r in rows[1:]] == ["Hoàn thành", "Đang thực hiện", "Hoàn thành", "Hoàn thành", "Chưa thực hiện"]
    assert "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾ HOẠCH NĂM 2024" in texts


def _report_without_results(tmp_path):
    """The quarterly example with its ``ket_qua`` removed: the progress then comes only from the sheet."""
    data = yaml.safe_load(QUARTER_REPORT.read_text(encoding="utf-8"))
    del data["ket_qua"]
    data["ke_hoach"] = str(SEED_PLAN)
    path = tmp_path / "bao_cao_khong_ket_qua.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_spreadsheet_progress_gives_the_same_document(tmp_path, quarter):
    from_sheet, warnings = build_report_document(_report_without_results(tmp_path), PROGRESS_XLSX)
    assert _others(warnings) == []
    assert all_texts(from_sheet) == all_texts(open_docx(quarter[0]))


def test_spreadsheet_progress_through_the_cli(tmp_path, quarter):
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(cli, ["report", str(_report_without_results(tmp_path)), "-o", str(out),
                                      "--tien-do", str(PROGRESS_XLSX)])
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(f"Cảnh báo: {UNNUMBERED_PLAN} (") and result.stderr.count("\n") == 1
    assert f"Đã tạo {out}" in result.stdout
    assert all_texts(open_docx(out)) == all_texts(open_docx(quarter[0]))


def test_spreadsheet_overriding_yaml_results_is_warned(tmp_path):
    _, warnings = build_report_document(QUARTER_REPORT, PROGRESS_XLSX)
    warnings = _others(warnings)
    assert len(warnings) == 4 and all("có cả trong 'ket_qua' và bảng tiến độ" in w.message for w in warnings)


def test_example_spreadsheet_is_what_the_generator_builds():
    spec = importlib.util.spec_from_file_location("build_example_progress", ROOT / "tools" / "build_example_progress.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    from openpyxl import load_workbook

    sheet = load_workbook(PROGRESS_XLSX, read_only=True).worksheets[0]
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1] == ("TT", "Nội dung", "Tình trạng", "Kết quả")
    assert rows[2:] == generator.progress_rows()
    statuses = [row[2] for row in rows[2:]]
    assert "đang thực hiện" in statuses and "Hoàn thành" in statuses  # typed as people do


def test_report_cli_prints_warnings_and_defaults_the_output_name(tmp_path):
    data = yaml.safe_load(QUARTER_REPORT.read_text(encoding="utf-8"))
    del data["ket_qua"]["NV03"]
    data["ke_hoach"] = str(SEED_PLAN)
    source = tmp_path / "bao_cao.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(source)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bao_cao.docx").is_file()
    assert "Cảnh báo: 1 nhiệm vụ đến kỳ trong quý I năm 2024 chưa có kết quả" in result.stderr
    assert "NV03" in result.stderr and str(source) in result.stderr
    rows = cell_texts(results_table(open_docx(tmp_path / "bao_cao.docx")))
    assert rows[3][5] == "Chưa báo cáo"
