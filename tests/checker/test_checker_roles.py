"""Which paragraph is which element: readings that real documents taught (each once a false alarm)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.checker.roles import detect_layout
from hanhchinh_docs.conventions.elements import is_date_line
from tests.checker.docx_builder import build

FILLER = "Sở Tài nguyên và Môi trường triển khai các nội dung sau đây."


@pytest.mark.parametrize(("text", "expected"), [
    ("Hà Tĩnh, ngày 08 tháng 01 năm 2024", True),
    ("Lâm Đồng, ngày       tháng 01 năm 2026", True),
    ("................, ngày .... tháng .... năm ......", True),        # a form's blanks
    ("(Kèm theo Quyết định số /QĐ-UBND ngày tháng 10 năm 2025 của Chủ tịch UBND tỉnh)", False),
    ("ngày 12 tháng 3 năm 2025 của Chủ tịch UBND tỉnh)", False),           # a date cited in a sentence
    ("Ngày tháng năm sinh", False),                                        # a column heading
])
def test_the_date_line_holds_nothing_after_the_year(text: str, expected: bool) -> None:
    assert is_date_line(text) is expected


@pytest.mark.parametrize(("fillers", "found"), [(4, True), (5, False)])
def test_a_date_line_far_below_the_header_is_not_its_date(fillers: int, found: bool) -> None:
    """Between the "Số:" line and the date: tên loại, trích yếu and the fillers; at most 6 filled
    paragraphs (4 fillers) keep it the header's date, 7 make it a form's approval box date."""
    document = build({"ngay": {"text": ""}, "body": [FILLER] * fillers + ["Hà Tĩnh, ngày 08 tháng 01 năm 2024"]})
    date = detect_layout(open_document(document)).date
    assert (date is not None) is found
    if found:
        assert date.text == "Hà Tĩnh, ngày 08 tháng 01 năm 2024"


def _standalone_appendix() -> io.BytesIO:
    """A file that is only an appendix (sent on its own), page numbers in the header, no restart."""
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    for text in ("Phụ lục", "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC",
                 "(Kèm theo Quyết định số 15/QĐ-UBND ngày 08 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh)"):
        document.add_paragraph(text)
    document.add_paragraph("1. Ông Nguyễn Văn An, Phó Giám đốc Sở: Tổ trưởng.")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    return out


def test_an_appendix_that_opens_the_file_is_numbered_from_one() -> None:
    result = check_document(_standalone_appendix()).result("PL04")
    assert result.outcome.name == "PASSED", [f.message for f in result.findings]


def _with_caption(over_table: bool) -> io.BytesIO:
    """The base kế hoạch with a 12 pt caption in capitals before its last paragraph, over a table or not."""
    document = docx.Document(build())
    last = next(p for p in document.paragraphs if p.text.startswith("Văn phòng Sở theo dõi"))
    caption = last.insert_paragraph_before()
    run = caption.add_run("LỊCH TUYÊN TRUYỀN THÁNG 01/2024")
    run.font.size, run.font.bold, caption.alignment = Pt(12), True, WD_ALIGN_PARAGRAPH.CENTER
    if over_table:
        table = document.add_table(rows=2, cols=2)
        for cell, text in zip(table._cells, ("Thời gian", "Nội dung", "Ngày 08/01", "Họp báo")):
            cell.paragraphs[0].add_run(text).font.size = Pt(12)
        caption._p.addnext(table._tbl)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    return out


@pytest.mark.parametrize(("over_table", "outcome"), [(True, "PASSED"), (False, "FAILED")])
def test_a_caption_over_a_table_is_not_body_text(over_table: bool, outcome: str) -> None:
    assert check_document(_with_caption(over_table)).result("PR05").outcome.name == outcome


@pytest.mark.parametrize(("agency_align", "outcome"), [("left", "PASSED"), ("center", "FAILED")])
def test_the_number_is_centred_under_the_agency_name_as_printed(agency_align: str, outcome: str) -> None:
    """A left-aligned "Số:" line (centre 14.9 mm left of the cell's centre) prints under a
    left-aligned "SỞ NỘI VỤ" (18.2 mm left): 3.3 mm apart, centred under it for HD08 (HD06 says the
    name is not centred); under a centred name it prints 14.9 mm off, past the 6 mm allowed."""
    document = build({"chu_quan": {"align": agency_align}, "ban_hanh": {"text": "SỞ NỘI VỤ", "align": agency_align},
                      "so": {"text": "Số: 05/KH-SNV", "align": "left"}})
    assert check_document(document).result("HD08").outcome.name == outcome


def _motto_in_runs(bold_words: bool) -> io.BytesIO:
    """The base document with its Tiêu ngữ retyped in runs whose hyphens are not bold."""
    document = docx.Document(build())
    motto = next(p for cell in document.tables[0]._cells for p in cell.paragraphs if p.text.startswith("Độc lập"))
    for run in motto.runs:
        run._r.getparent().remove(run._r)
    for text in ("Độc lập ", "-", " Tự do ", "-", " Hạnh phúc"):
        run = motto.add_run(text)
        run.font.size, run.font.bold = Pt(14), text != "-" and (bold_words or text != "Độc lập ")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    return out


@pytest.mark.parametrize(("bold_words", "outcome"), [(True, "PASSED"), (False, "FAILED")])
def test_a_hyphen_alone_in_a_regular_run_does_not_unbold_the_motto(bold_words: bool, outcome: str) -> None:
    """Bold or not, a "-" prints alike: only the words decide (an upright "Độc lập" still fails)."""
    assert check_document(_motto_in_runs(bold_words)).result("HD03").outcome.name == outcome


def test_a_recipients_list_continued_in_the_row_below_is_one_list() -> None:
    """"Nơi nhận:" in the first row of the signature table, its items in the same column of the next row."""
    document = docx.Document(build())
    table = document.tables[-1]
    label_cell = table.cell(0, 0)
    below = table.add_row().cells[0]
    for paragraph in [p for p in label_cell.paragraphs if p.text.startswith("- ")]:
        below._tc.append(paragraph._p)
    below._tc.remove(below.paragraphs[0]._p)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    layout = detect_layout(open_document(out))
    assert [part.text for part in layout.recipients] == ["- UBND tỉnh (để b/c);", "- Các phòng, đơn vị;", "- Lưu: VT, VP."]


@pytest.mark.parametrize(("stop_mm", "outcome"), [(54, "PASSED"), (None, "FAILED")])
def test_dashes_pushed_by_a_tab_go_to_the_paragraphs_own_tab_stop(stop_mm: int | None, outcome: str) -> None:
    """"\\t- Sở Nội vụ;" prints at the paragraph's tab stop (54 mm, under the colon that ends at 54 mm);
    without one the Tab goes to Word's default stop at 12.7 mm."""
    document = docx.Document(build({"preset": "cong_van", "kinh_gui": {
        "lines": ["Kính gửi:", "\t- Sở Nội vụ;", "\t- Sở Tài chính."], "dash_left": 0}}))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("\t- ") and stop_mm is not None:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(stop_mm))
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("NN04").outcome.name == outcome


@pytest.mark.parametrize(("centred", "outcome"), [(True, "PASSED"), (False, "FAILED")])
def test_centred_kinh_gui_lines_are_measured_where_centring_prints_them(centred: bool, outcome: str) -> None:
    """The lines of a real công văn (sweep vbai_8ccdf318): 40 spaces + "Kính gửi:" left-aligned, then
    5 spaces + "- Sở Tài chính;" centred; LibreOffice prints the dashes under the colon (about 68 mm
    from the margin). Left-aligned, the same dashes print 6 mm from the margin."""
    document = docx.Document(build({"preset": "cong_van", "kinh_gui": {
        "lines": [" " * 40 + "Kính gửi: ", "     - Sở Tài chính;", "     - Công an tỉnh."], "left": 0, "dash_left": 0}}))
    for paragraph in document.paragraphs:
        if paragraph.text.strip().startswith("- ") and centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("NN04").outcome.name == outcome


@pytest.mark.parametrize(("words_pt", "outcome"), [(11, "PASSED"), (13, "FAILED")])
def test_a_dash_in_a_bigger_size_does_not_make_an_item_bigger(words_pt: int, outcome: str) -> None:
    """"- " typed at 13 pt before "Các phòng, đơn vị;" at 11 pt prints as an 11 pt line (vbai_8ccdf318)."""
    document = docx.Document(build())
    item = next(p for p in document.tables[-1].cell(0, 0).paragraphs if p.text.startswith("- Các phòng"))
    for run in item.runs:
        run._r.getparent().remove(run._r)
    item.add_run("- ").font.size = Pt(13)
    item.add_run("Các phòng, đơn vị;").font.size = Pt(words_pt)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("NN02").outcome.name == outcome


@pytest.mark.parametrize(("spaces", "outcome"), [
    ((18, 17, 18), "PASSED"),     # centres 8.0, 8.0, 9.0 mm left of the column's centre
    ((17, 16, 17), "PASSED"),     # 9.2, 9.3, 10.2: the block's centre 9.6 mm off, within 10 mm
    ((16, 15, 16), "FAILED"),     # 10.4, 10.5, 11.5: 10.8 mm off
    ((18, 17, 10), "FAILED"),     # the name 18.9 mm off: the lines are not centred on each other
])
def test_a_signature_block_centred_on_itself_near_the_column_centre_reads_centred(
        spaces: tuple[int, int, int], outcome: str) -> None:
    """Authority lines and name pushed with spaces (left-aligned): the column's edges do not print,
    so a block whose lines share one centre within 10 mm of the column's reads as centred (R18)."""
    first, second, name = spaces
    report = check_document(build({
        "signer": {"lines": [" " * first + "KT. GIÁM ĐỐC", " " * second + "PHÓ GIÁM ĐỐC"], "align": "left"},
        "name": {"text": " " * name + "Nguyễn Văn An", "align": "left"}}))
    assert {report.result("SG01").outcome.name, report.result("SG02").outcome.name} == {outcome}


def test_a_signer_name_typed_under_the_signature_table_is_the_name() -> None:
    """The signature column ends with "GIÁM ĐỐC"; the name is a body paragraph right under the table,
    pushed right with Tabs (sweep vbai_5bc3b85e)."""
    document = docx.Document(build({"signer": {"lines": ["GIÁM ĐỐC"]}, "name": None}))
    document.add_paragraph("\t\t\t\t\t\t\tNguyễn Văn An")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    layout = detect_layout(open_document(out))
    assert [part.text for part in layout.authority] == ["GIÁM ĐỐC"]
    assert layout.signer_name is not None and layout.signer_name.text == "Nguyễn Văn An"


@pytest.mark.parametrize(("centre_stop_mm", "outcome"), [(81, "PASSED"), (120, "FAILED")])
def test_a_page_number_at_a_centre_tab_stop_is_centred(centre_stop_mm: int, outcome: str) -> None:
    """A left-aligned header "\\t\\t" + PAGE with a left stop at 78 mm and a centre stop (sweep
    vbai_2257c41b): at 81 mm it prints in the middle of the 165 mm line; at 120 mm it does not."""
    document = docx.Document(build())
    header = document.sections[0].header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for _ in range(2):
        header._p.insert(1, parse_xml(f'<w:r {nsdecls("w")}><w:tab/></w:r>'))
    header.paragraph_format.tab_stops.add_tab_stop(Mm(78))
    header.paragraph_format.tab_stops.add_tab_stop(Mm(centre_stop_mm), WD_TAB_ALIGNMENT.CENTER)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("PG04").outcome.name == outcome


def test_a_trich_yeu_broken_over_four_paragraphs_is_one_trich_yeu() -> None:
    """A quyết định's trích yếu typed as four centred bold paragraphs (sweep vbai_3693d7bd), then the
    line: all four are the trích yếu, none is body text."""
    lines = ["Về việc cho phép đổi tên Hội Cựu quân nhân", "tỉnh Hà Tĩnh thành Hội Cựu quân nhân",
             "Quân đoàn II tỉnh Hà Tĩnh và phê duyệt Điều lệ", "(sửa đổi, bổ sung) của Hội"]
    document = build({"ten_loai": {"text": "QUYẾT ĐỊNH"}, "trich_yeu": {"text": lines[0]},
                      "trich_yeu_line": {"kind": "none"},
                      "body": [{"text": line, "bold": True, "align": "center", "indent": 0} for line in lines[1:]]
                      + ["", {"text": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "bold": True, "align": "center"}]})
    layout = detect_layout(open_document(document))
    assert [part.text for part in layout.subject] == lines
    assert layout.body[0].paragraph.text == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"


@pytest.mark.parametrize(("gap", "read"), [(3, True), (2, False)])
def test_a_header_typed_in_columns_with_spaces_reads_like_one_typed_with_tabs(gap: int, read: bool) -> None:
    """"SỞ NỘI VỤ" and the Quốc hiệu side by side on one line, three spaces or more between them
    (sweep vbai_c93ad578): two columns. Two spaces are a typing slip inside one line of text."""
    document = docx.Document()
    document.add_paragraph("     SỞ NỘI VỤ" + " " * gap + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("\t\tĐộc lập - Tự do - Hạnh phúc")
    document.add_paragraph("Hà Tĩnh, ngày 08 tháng 01 năm 2024")
    document.add_paragraph("Sở Nội vụ báo cáo kết quả thực hiện như sau.")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    layout = detect_layout(open_document(out))
    assert (layout.national_title is not None) is read
    if read:
        assert layout.national_title.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        assert [part.text for part in layout.agency] == ["SỞ NỘI VỤ"]


@pytest.mark.parametrize(("red", "outcome"), [(".", "PASSED"), ("Sở", "FAILED")])
def test_a_red_full_stop_alone_is_not_red_text(red: str, outcome: str) -> None:
    """A paragraph ending with a red "." (sweep vbai_5bc3b85e) prints black to the eye; a red word does not."""
    document = docx.Document(build())
    paragraph = next(p for p in document.paragraphs if p.text.startswith("Văn phòng Sở theo dõi"))
    paragraph.add_run(red).font.color.rgb = RGBColor(0xFF, 0, 0)
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("FN02").outcome.name == outcome


@pytest.mark.parametrize(("first_line", "agency"), [
    ("BẢNG TUYÊN BỐ ĐÁP ỨNG YÊU CẦU KỸ THUẬT", []),
    ("SỞ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["SỞ NỘI VỤ"]),
])
def test_a_title_opening_a_page_without_quoc_hieu_is_not_an_agency(first_line: str, agency: list[str]) -> None:
    """Without Quốc hiệu or Tiêu ngữ the first line of the body is the document's title (X02), not an
    agency name; beside a Quốc hiệu it is the agency."""
    document = docx.Document()
    document.add_paragraph(first_line)
    document.add_paragraph("Vĩnh Long, ngày 08 tháng 01 năm 2024")
    document.add_paragraph("Nhà thầu tuyên bố hàng hóa đáp ứng các yêu cầu kỹ thuật của hồ sơ mời thầu.")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert [part.text for part in detect_layout(open_document(out)).agency] == agency


@pytest.mark.parametrize(("spacing", "outcome"), [(-8, "PASSED"), (0, "FAILED")])
def test_a_condensed_quoc_hieu_fits_its_line(spacing: int, outcome: str) -> None:
    """The 13 pt bold Quốc hiệu (95.7 mm) in a cell left 92.2 mm by a 5 mm indent breaks onto two lines;
    condensed by 0.4 pt a character (w:spacing -8, as sweep vbai_71f835de) it takes 90.9 mm and fits."""
    document = docx.Document(build({"quoc_hieu": {"left": 0.5}}))
    title = next(p for cell in document.tables[0]._cells for p in cell.paragraphs if p.text.startswith("CỘNG HÒA"))
    for run in title.runs:
        if spacing:
            run._r.get_or_add_rPr().append(parse_xml(f'<w:spacing {nsdecls("w")} w:val="{spacing}"/>'))
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    assert check_document(out).result("HD02").outcome.name == outcome
