"""Grouped task tables, the office's columns, product rows, table appendices and body tables,
read back from the .docx and, where layout matters, from LibreOffice's PDF."""

from __future__ import annotations

import copy
import unicodedata
import zipfile

import docx
import pdfplumber
import pytest
import yaml
from docx.oxml.ns import qn
from docx.shared import Length, Mm

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.checker import check_document
from hanhchinh_docs.errors import TemplateError
from hanhchinh_docs.render.tables import scaled_widths
from tests.conftest import EXAMPLES, convert_to_pdf

EXAMPLE = EXAMPLES / "ke_hoach_cai_cach_hanh_chinh_2025.yaml"


def text_width(section) -> int:
    return Length(section.page_width - section.left_margin - section.right_margin).twips


LANDSCAPE_TEXT = Mm(297 - 20 - 20).twips


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("grouped") / "ke_hoach.docx"
    render_plan(EXAMPLE, out)
    return out


def grid(table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def row_texts(row) -> list[str]:
    return [tc.xpath("string(.)") for tc in row._tr.findall(qn("w:tc"))]


def test_grouped_appendix_table(example_docx):
    document = docx.Document(str(example_docx))
    body_table, table, schedule = document.tables[1], document.tables[3], document.tables[4]
    del body_table, schedule
    assert row_texts(table.rows[0]) == ["TT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện",
                                        "Phối hợp thực hiện", "Theo dõi, kiểm tra, đôn đốc"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert row_texts(table.rows[1]) == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert sum(grid(table)) == LANDSCAPE_TEXT
    assert [row_texts(r)[0] for r in table.rows[2:]] == ["I", "1", "2", "", "3", "II", "1", "2"]
    group = table.rows[2]._tr
    cells = group.findall(qn("w:tc"))
    assert len(cells) == 2
    assert cells[1].find(qn("w:tcPr") + "/" + qn("w:gridSpan")).get(qn("w:val")) == "6"
    assert int(cells[1].find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w"))) == sum(grid(table)[1:])
    assert row_texts(table.rows[2]) == ["I", "Cải cách thể chế"]
    assert all(r.find(qn("w:rPr") + "/" + qn("w:b")) is not None for r in group.iter(qn("w:r")))
    assert all(p.find(qn("w:pPr") + "/" + qn("w:keepNext")) is not None for p in group.iter(qn("w:p")))
    assert row_texts(table.rows[3])[-1] == "Sở Tư pháp"
    product_row = row_texts(table.rows[5])
    assert product_row == ["", "", "Báo cáo kết quả rà soát, hệ thống hóa văn bản", "Trước ngày 15/12/2025",
                           "Sở Tư pháp", "", ""]
    first_product = row_texts(table.rows[4])
    assert first_product[2:4] == ["Danh mục văn bản hết hiệu lực được công bố", "Trước ngày 31/01/2025"]
    for row in table.rows:
        widths = [int(tc.find(qn("w:tcPr") + "/" + qn("w:tcW")).get(qn("w:w"))) for tc in row._tr.findall(qn("w:tc"))]
        assert sum(widths) == LANDSCAPE_TEXT
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_body_table_is_portrait_width_with_its_caption(example_docx):
    document = docx.Document(str(example_docx))
    table = document.tables[1]
    assert sum(grid(table)) == text_width(document.sections[0]) == Mm(165).twips + 1
    assert row_texts(table.rows[0]) == ["STT", "Chỉ tiêu", "Năm 2024", "Năm 2025"]
    assert row_texts(table.rows[3]) == ["3", "Mức độ hài lòng của người dân và doanh nghiệp (%)", "90", "≥ 95"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    caption = table._tbl.getprevious()
    assert caption.xpath("string(.)") == "Chỉ tiêu cải cách hành chính chủ yếu"
    after = table._tbl.getnext().xpath("string(.)")
    assert after == "II. NHIỆM VỤ"


def test_table_appendix_and_attached_lines(example_docx):
    document = docx.Document(str(example_docx))
    schedule = document.tables[4]
    assert [row_texts(r) for r in schedule.rows] == [
        ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"], ["1", "Sở Tư pháp", "Tháng 5/2025"],
        ["2", "Sở Xây dựng", "Tháng 6/2025"], ["3", "UBND phường Thành Sen", "Tháng 8/2025"],
        ["4", "UBND xã Thạch Hà", "Tháng 9/2025"]]
    assert sum(grid(schedule)) == LANDSCAPE_TEXT
    texts = [nfc(p.text) for p in document.paragraphs]
    assert texts.count("(Kèm theo Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2025 của UBND tỉnh)") == 2
    assert "LỊCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2025" in texts
    assert "Phụ lục II" in texts


def test_example_passes_check(example_docx):
    report = check_document(example_docx)
    assert not report.failed, [r for r in report.results if r.outcome == "khong_dat"]


def plan_data() -> dict:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))


def render_data(tmp_path, data: dict, name: str = "ke_hoach"):
    source = tmp_path / f"{name}.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / f"{name}.docx"
    render_plan(source, out)
    return out


def test_imported_attached_line_is_printed_in_the_nd30_form(tmp_path):
    data = plan_data()
    data["phu_luc"][1]["kem_theo"] = "(Ban hành kèm theo Kế hoạch số 99/KH-UBND ngày 02/01/2025 của UBND tỉnh)"
    document = docx.Document(str(render_data(tmp_path, data)))
    texts = [nfc(p.text) for p in document.paragraphs]
    assert "(Kèm theo Kế hoạch số 99/KH-UBND ngày 02/01/2025 của UBND tỉnh)" in texts
    assert not any("Ban hành kèm theo" in t for t in texts)


def test_continuous_numbering_and_a_row_taller_than_a_page(tmp_path):
    data = plan_data()
    appendix = data["phu_luc"][0]
    appendix["danh_so"] = "lien_tuc"
    appendix["nhom"][1]["nhiem_vu"][0]["noi_dung"] = " ".join(["Nội dung rất dài của một nhiệm vụ."] * 400)
    document = docx.Document(str(render_data(tmp_path, data)))
    table = document.tables[3]
    assert [row_texts(r)[0] for r in table.rows[2:]] == ["I", "1", "2", "", "3", "II", "4", "5"]
    split = [r._tr.trPr is None or r._tr.trPr.find(qn("w:cantSplit")) is None for r in table.rows]
    assert split == [False, False, False, False, False, False, False, False, True, False]


def test_line_breaks_and_markup_characters_in_a_cell_are_kept_as_typed(tmp_path):
    """Tables are spliced into the document as text: two line breaks in a row (an empty text
    between them) and the characters XML escapes must read back as typed, from a valid part."""
    data = plan_data()
    data["phu_luc"][0]["nhom"][0]["nhiem_vu"][0]["noi_dung"] = 'Dòng một\n\nDòng <hai> & "ba"'
    out = render_data(tmp_path, data)
    document = docx.Document(str(out))
    cell = document.tables[3].rows[3]._tr.findall(qn("w:tc"))[1]
    (run,) = cell.findall(qn("w:p") + "/" + qn("w:r"))
    pieces = [child.text or "" if child.tag == qn("w:t") else "<br>" for child in run]
    assert pieces == ["Dòng một", "<br>", "", "<br>", 'Dòng <hai> & "ba"']
    with zipfile.ZipFile(out) as archive:
        assert b"<?hanhchinh" not in archive.read("word/document.xml")
    assert len(document.tables) == 5


def test_default_columns_without_tt_column_span_the_group_title(tmp_path):
    data = plan_data()
    appendix = data["phu_luc"][0]
    appendix["cot"] = ["noi_dung", "chu_tri", {"khoa": "theo_doi", "ten": "Theo dõi", "rong": 40}]
    appendix["danh_so_cot"] = False
    document = docx.Document(str(render_data(tmp_path, data)))
    table = document.tables[3]
    assert row_texts(table.rows[0]) == ["Nội dung công việc", "Đơn vị chủ trì", "Theo dõi"]
    assert row_texts(table.rows[1]) == ["I. Cải cách thể chế"]
    span = table.rows[1]._tr.find(qn("w:tc")).find(qn("w:tcPr") + "/" + qn("w:gridSpan"))
    assert span.get(qn("w:val")) == "3"
    assert sum(grid(table)) == LANDSCAPE_TEXT


def test_widths_are_scaled_to_the_text_area_and_headings_keep_their_words():
    assert scaled_widths([12, 80, 62, 32, 34, 37], 14570, ["TT"] * 6) == [680, 4535, 3514, 1814, 1927, 2100]
    narrow = scaled_widths([1, 100, 100], 9355, ["STT", "Chỉ tiêu", "Kết quả"])
    assert sum(narrow) == 9355
    assert narrow[0] >= 216 + 400  # two cell margins and the bold word "STT" (≈ 25 pt)
    wide = scaled_widths([500, 500], 9355, ["A", "B"])
    assert wide == [4677, 4678]


def test_a_template_missing_one_table_place_is_refused(tmp_path):
    from tests.render.test_templates import TEMPLATES

    template = docx.Document(str(TEMPLATES / "ke_hoach.docx"))
    body = template.element.body
    for p in list(body.iter(qn("w:p")))[::-1]:
        style = p.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if style is not None and style.get(qn("w:val")) == "ND30BangCho":
            p.getparent().remove(p)
            break
    template.save(str(tmp_path / "mau.docx"))
    with pytest.raises(TemplateError) as info:
        render_plan(EXAMPLE, tmp_path / "out.docx", tmp_path / "mau.docx")
    assert "ND30BangCho" in str(info.value)
    assert not (tmp_path / "out.docx").exists()


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory):
    """Three groups of 30 tasks: the appendix runs over several landscape pages."""
    folder = tmp_path_factory.mktemp("long")
    data = plan_data()
    appendix = data["phu_luc"][0]
    task = appendix["nhom"][0]["nhiem_vu"][2]
    appendix["nhom"] = [
        {"ten": f"Nhóm {g + 1}", "nhiem_vu": [{**copy.deepcopy(task), "ma": f"G{g}T{t}"} for t in range(30)]}
        for g in range(3)]
    return convert_to_pdf(render_data(folder, data), folder)


def test_long_appendix_repeats_its_header_and_stays_inside_the_margins(long_pdf):
    with pdfplumber.open(str(long_pdf)) as pdf:
        appendix_pages = [page for page in pdf.pages if page.width > page.height
                          and not nfc(page.extract_text()).startswith("Phụ lục II")]
        assert len(appendix_pages) >= 4
        for page in appendix_pages:
            text = nfc(page.extract_text())
            assert "Theo dõi," in text and "Chủ trì thực" in text, page.page_number
            right_limit = page.width - 20 * 72 / 25.4 + 1
            assert max(w["x1"] for w in page.extract_words()) <= right_limit
            assert max(e["x1"] for e in page.edges) <= right_limit
        group_rows = [i for i, page in enumerate(appendix_pages) for line in nfc(page.extract_text()).split("\n")
                      if line.startswith(("I Nhóm", "II Nhóm", "III Nhóm"))]
        assert len(group_rows) == 3
        for page in appendix_pages:
            last_line = nfc(page.extract_text()).strip().split("\n")[-1]
            assert not last_line.startswith(("I Nhóm", "II Nhóm", "III Nhóm")), "a group row ends a page"
