"""The checker and the importer read a .docx the same way (one stream, ``docx_reading.blocks``),
and the way Word prints it, on the three cases where they used to disagree.

Expected values are what Word prints. LibreOffice's PDF of each file shows the same for hidden
text and for the lists (I., II., then III.); for the cancelled bold LibreOffice prints bold, unlike
Word, whose rule (a toggle set by both a character and a paragraph style switches off) is followed.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.importer.reader import read_document


def _save(document, folder: Path, name: str) -> Path:
    path = folder / name
    document.save(path)
    return path


def _character_style(document, name: str, rpr_xml: str):
    style = document.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.element.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr_xml}</w:rPr>"))
    return style


def test_text_hidden_through_a_character_style_is_absent_for_both(tmp_path: Path) -> None:
    document = docx.Document()
    _character_style(document, "An chu", "<w:vanish/>")
    paragraph = document.add_paragraph("Số: ")
    paragraph.add_run("GHI CHÚ ẨN").style = "An chu"
    paragraph.add_run("12/KH-UBND")
    path = _save(document, tmp_path, "hidden.docx")

    view = open_document(path)
    assert [p.text for p in view.paragraphs] == ["Số: 12/KH-UBND"]
    assert [piece.text for piece in view.paragraphs[0].pieces] == ["Số: ", "12/KH-UBND"]
    imported = read_document(path).blocks
    assert [block.text for block in imported] == ["Số: 12/KH-UBND"]


def test_bold_set_by_both_the_character_and_the_paragraph_style_cancels_for_both(tmp_path: Path) -> None:
    document = docx.Document()
    heading = document.styles.add_style("Dam doan", WD_STYLE_TYPE.PARAGRAPH)
    heading.font.bold = True
    _character_style(document, "Dam chu", "<w:b/>")
    cancelled = document.add_paragraph(style="Dam doan")
    cancelled.add_run("KẾ HOẠCH").style = "Dam chu"
    document.add_paragraph("TRIỂN KHAI", style="Dam doan")
    path = _save(document, tmp_path, "bold.docx")

    view = open_document(path)
    assert [(p.text, [piece.format.bold for piece in p.pieces]) for p in view.paragraphs] \
        == [("KẾ HOẠCH", [False]), ("TRIỂN KHAI", [True])]
    imported = read_document(path).blocks
    assert [(block.text, block.bold, [line.bold for line in block.lines]) for block in imported] \
        == [("KẾ HOẠCH", False, [False]), ("TRIỂN KHAI", True, [True])]


def test_two_lists_sharing_one_abstract_numbering_count_on_for_both(tmp_path: Path) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element   # the default template's lists use ids below 20
    numbering.find(qn("w:num")).addprevious(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="40"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'))
    for num_id in ("41", "42"):
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="40"/></w:num>'))
    for text, num_id in (("MỤC ĐÍCH", "41"), ("NỘI DUNG", "41"), (None, None), ("TỔ CHỨC", "42")):
        paragraph = document.add_paragraph(text or "Đoạn giữa hai danh sách")
        if num_id:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    path = _save(document, tmp_path, "lists.docx")

    view = open_document(path)
    assert [p.text for p in view.paragraphs] \
        == ["I. MỤC ĐÍCH", "II. NỘI DUNG", "Đoạn giữa hai danh sách", "III. TỔ CHỨC"]
    imported = read_document(path).blocks
    assert [(block.list_label, block.text) for block in imported] == [
        ("I.", "I. MỤC ĐÍCH"), ("II.", "II. NỘI DUNG"), (None, "Đoạn giữa hai danh sách"), ("III.", "III. TỔ CHỨC")]


def _text_box(text: str):
    """A VML text box holding one paragraph, as a run to anchor in a paragraph."""
    return parse_xml(f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
                     f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>'
                     '</w:pict></w:r>')


def test_a_text_box_reads_before_its_anchor_and_a_stamp_in_a_cell_is_not_the_cells_text(tmp_path: Path) -> None:
    document = docx.Document()
    anchor = document.add_paragraph("KẾ HOẠCH")
    anchor._p.append(_text_box("SỞ NỘI VỤ"))
    cell = document.add_table(rows=1, cols=2).cell(0, 0)
    cell.paragraphs[0].add_run("TỈNH BÌNH THUẬN")
    cell.paragraphs[0]._p.append(_text_box("DỰ THẢO"))
    path = _save(document, tmp_path, "boxes.docx")

    view = open_document(path)
    assert [(p.text, p.container.kind) for p in view.paragraphs if p.text] == [
        ("SỞ NỘI VỤ", "textbox"), ("KẾ HOẠCH", "body"), ("DỰ THẢO", "textbox"), ("TỈNH BÌNH THUẬN", "cell")]
    assert [p.text for p in view.tables[0].cells[0][0].paragraphs] == ["TỈNH BÌNH THUẬN"]
    imported = read_document(path).blocks
    assert [block.text for block in imported[:2]] == ["SỞ NỘI VỤ", "KẾ HOẠCH"]
    assert imported[2].rows[0][0].texts == ["TỈNH BÌNH THUẬN"]
