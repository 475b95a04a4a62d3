"""The rendered plan, read back with python-docx: texts, styles, fonts, sections, tables, fields."""

from __future__ import annotations

import unicodedata
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from hanhchinh_docs.api import render_plan
from tests.support.docx_facts import (
    all_paragraphs, document_text, find_paragraph, paragraph_format, parse_strict, resolve_run, xml_parts,
)
from tests.support.plans import plan_data, write_plan

B = " " * 6  # a blank the văn thư fills in by hand
TOLERANCE = Mm(0.1)  # lengths are stored in whole twips (1/1440 inch)


def within(value, low, high) -> bool:
    return low - TOLERANCE <= value <= high + TOLERANCE


def render(tmp_path, **overrides):
    source = write_plan(tmp_path / "plan.yaml", **overrides)
    out = tmp_path / "plan.docx"
    render_plan(source, out)
    return docx.Document(str(out)), out


def test_header_texts_and_styles(seed_docx):
    document = docx.Document(str(seed_docx))
    header = document.tables[0]
    left = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in header.cell(0, 1).paragraphs if p.text]
    assert left == ["UBND TỈNH HÀ TĨNH", "SỞ TÀI NGUYÊN\nVÀ MÔI TRƯỜNG"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header.cell(1, 0).text == f"Số: {B}/KH-STNMT"
    assert header.cell(1, 1).text == f"Hà Tĩnh, ngày {B} tháng 01 năm 2024"
    expected = {  # text -> (size, bold, italic): the sample values of Mẫu 1.4
        "UBND TỈNH HÀ TĨNH": (13, False, False),
        "SỞ TÀI NGUYÊN\nVÀ MÔI TRƯỜNG": (13, True, False),
        f"Số: {B}/KH-STNMT": (13, False, False),
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": (13, True, False),
        "Độc lập - Tự do - Hạnh phúc": (14, True, False),
        f"Hà Tĩnh, ngày {B} tháng 01 năm 2024": (14, False, True),
        "KẾ HOẠCH": (14, True, False),
        "Nơi nhận:": (12, True, True),
        "GIÁM ĐỐC": (13, True, False),
        "Lê Ngọc Huấn": (14, True, False),
        "Phụ lục": (14, True, False),
    }
    for text, (size, bold, italic) in expected.items():
        paragraph = find_paragraph(document, text)
        fmt = paragraph_format(document, paragraph)
        assert (fmt.size_pt, fmt.bold, fmt.italic) == (size, bold, italic), text
        assert paragraph.alignment in (None, 1) or paragraph.style.paragraph_format.alignment == 1


def test_title_and_body(seed_docx):
    document = docx.Document(str(seed_docx))
    texts = document_text(document)
    subject = texts[texts.index("KẾ HOẠCH") + 1]
    assert subject.startswith("Tuyên truyền cải cách hành chính") and subject.endswith("năm 2024")
    assert "2023" not in subject
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích:", "2. Yêu cầu:", "II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
                    "III. TỔ CHỨC THỰC HIỆN"):
        assert heading in texts
    body = [p for p in all_paragraphs(document) if p.style.style_id == "ND30NoiDung" and p.text]
    assert body[-1].text.endswith("thực hiện./.") and not body[-1].text.endswith("./../.")
    fmt = body[0].style.paragraph_format
    assert fmt.alignment == 3  # justify
    assert abs(fmt.first_line_indent - docx.shared.Cm(1)) < TOLERANCE
    assert fmt.space_before.pt >= 6
    assert 1.0 <= fmt.line_spacing <= 1.5


def test_numbering_levels_and_closing_mark(tmp_path):
    document, _ = render(tmp_path)
    texts = document_text(document)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert "1. Mục đích:" in texts and "2. Yêu cầu:" in texts
    assert "a) Đối với các phòng:" in texts
    assert "b) Đối với đơn vị trực thuộc: thực hiện nghiêm túc." in texts
    assert "II. TỔ CHỨC THỰC HIỆN" in texts
    assert "Các phòng triển khai thực hiện./." in texts
    b = find_paragraph(document, "b) Đối với đơn vị trực thuộc: thực hiện nghiêm túc.")
    assert paragraph_format(document, b).bold is False
    assert paragraph_format(document, find_paragraph(document, "1. Mục đích:")).bold is True


@pytest.mark.parametrize("number, date, expected_number, expected_date", [
    (5, "2024-01-05", "Số: 05/KH-SNV", "Hà Tĩnh, ngày 05 tháng 01 năm 2024"),
    (12, "2024-02-09", "Số: 12/KH-SNV", "Hà Tĩnh, ngày 09 tháng 02 năm 2024"),
    (120, "2024-06-29", "Số: 120/KH-SNV", "Hà Tĩnh, ngày 29 tháng 6 năm 2024"),
    (None, "2024-11", f"Số: {B}/KH-SNV", f"Hà Tĩnh, ngày {B} tháng 11 năm 2024"),
    (None, None, f"Số: {B}/KH-SNV", f"Hà Tĩnh, ngày {B} tháng {B} năm {B}"),
])
def test_number_and_date_rules(tmp_path, number, date, expected_number, expected_date):
    document, _ = render(tmp_path, so=number, ngay=date)
    header = document.tables[0]
    assert header.cell(1, 0).text == expected_number
    assert header.cell(1, 1).text == expected_date
    kem_theo = next(t for t in document_text(document) if t.startswith("(Kèm theo"))
    assert expected_number.removeprefix("Số: ") in kem_theo
    assert expected_date.removeprefix("Hà Tĩnh, ") in kem_theo


def test_every_run_is_times_new_roman(seed_docx):
    document = docx.Document(str(seed_docx))
    checked = 0
    for paragraph in all_paragraphs(document):
        for run in paragraph.runs:
            if run.text.strip():
                fonts = resolve_run(document, paragraph, run).fonts
                assert set(fonts.values()) == {"Times New Roman"}, (paragraph.text[:40], fonts)
                checked += 1
    assert checked > 100
    for name, data in xml_parts(seed_docx).items():
        assert b"Theme=" not in data and b"cstheme" not in data, name


def test_sections_margins_and_page_numbers(seed_docx):
    document = docx.Document(str(seed_docx))
    sections = document.sections
    assert len(sections) == 2
    main, appendix = sections
    assert abs(main.page_width - Mm(210)) < Mm(0.5) and abs(main.page_height - Mm(297)) < Mm(0.5)
    assert main.orientation == 0
    assert within(main.top_margin, Mm(20), Mm(25)) and within(main.bottom_margin, Mm(20), Mm(25))
    assert within(main.left_margin, Mm(30), Mm(35)) and within(main.right_margin, Mm(15), Mm(20))
    assert appendix.orientation == 1
    assert appendix.page_width > appendix.page_height
    assert abs(appendix.page_width - Mm(297)) < Mm(0.5)
    assert main.different_first_page_header_footer
    assert main.first_page_header.paragraphs[0].text == ""
    header_xml = main.header._element.xml
    assert "PAGE" in header_xml and 'fldCharType="begin"' in header_xml
    appendix_sect = document.element.body.sectPr
    assert appendix_sect.find(qn("w:titlePg")) is not None
    assert appendix_sect.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_appendix_table(seed_docx):
    document = docx.Document(str(seed_docx))
    table = document.tables[-1]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["TT", "Nội dung công việc", "Sản phẩm", "Đơn vị chủ trì", "Đơn vị phối hợp",
                      "Thời gian thực hiện"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert len(table.rows) == 6
    assert [r.cells[0].text for r in table.rows[1:]] == ["1", "2", "3", "4", "5"]
    products = [p.text for p in table.rows[1].cells[2].paragraphs]
    assert products[0] == "- Các tin, bài tuyên truyền về CCHC;" and products[-1].endswith(".")
    assert [p.text for p in table.rows[3].cells[3].paragraphs] == ["- Thanh tra;", "- Văn phòng."]
    assert table.rows[2].cells[5].text == "Quý II, IV"
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for row in table.rows:
        assert [int(c._tc.tcPr.tcW.w) for c in row.cells] == grid
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    texts = document_text(document)
    assert "NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024" in texts
    assert (f"(Kèm theo Kế hoạch số {B}/KH-STNMT ngày {B} tháng 01 năm 2024 của Sở Tài nguyên và "
            "Môi trường)") in texts


def test_signature_block(seed_docx):
    document = docx.Document(str(seed_docx))
    signature = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    recipients = [p.text for p in signature.cell(0, 0).paragraphs[1:]]
    assert recipients == ["- UBND tỉnh (để b/c);", "- Các sở: Nội vụ, TT&TT;", "- GĐ, PGĐ Sở;",
                          "- Các phòng, đơn vị;", "- Lưu: VT, VP, TTT."]
    sizes = {paragraph_format(document, p).size_pt for p in signature.cell(0, 0).paragraphs[1:]}
    assert sizes == {11}
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == ["GIÁM ĐỐC", "Lê Ngọc Huấn"]
    before = signature._tbl.getprevious()
    assert before.pPr.keepNext is not None


def test_authority_line(tmp_path):
    document, _ = render(tmp_path)
    signature = document.tables[1]
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == [
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]


def test_special_characters_appear_literally(tmp_path):
    tricky = 'Vốn R&D < 5% và > 2% cho "chuyển đổi số" của Sở\'s'
    document, out = render(tmp_path, trich_yeu=tricky, noi_nhan=["Sở TT&TT", "A < B"])
    texts = document_text(document)
    assert tricky in texts
    assert "- Sở TT&TT;" in texts and "- A < B;" in texts
    for data in xml_parts(out).values():
        parse_strict(data)  # every part is well-formed XML


def test_text_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Tuyên truyền cải cách hành chính năm {{ nam }}")
    document, _ = render(tmp_path, trich_yeu=decomposed)
    assert "Tuyên truyền cải cách hành chính năm 2024" in document_text(document)


def test_no_appendix_gives_one_portrait_section(tmp_path):
    document, _ = render(tmp_path, phu_luc=[])
    assert len(document.sections) == 1
    assert document.sections[0].orientation == 0
    assert not any(t.startswith("(Kèm theo") for t in document_text(document))


def test_several_appendices_are_numbered_and_separate_sections(tmp_path):
    appendix = plan_data()["phu_luc"][0]
    second = {"ten": "Phụ lục thứ hai", "nhiem_vu": [dict(appendix["nhiem_vu"][0], ma="NV02")]}
    document, _ = render(tmp_path, phu_luc=[appendix, second])
    texts = document_text(document)
    assert "Phụ lục I" in texts and "Phụ lục II" in texts and "Phụ lục" not in texts
    assert len(document.sections) == 3
    assert [s.orientation for s in document.sections] == [0, 1, 1]


def test_empty_task_lists_keep_a_paragraph_in_every_cell(tmp_path):
    task = {"noi_dung": "Không có sản phẩm", "chu_tri": "Văn phòng"}
    _, out = render(tmp_path, phu_luc=[{"ten": "X", "nhiem_vu": [task]}])
    body = parse_strict(xml_parts(out)["word/document.xml"])
    for tc in body.iter(qn("w:tc")):
        assert tc.find(qn("w:p")) is not None


def test_output_passes_openxml_audit(seed_docx, tmp_path):
    from openxml_audit import OpenXmlValidator

    document, out = render(tmp_path, phu_luc=[])
    for path in (seed_docx, out):
        result = OpenXmlValidator().validate(str(path))
        assert result.is_valid, [str(e) for e in result.errors][:5]


def test_no_template_tags_left(seed_docx):
    with zipfile.ZipFile(seed_docx) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                text = "".join(parse_strict(z.read(name)).itertext())
                for tag in ("{{", "}}", "{%", "%}"):
                    assert tag not in text, (name, tag)


def test_kinh_gui_one_and_several(tmp_path):
    one, _ = render(tmp_path, kinh_gui=["Ủy ban nhân dân tỉnh Hà Tĩnh"])
    assert "Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh" in document_text(one)
    several, _ = render(tmp_path, kinh_gui=["Ủy ban nhân dân tỉnh", "Sở Nội vụ"])
    texts = document_text(several)
    start = texts.index("Kính gửi:")
    assert texts[start + 1:start + 3] == ["- Ủy ban nhân dân tỉnh;", "- Sở Nội vụ."]
    dash = find_paragraph(several, "- Sở Nội vụ.")
    label = find_paragraph(several, "Kính gửi:")
    assert dash.style.paragraph_format.left_indent > label.style.paragraph_format.left_indent
    none, _ = render(tmp_path)
    assert not any(t.startswith("Kính gửi") for t in document_text(none))


def test_carried_over_task_is_marked(tmp_path):
    task = {"noi_dung": "Số hóa hồ sơ", "chu_tri": "Văn phòng", "chuyen_tiep_tu": 2023}
    document, _ = render(tmp_path, phu_luc=[{"ten": "Nhiệm vụ", "nhiem_vu": [task]}])
    cell = document.tables[-1].rows[1].cells[1].text
    assert cell == "Số hóa hồ sơ\n(Nhiệm vụ chuyển tiếp từ năm 2023)"


def test_addressed_plan_starts_recipients_with_nhu_tren(tmp_path):
    document, _ = render(tmp_path, kinh_gui=["Ủy ban nhân dân tỉnh"], noi_nhan=["Sở Nội vụ"])
    signature = document.tables[1]
    assert [p.text for p in signature.cell(0, 0).paragraphs[1:]] == [
        "- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, VP."]
    typed, _ = render(tmp_path, kinh_gui=["Ủy ban nhân dân tỉnh"], noi_nhan=["Như trên;", "Sở Nội vụ"])
    assert [p.text for p in typed.tables[1].cell(0, 0).paragraphs[1:3]] == ["- Như trên;", "- Sở Nội vụ;"]
