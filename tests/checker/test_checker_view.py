"""The read-only view: inherited formatting resolved as Word does, numbering labels, line shapes."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.checker.effective import Numbering, Resolver, RunContext, StyleSheet
from hanhchinh_docs.checker.spec import Range, load_spec, number_text
from tests.checker.docx_builder import build

STYLES = f"""<w:styles {nsdecls("w")}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsi="Arial"/><w:sz w:val="24"/>
  </w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Bold"><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def resolver() -> Resolver:
    return Resolver(StyleSheet(parse_xml(STYLES)), Numbering(None))


def test_run_properties_come_from_the_nearest_level() -> None:
    fmt = resolver().run_format(None, RunContext(None, "Bold", None))
    assert fmt.size == 13 and fmt.bold
    assert fmt.fonts["ascii"] == "Times New Roman"            # paragraph style chain (Normal)
    assert fmt.fonts["hAnsi"] == "Arial"                      # document defaults


def test_bold_in_both_paragraph_and_character_style_cancels_out() -> None:
    assert resolver().run_format(None, RunContext("Strong", "Bold", None)).bold is False
    direct = parse_xml(f'<w:rPr {nsdecls("w")}><w:b/></w:rPr>')
    assert resolver().run_format(direct, RunContext("Strong", "Bold", None)).bold is True


def test_theme_fonts_are_reported_as_theme() -> None:
    fmt = resolver().run_format(None, RunContext(None, "Missing", None))
    assert fmt.fonts["ascii"] == "Times New Roman"            # unknown style -> default paragraph style
    defaults_only = Resolver(StyleSheet(parse_xml(STYLES.replace('<w:rFonts w:ascii="Times New Roman"/>', ""))),
                             Numbering(None))
    assert defaults_only.run_format(None, RunContext(None, None, None)).fonts["ascii"] == "theme:minorHAnsi"


NUMBERING = f"""<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def test_automatic_numbering_labels() -> None:
    numbering = Numbering(parse_xml(NUMBERING))
    labels = [numbering.next_label("1", level) for level in (0, 1, 2, 2, 1, 0, 1)]
    assert labels == ["I. ", "1. ", "a) ", "b) ", "2. ", "II. ", "1. "]


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
