"""The read-only view: paragraphs in reading order with their containers, line shapes, sections."""

from __future__ import annotations


from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.conventions.spec import Range, load_spec, number_text
from tests.checker.docx_builder import build


def test_paragraphs_are_numbered_in_reading_order_with_their_containers() -> None:
    view = open_document(build())
    assert [p.index for p in view.paragraphs] == list(range(1, len(view.paragraphs) + 1))
    first = view.paragraphs[0]
    assert first.container.kind == "cell" and first.text == "UBND TỈNH HÀ TĨNH"
    assert round(first.container.width.mm, 1) == 60.2                       # 64 mm minus two cell margins
    body = next(p for p in view.paragraphs if p.text == "KẾ HOẠCH")
    assert body.container.kind == "body" and round(body.container.width.mm) == 165


def test_line_shapes_and_their_length_are_read() -> None:
    view = open_document(build({"tieu_ngu_line": {"kind": "vml"}, "trich_yeu_line": {"kind": "shape"}}))
    shapes = [s for p in view.paragraphs for s in p.shapes]
    assert [s.is_line for s in shapes] == [True, True]
    assert all(s.width and s.width.mm > 20 for s in shapes)
    assert not any(section.has_drawing for section in view.sections), "lines are not figures"


def test_page_headers_are_resolved_through_previous_sections() -> None:
    view = open_document(build({"appendices": [{}]}))
    assert len(view.sections) == 2
    inherited = view.header_paragraphs(1, "default")
    assert inherited and inherited[0].fields[0].name == "PAGE"


def test_spec_ranges_read_as_vietnamese() -> None:
    spec = load_spec()
    assert spec.element("quoc_hieu").size == Range(12.0, 13.0, "pt")
    assert spec.element("quoc_hieu").size.text() == "12 đến 13 pt"
    assert spec.element("so_ky_hieu").size.text() == "13 pt"
    assert number_text(1.27) == "1,27"


def test_a_header_typed_with_tab_stops_is_split_into_columns() -> None:
    import io

    import docx
    from docx.shared import Pt

    from hanhchinh_docs.checker.roles import detect_layout

    document = docx.Document()
    for left, right, bold in (("UBND TỈNH HÀ TĨNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", False),
                              ("SỞ TƯ PHÁP", "Độc lập - Tự do - Hạnh phúc", True),
                              ("Số: 05/KH-STP", "Hà Tĩnh, ngày 08 tháng 01 năm 2024", False)):
        paragraph = document.add_paragraph()
        paragraph.add_run(left).bold = bold
        paragraph.add_run("\t\t")
        run = paragraph.add_run(right)
        run.bold = True
        run.font.size = Pt(13)
    document.add_paragraph("KẾ HOẠCH")
    data = io.BytesIO()
    document.save(data)
    data.seek(0)
    layout = detect_layout(open_document(data))
    assert (layout.national_title.text, layout.national_title.column) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 2)
    assert [p.text for p in layout.parent_agency] == ["UBND TỈNH HÀ TĨNH"]
    assert [p.text for p in layout.agency] == ["SỞ TƯ PHÁP"]
    assert layout.number.text == "Số: 05/KH-STP" and layout.date.text.startswith("Hà Tĩnh, ngày 08")
    assert all(p.format.bold for p in layout.national_title.pieces())
    assert layout.document_type == "Kế hoạch"
