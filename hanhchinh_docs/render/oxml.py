"""The only place that builds raw WordprocessingML: named helpers over python-docx's oxml layer.

Every element is inserted in schema order (``insert_element_before``), because Word rejects
out-of-order children that LibreOffice silently accepts.
"""

from __future__ import annotations

import copy

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length

FONT = "Times New Roman"

_RPR_SUCCESSORS = (
    "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline",
    "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
    "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
    "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
    "w:eastAsianLayout", "w:specVanish", "w:oMath",
)


def set_fonts(rpr, name: str = FONT) -> None:
    """Name the font in all four slots and drop theme fonts, which would override the name."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert_element_before(fonts, *_RPR_SUCCESSORS)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), name)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme", "hint"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)


def set_size_cs(rpr, half_points: int) -> None:
    """``w:szCs`` next to ``w:sz`` (python-docx sets only ``w:sz``)."""
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            sz.addnext(size_cs)
        else:
            rpr.insert_element_before(size_cs, *_RPR_SUCCESSORS[_RPR_SUCCESSORS.index("w:highlight"):])
    size_cs.set(qn("w:val"), str(half_points))


_PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def set_bottom_border(ppr, size_eighths: int = 6, side: str = "bottom") -> None:
    """A solid bottom border: ND30's short lines, drawn as part of an empty paragraph
    (``side="top"``: the full-width line over the address block, ô 13)."""
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.insert_element_before(borders, *_PPR_AFTER_PBDR)
    bottom = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "0"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)


def set_run_box(rpr) -> None:
    """A single-line box around the text of a run: ND30's độ khẩn, độ mật and phạm vi lưu hành stamps."""
    box = OxmlElement("w:bdr")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        box.set(qn(f"w:{key}"), value)
    rpr.insert_element_before(
        box, "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath")


def set_table_borders(tbl, value: str) -> None:
    """All borders of a table: ``"nil"`` (header, signature) or ``"single"`` (task table)."""
    tbl_pr = tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        if value != "nil":
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.insert_element_before(
        borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def set_table_widths(table, widths: list[Length]) -> None:
    """Fixed layout, grid and every cell's width: Word follows cells, LibreOffice the grid."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(
            tbl_w, "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
            "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(w.twips for w in widths)))
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(width.twips))
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def set_row_flags(row, *, header: bool = False, cant_split: bool = False) -> None:
    """``w:tblHeader`` repeats a row on each page; ``w:cantSplit`` keeps a row on one page."""
    tr_pr = row._tr.get_or_add_trPr()
    if cant_split and tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))
    if header and tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def append_page_field(paragraph) -> None:
    """A PAGE field (begin / instruction / separate / cached result / end), as Word writes it."""
    def run_with(child):
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run_with(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run_with(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run_with(t)


def section_break_paragraph(sect_pr):
    """A new empty ``w:p`` carrying a copy of ``sect_pr``: ends a section at that point."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    ppr.append(copy.deepcopy(sect_pr))
    p.append(ppr)
    return p


def set_page_numbering(sect_pr, *, restart: bool, hide_on_first_page: bool) -> None:
    """Per-section numbering: ND30 numbers each appendix separately and shows no number on page 1."""
    if restart and sect_pr.find(qn("w:pgNumType")) is None:
        num = OxmlElement("w:pgNumType")
        num.set(qn("w:start"), "1")
        sect_pr.insert_element_before(
            num, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
            "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
    if hide_on_first_page and sect_pr.find(qn("w:titlePg")) is None:
        sect_pr.insert_element_before(
            OxmlElement("w:titlePg"), "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
            "w:printerSettings", "w:sectPrChange")


def set_indents(ppr, left: Length, right: Length) -> None:
    """Left and right paragraph indents in twips (used to size the short lines)."""
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.insert_element_before(ind, *_PPR_AFTER_PBDR[_PPR_AFTER_PBDR.index("w:contextualSpacing"):])
    ind.set(qn("w:left"), str(max(0, left.twips)))
    ind.set(qn("w:right"), str(max(0, right.twips)))
