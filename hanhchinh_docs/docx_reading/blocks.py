"""One reading of a .docx, shared by the checker and the importer: its sections, and every
paragraph in reading order with its text, runs, formatting, list label and container.

Paragraphs are numbered 1, 2, ... in the order a reader meets them: body paragraphs, the
paragraphs of each table cell, and the content of text boxes (placed before the paragraph that
anchors them). Each paragraph keeps every visible character (tabs, line breaks, runs holding only
a space; hidden text, also hidden through a style, is left out), its runs' formatting resolved
the way Word does (``formatting``), the label Word draws from list numbering (``numbering``), its
container (body, table cell, text frame, text box, header, footer) and the width that container
leaves for text, the line shapes anchored in it and the fields it holds. Tables keep their grid
(cells with spans and vertical merges) and the top-level blocks keep their order. Nothing here
judges or names ND30 parts; the checker and the importer do.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Emu, Length, Pt

from hanhchinh_docs.conventions.spec import Spec
from hanhchinh_docs.docx_reading.formatting import ParagraphFormat, Resolver, RunContext, RunFormat, StyleSheet, on_off
from hanhchinh_docs.docx_reading.numbering import ListItem, Numbering
from hanhchinh_docs.docx_reading.package import related_element
from hanhchinh_docs.docx_reading.values import (
    MAX_COLUMNS, MAX_START, content_key, emu, int_attr, number, qn, twips, twips_attr,
)

NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NS_V = "urn:schemas-microsoft-com:vml"
NS_O = "urn:schemas-microsoft-com:office:office"

W_P, W_TBL, W_TR, W_TC, W_R, W_T = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:r"), qn("w:t")
W_PPR, W_RPR, W_TCPR, W_TRPR, W_SECTPR = qn("w:pPr"), qn("w:rPr"), qn("w:tcPr"), qn("w:trPr"), qn("w:sectPr")
W_GRID_SPAN, W_GRID_BEFORE, W_VMERGE, W_VAL = qn("w:gridSpan"), qn("w:gridBefore"), qn("w:vMerge"), qn("w:val")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = f"{{{NS_MC}}}AlternateContent", f"{{{NS_MC}}}Choice", f"{{{NS_MC}}}Fallback"
_CONTAINERS_OF_RUNS = {qn(f"w:{t}") for t in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "sdt",
                                                "sdtContent", "fldSimple", "dir", "bdo")}
_CONTAINERS_OF_BLOCKS = {qn(f"w:{t}") for t in ("sdt", "sdtContent", "customXml", "smartTag")}
"""Wrappers (content controls, custom XML) whose children are ordinary paragraphs, tables, rows or cells."""
LINE_GEOMETRIES = {"line", "straightConnector1"}
HORIZONTAL_LIMIT = Length(Emu(36000))   # 1 mm: a taller shape is not a horizontal line


class Container(NamedTuple):
    """Where a paragraph sits; ``width`` is the room for text in it (None when unknown). Tuples, as the
    pieces: a long table makes tens of thousands."""

    kind: str          # "body" | "cell" | "frame" | "textbox" | "header" | "footer"
    key: tuple         # cell: (table number, row index, cell index in the row); header/footer: (relationship id,)
    width: Length | None

    @property
    def is_body(self) -> bool:
        return self.kind == "body"


class Piece(NamedTuple):
    """Visible text of one run on one line of its paragraph (lines are split at manual breaks,
    columns at tab characters, as in a header typed with Tab stops)."""

    text: str
    format: RunFormat
    line: int
    column: int = 0


@dataclass(frozen=True)
class Shape:
    """A drawn shape anchored in a paragraph, with what is needed to place a horizontal line."""

    is_line: bool
    width: Length | None
    height: Length | None
    inline: bool
    relative_from: str | None    # positionH/@relativeFrom: column, margin, page, character...
    align: str | None            # positionH/align: left, center, right
    offset: Length | None        # positionH/posOffset


@dataclass
class Field:
    """A field (PAGE, NUMPAGES...) and the formats of the runs that show its result."""

    instruction: str
    formats: list[RunFormat] = field(default_factory=list)

    @property
    def name(self) -> str:
        words = self.instruction.split()
        return words[0].upper() if words else ""


@dataclass(eq=False, slots=True)
class ParagraphView:
    """One paragraph, read-only. ``index`` is its number in reading order (None in page headers).
    Two paragraphs are the same only if they are one (identity), however alike their text."""

    index: int | None
    element: object
    container: Container
    section: int
    label: str                  # automatic numbering Word draws before the text, with its space ("" if none)
    list_item: ListItem | None  # the numbers behind ``label`` (None when the paragraph is not numbered)
    lines: list[str]            # the text, split at manual line breaks
    pieces: list[Piece]
    format: ParagraphFormat
    shapes: list[Shape]
    fields: list[Field]
    graphics: int = 0           # drawings and VML pictures anchored in it (lines, shapes, pictures, text boxes)

    @property
    def text(self) -> str:
        """Label + text, line breaks as ``\\n``; what a reader sees."""
        return self.label + "\n".join(self.lines)

    @property
    def plain(self) -> str:
        """The text on one line with spaces collapsed, for matching and quoting."""
        return " ".join(self.text.split())

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def visible_pieces(self, lines: frozenset[int] | None = None, column: int | None = None) -> list[Piece]:
        """Pieces with visible text (not only spaces), optionally only on the given lines / tab column."""
        return [p for p in self.pieces if p.text.strip() and (lines is None or p.line in lines)
                and (column is None or p.column == column)]


class CellView(NamedTuple):
    """One ``w:tc`` of a row: where it sits on the table grid and the paragraphs it shows, those of
    tables nested in it included, in reading order; a text box anchored in it floats over the page
    (a "DỰ THẢO" stamp), so its text is not the cell's."""

    column: int                   # first grid column it covers
    span: int                     # grid columns it covers (w:gridSpan)
    continues: bool               # the lower part of a vertically merged cell (w:vMerge without "restart")
    paragraphs: list[ParagraphView]


@dataclass(frozen=True)
class TableView:
    """A table: its width as laid out, what decides how it reads across pages, and its cells."""

    number: int
    section: int
    in_body: bool                 # a top-level table of the body (not nested, not in a text box)
    width: Length | None          # the grid's width, or the declared width when Word sizes it so
    rows: int
    header_repeats: bool          # the first row is marked "Repeat as header row" (w:tblHeader)
    bordered: bool = False        # prints grid lines (a layout table for the header prints none)
    cells: tuple[tuple[CellView, ...], ...] = ()   # per row, its cells left to right
    grid: tuple[Length, ...] = ()  # the width of each grid column (w:gridCol), as the office set it


Block = ParagraphView | TableView


@dataclass(frozen=True)
class SectionView:
    """A page section (Word "section"): page size, margins, header references, what it holds."""

    index: int
    width: Length | None
    height: Length | None
    landscape: bool
    margins: dict[str, Length | None]
    title_page: bool
    page_number_start: int | None
    page_number_format: str | None
    header_refs: dict[str, str]
    footer_refs: dict[str, str]
    has_drawing: bool            # a picture, chart or drawn shape other than a line

    @property
    def name(self) -> str:
        """How a message names it: Word's Vietnamese word for a section is "phần" (dấu ngắt phần)."""
        return f"Phần {self.index + 1} của văn bản"

    @property
    def text_width(self) -> Length | None:
        if self.width is None or self.margins.get("left") is None or self.margins.get("right") is None:
            return None
        gutter = self.margins.get("gutter") or 0
        return Length(self.width - self.margins["left"] - self.margins["right"] - gutter)


class DocumentView:
    """The whole document read once: sections, every paragraph and table in reading order, the
    top-level blocks in order, and page headers/footers on demand."""

    def __init__(self, name: str, document, spec: Spec):
        self.name = name
        self._document = document
        self._spec = spec
        part = document.part
        self.resolver = Resolver(StyleSheet(related_element(part, RT.STYLES)),
                                 Numbering(related_element(part, RT.NUMBERING)))
        reader = _Reader(self.resolver, spec)
        reader.read_body(document.element.body)
        self.paragraphs: list[ParagraphView] = reader.paragraphs
        self.sections: list[SectionView] = reader.sections
        self.tables: list[TableView] = reader.tables
        self.blocks: list[Block] = reader.blocks
        """Paragraphs and tables outside any table cell, in order (a text box's content before its anchor;
        a text box anchored in a cell is in neither)."""
        self._parts: dict[str, list[ParagraphView]] = {}

    def _part_paragraphs(self, rel_id: str, kind: str = "header") -> list[ParagraphView]:
        if rel_id not in self._parts:
            part = self._document.part.related_parts.get(rel_id)
            reader = _Reader(self.resolver, self._spec, numbered=False)
            if part is not None:        # a dangling reference shows nothing in Word either
                reader.read_blocks(part.element, Container(kind, (rel_id,), None))
            self._parts[rel_id] = reader.paragraphs
        return self._parts[rel_id]

    def header_paragraphs(self, section: int, kind: str, footer: bool = False) -> list[ParagraphView] | None:
        """The header (or footer) of type ``kind`` (default/first/even) shown in ``section``.

        A section without its own reference shows the previous section's; None when no section
        up to this one defines it (Word then shows nothing).
        """
        for index in range(section, -1, -1):
            refs = self.sections[index].footer_refs if footer else self.sections[index].header_refs
            if kind in refs:
                return self._part_paragraphs(refs[kind], "footer" if footer else "header")
        return None

    def page_part_paragraphs(self) -> list[ParagraphView]:
        """Paragraphs of every header and footer the document uses, each part once."""
        ids = dict.fromkeys((rel, kind) for s in self.sections
                            for refs, kind in ((s.header_refs, "header"), (s.footer_refs, "footer"))
                            for rel in refs.values())
        return [p for rel_id, kind in ids for p in self._part_paragraphs(rel_id, kind)]


# --------------------------------------------------------------------------- reading XML
class _Reader:
    """Walks block content in reading order, building ParagraphViews, tables, blocks and sections."""

    def __init__(self, resolver: Resolver, spec: Spec, numbered: bool = True):
        self.resolver = resolver
        self.spec = spec
        self.numbered = numbered
        self.paragraphs: list[ParagraphView] = []
        self.sections: list[SectionView] = []
        self._tables = 0
        self.tables: list[TableView] = []
        self._depth = 0                                        # tables (and text boxes) we are inside
        self._grid_totals: dict[int, Length] = {}
        self._fractions: dict[int, float] = {}                 # table -> share of the text width (w:tblW pct)
        self._cell_edges: dict[tuple, tuple[Length, Length]] = {}  # cell key -> (outer width, margins)
        self._boxes = 0
        self._frames = 0
        self._last_frame: tuple | None = None
        self._section_drawing = False
        self._open_cells: list[CellView] = []                  # the cells (outer first) we are inside
        self._floor = 0                                        # open cells below it hold a text box we read: not theirs
        self._blocks: list[ParagraphView | int] = []           # top-level paragraphs, and tables by number

    # -- body and sections --------------------------------------------------------------
    def read_body(self, body) -> None:
        self.read_blocks(body, Container("body", ("body",), None))
        final = body.find(qn("w:sectPr"))
        self._close_section(final)
        width = {s.index: s.text_width for s in self.sections}
        for number, fraction in self._fractions.items():
            table = self.tables[number - 1]
            text_width = width.get(table.section)
            if table.width and text_width:
                self.tables[number - 1] = replace(table, width=Length(int(text_width * fraction)))
        for paragraph in self.paragraphs:
            if paragraph.container.is_body:
                paragraph.container = Container("body", ("body",), width.get(paragraph.section))
            elif paragraph.container.kind == "cell" and paragraph.container.key[0] in self._fractions:
                paragraph.container = self._scaled(paragraph.container, width.get(paragraph.section))

    @property
    def blocks(self) -> list[Block]:
        return [self.tables[item - 1] if isinstance(item, int) else item for item in self._blocks]

    def _scaled(self, container: Container, text_width: Length | None) -> Container:
        """A cell of a table sized as a share of the text width (``w:tblW w:type="pct"``), as laid out."""
        number = container.key[0]
        grid_width = self.tables[number - 1].width
        edges = self._cell_edges.get(container.key)
        if not text_width or not grid_width or edges is None or not edges[0]:
            return container
        table_width = text_width * self._fractions[number]
        outer = Length(int(edges[0] * table_width / self._grid_totals[number]))
        return Container("cell", container.key, Length(outer - edges[1]))

    def _close_section(self, sect_pr) -> None:
        self.sections.append(_section(len(self.sections), sect_pr, self._section_drawing))
        self._section_drawing = False

    def read_blocks(self, parent, container: Container, table_style: str | None = None) -> None:
        for child in _children(parent, (W_P, W_TBL)):
            if child.tag == W_P:
                self._paragraph(child, container, table_style)
                if container.is_body:
                    sect_pr = _grandchild(child, W_PPR, W_SECTPR)
                    if sect_pr is not None:
                        self._close_section(sect_pr)
            else:
                self._last_frame = None
                self._table(child)

    @property
    def _section_index(self) -> int:
        return len(self.sections)

    # -- tables -------------------------------------------------------------------------
    def _table(self, tbl) -> None:
        self._tables += 1
        number = self._tables
        tbl_pr = tbl.find(qn("w:tblPr"))
        style = tbl_pr.find(qn("w:tblStyle")) if tbl_pr is not None else None
        table_style = style.get(qn("w:val")) if style is not None else None
        grid = [twips_attr(col, "w:w") or Length(0) for col in tbl.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        default_margins = self._cell_margins(tbl_pr, table_style)
        rows = list(_children(tbl, (W_TR,)))
        cells = tuple(_row_cells(tr) for tr in rows)
        grid_total = Length(sum(grid))
        self._grid_totals[number] = grid_total
        in_body = self._depth == 0
        fraction = _pct_width(tbl_pr)
        if in_body and fraction is not None:
            self._fractions[number] = fraction
        header = rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") if rows else None
        self.tables.append(TableView(number, self._section_index, in_body, grid_total or None, len(rows),
                                     bool(on_off(header)), self._bordered(tbl_pr, table_style, rows),
                                     tuple(tuple(cell for _, _, cell in row) for row in cells), tuple(grid)))
        if not self._open_cells:
            self._blocks.append(number)
        self._depth += 1
        geometry: dict[tuple, tuple[Length | None, tuple[Length, Length]]] = {}   # a long table repeats a few cells
        for row_no, row in enumerate(cells):
            for col_no, (tc, tc_pr, cell) in enumerate(row):
                key = (content_key(tc_pr), cell.column, cell.span)
                if key not in geometry:
                    columns = grid[cell.column:cell.column + cell.span]
                    width = self._cell_width(tc_pr, columns)
                    left, right = self._tc_margins(tc_pr, default_margins)
                    geometry[key] = (Length(width - left - right) if width else None,
                                     (Length(sum(columns)), Length(left + right)))
                text_width, edges = geometry[key]
                container = Container("cell", (number, row_no, col_no), text_width)
                self._cell_edges[container.key] = edges
                self._open_cells.append(cell)
                self.read_blocks(tc, container, table_style)
                self._open_cells.pop()
        self._depth -= 1

    def _bordered(self, tbl_pr, table_style: str | None, rows: list) -> bool:
        """The table prints lines: borders on the table (or its style), or on the cells of its first row."""
        def shows(side) -> bool:
            return side.get(qn("w:val"), "nil") not in ("nil", "none")

        sources = ([tbl_pr] if tbl_pr is not None else []) + self.resolver.styles.style_props(table_style, "w:tblPr")
        table_level = next((props.find(qn("w:tblBorders")) for props in sources
                            if props.find(qn("w:tblBorders")) is not None), None)
        framed = table_level is not None and any(shows(side) for side in table_level)
        for tc in (_children(rows[0], (W_TC,)) if rows else ()):
            own = tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")
            if own is None:
                if framed:
                    return True
                continue
            sides = {side.tag: shows(side) for side in own}
            if any(sides.values()) or (framed and any(qn(f"w:{name}") not in sides
                                                      for name in ("top", "left", "bottom", "right"))):
                return True
        return False

    def _cell_margins(self, tbl_pr, table_style: str | None) -> tuple[Length, Length]:
        default = self.spec.default_cell_margin
        sources = ([tbl_pr] if tbl_pr is not None else []) + self.resolver.styles.style_props(table_style, "w:tblPr")
        margins = [None, None]
        for props in sources:
            cell_mar = props.find(qn("w:tblCellMar"))
            if cell_mar is None:
                continue
            for i, names in enumerate((("left", "start"), ("right", "end"))):
                if margins[i] is None:
                    margins[i] = _margin(cell_mar, names)
        return margins[0] if margins[0] is not None else default, margins[1] if margins[1] is not None else default

    @staticmethod
    def _tc_margins(tc_pr, default: tuple[Length, Length]) -> tuple[Length, Length]:
        tc_mar = tc_pr.find(qn("w:tcMar")) if tc_pr is not None else None
        if tc_mar is None:
            return default
        left = _margin(tc_mar, ("left", "start"))
        right = _margin(tc_mar, ("right", "end"))
        return (left if left is not None else default[0], right if right is not None else default[1])

    @staticmethod
    def _cell_width(tc_pr, grid: list[Length]) -> Length | None:
        tc_w = tc_pr.find(qn("w:tcW")) if tc_pr is not None else None
        width = twips_attr(tc_w, "w:w") if tc_w is not None and tc_w.get(qn("w:type"), "dxa") == "dxa" else None
        if width:
            return width
        total = sum(grid)
        return Length(total) if total else None

    # -- paragraphs ---------------------------------------------------------------------
    def _paragraph(self, p, container: Container, table_style: str | None) -> None:
        resolver = self.resolver
        style_id, numbering, fmt = resolver.paragraph(p.find(W_PPR), table_style)
        item = resolver.numbering.next_item(*numbering) if numbering else None
        label = item.spell() if item is not None else ""
        content = _Content(resolver, RunContext(None, style_id, table_style), self.spec.textbox_inset)
        content.visit(p)
        for box, width in content.textboxes:
            self._boxes += 1
            self._depth += 1
            floor, self._floor = self._floor, len(self._open_cells)
            self.read_blocks(box, Container("textbox", (self._boxes,), width))
            self._floor = floor
            self._depth -= 1
        if content.figures:
            self._section_drawing = True
        if container.is_body and fmt.frame is not None:
            if fmt.frame != self._last_frame:
                self._frames += 1
            self._last_frame = fmt.frame
            container = Container("frame", (self._frames,), _frame_width(fmt.frame))
        elif container.is_body:
            self._last_frame = None
        fmt = _chars_to_length(fmt, content.pieces)
        index = len(self.paragraphs) + 1 if self.numbered else None
        view = ParagraphView(
            index=index, element=p, container=container, section=self._section_index,
            label=label + " " if label else "", list_item=item,
            lines=[unicodedata.normalize("NFC", line) for line in content.lines],   # also where runs split a letter
            pieces=content.pieces, format=fmt, shapes=content.shapes, fields=content.fields, graphics=content.graphics,
        )
        self.paragraphs.append(view)
        for cell in self._open_cells[self._floor:]:
            cell.paragraphs.append(view)
        if not self._open_cells:
            self._blocks.append(view)


def _chars_to_length(fmt: ParagraphFormat, pieces: list[Piece]) -> ParagraphFormat:
    """An indent set in characters (``firstLineChars``) as a length, at the paragraph's font size."""
    if fmt.first_line_chars is None:
        return fmt
    size = next((p.format.size for p in pieces if p.format.size), None) or 10.0
    return replace(fmt, first_line=Length(int(Pt(size) * fmt.first_line_chars)), first_line_chars=None)


class _Content:
    """Collects the visible text, fields, shapes and text boxes of one paragraph."""

    def __init__(self, resolver: Resolver, context: RunContext, inset: Length):
        self.resolver = resolver
        self.context = context
        self.inset = inset
        self.lines: list[str] = [""]
        self.pieces: list[Piece] = []
        self.shapes: list[Shape] = []
        self.fields: list[Field] = []
        self.textboxes: list[tuple[object, Length | None]] = []
        self.figures = 0          # pictures, charts and shapes other than lines
        self.graphics = 0         # every drawing or VML picture (lines and text boxes too)
        self._column = 0
        self._open: list[tuple[Field, bool]] = []   # complex fields: (field, showing result)

    def visit(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child)
            elif tag == qn("w:fldSimple"):
                simple = Field(child.get(qn("w:instr"), "").strip())
                self.fields.append(simple)
                self._open.append((simple, True))
                self.visit(child)
                self._open.pop()
            elif tag in _CONTAINERS_OF_RUNS:
                self.visit(child)
            elif tag == MC_ALTERNATE:
                self.visit(_chosen(child))

    def _run(self, run) -> None:
        rpr = run.find(qn("w:rPr"))
        style = rpr.find(qn("w:rStyle")) if rpr is not None else None
        context = RunContext(style.get(qn("w:val")) if style is not None else None,
                             self.context.paragraph_style, self.context.table_style)
        fmt = self.resolver.run_format(rpr, context)
        for child in run:
            tag = child.tag
            if tag == W_T:
                self._text(child.text or "", fmt)
            elif tag in (qn("w:tab"), qn("w:ptab")):
                self._text("\t", fmt)
            elif tag in (qn("w:br"), qn("w:cr")):
                self.lines.append("")
                self._column = 0
            elif tag == qn("w:noBreakHyphen"):
                self._text("-", fmt)
            elif tag == qn("w:fldChar"):
                self._field_char(child.get(qn("w:fldCharType")))
            elif tag == qn("w:instrText") and self._open:
                self._open[-1][0].instruction += child.text or ""
            elif tag in (qn("w:drawing"), qn("w:pict")):
                self.graphics += 1
                self._graphic(child)
            elif tag == MC_ALTERNATE:
                self.graphics += 1
                for graphic in _chosen(child):
                    self._graphic(graphic)

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            current = Field("")
            self.fields.append(current)
            self._open.append((current, False))
        elif kind == "separate" and self._open:
            self._open[-1] = (self._open[-1][0], True)
        elif kind == "end" and self._open:
            self._open.pop()

    def _text(self, text: str, fmt: RunFormat) -> None:
        """Visible text, NFC-normalised: text typed in decomposed form (NFD) reads like any other."""
        if fmt.hidden or not text:
            return
        text = unicodedata.normalize("NFC", text)
        if self._open and not self._open[-1][1]:
            return          # inside a field's instruction part
        if self._open:
            self._open[-1][0].formats.append(fmt)
        self.lines[-1] += text
        for position, chunk in enumerate(text.split("\t")):
            self._column += position > 0
            if chunk:
                self.pieces.append(Piece(chunk, fmt, len(self.lines) - 1, self._column))

    def _graphic(self, element) -> None:
        if element.tag == qn("w:drawing"):
            for frame in element:
                self._drawing(frame)
        elif element.tag == qn("w:pict"):
            for shape in element:
                self._vml(shape)

    def _drawing(self, frame) -> None:
        """``wp:inline`` / ``wp:anchor``: a line shape, or a text box whose content is read."""
        extent = frame.find(f"{{{NS_WP}}}extent")
        width = emu(extent.get("cx")) if extent is not None else None
        height = emu(extent.get("cy")) if extent is not None else None
        wsp = frame.find(f".//{{{NS_WPS}}}wsp")
        if wsp is None:
            self.figures += 1
            return
        box = wsp.find(f"{{{NS_WPS}}}txbx/{qn('w:txbxContent')}")
        if box is not None:
            inset = self._insets(wsp.find(f"{{{NS_WPS}}}bodyPr"))
            self.textboxes.append((box, Length(width - inset) if width is not None else None))
            return
        geometry = wsp.find(f".//{{{NS_A}}}prstGeom")
        is_line = (geometry is not None and geometry.get("prst") in LINE_GEOMETRIES) \
            or wsp.find(f"{{{NS_WPS}}}cNvCnPr") is not None
        position = frame.find(f"{{{NS_WP}}}positionH")
        align = position.find(f"{{{NS_WP}}}align") if position is not None else None
        offset = position.find(f"{{{NS_WP}}}posOffset") if position is not None else None
        is_line = is_line and (height is None or height <= HORIZONTAL_LIMIT)
        self.figures += not is_line
        self.shapes.append(Shape(
            is_line=is_line,
            width=width, height=height, inline=frame.tag == f"{{{NS_WP}}}inline",
            relative_from=position.get("relativeFrom") if position is not None else None,
            align=align.text.strip() if align is not None and align.text else None,
            offset=emu(offset.text) if offset is not None else None,
        ))

    def _insets(self, body_pr) -> Length:
        """Left + right inner margins of a DrawingML text box (Word's default when not set)."""
        left = emu(body_pr.get("lIns")) if body_pr is not None else None
        right = emu(body_pr.get("rIns")) if body_pr is not None else None
        return Length((self.inset if left is None else left) + (self.inset if right is None else right))

    def _vml(self, shape) -> None:
        """VML (older Word): ``v:line``, a straight connector ``v:shape``, or a text box."""
        style = _vml_style(shape.get("style", ""))
        box = shape.find(f"{{{NS_V}}}textbox/{qn('w:txbxContent')}")
        width = _css_length(style.get("width"))
        if box is not None:
            self.textboxes.append((box, Length(width - 2 * self.inset) if width is not None else None))
            return
        tag = shape.tag
        is_line = False
        if tag == f"{{{NS_V}}}line":
            start = _vml_point(shape.get("from", "0,0"))
            end = _vml_point(shape.get("to", "0,0"))
            if start and end:
                width = Length(abs(end[0] - start[0]))
                height = Length(abs(end[1] - start[1]))
                is_line = height <= HORIZONTAL_LIMIT
        elif tag == f"{{{NS_V}}}shape":
            height = _css_length(style.get("height"))
            connector = shape.get(f"{{{NS_O}}}connectortype") or shape.get("type", "").endswith("_x0000_t32")
            is_line = bool(connector) and (height is None or height <= HORIZONTAL_LIMIT)
        else:
            self.figures += 1
            return
        self.figures += not is_line
        align = style.get("mso-position-horizontal")
        self.shapes.append(Shape(
            is_line=is_line, width=width, height=None, inline=style.get("position") != "absolute",
            relative_from=style.get("mso-position-horizontal-relative", "column"
                                    if style.get("position") == "absolute" else None),
            align=align if align in ("left", "center", "right") else None,
            offset=_css_length(style.get("margin-left") or style.get("left")),
        ))


def _chosen(alternate) -> list:
    """The content of ``mc:AlternateContent`` a reader shows: its first choice, else its fallback."""
    choice = alternate.find(MC_CHOICE)
    chosen = choice if choice is not None else alternate.find(MC_FALLBACK)
    return list(chosen) if chosen is not None else []


def _children(parent, tags: tuple[str, ...]) -> Iterator:
    """Children of ``parent`` with one of ``tags``, looking inside content controls and custom XML."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag in _CONTAINERS_OF_BLOCKS:
            yield from _children(child, tags)


def _row_cells(tr) -> list[tuple[object, object, CellView]]:
    """A row's ``w:tc`` elements, their ``w:tcPr`` and their place on the grid (after ``w:gridBefore``)."""
    before = _grandchild(tr, W_TRPR, W_GRID_BEFORE)
    column = int_attr(before, "w:val", 0, MAX_COLUMNS, 0)
    out = []
    for tc in _children(tr, (W_TC,)):
        tc_pr = tc.find(W_TCPR)
        span, merge = (1, None) if tc_pr is None else \
            (int_attr(tc_pr.find(W_GRID_SPAN), "w:val", 1, MAX_COLUMNS, 1), tc_pr.find(W_VMERGE))
        out.append((tc, tc_pr, CellView(column, span, merge is not None and merge.get(W_VAL) != "restart", [])))
        column += span
    return out


def _grandchild(element, child: str, grandchild: str):
    """``element/child/grandchild`` without lxml's path parser (Python code, slow on long documents)."""
    found = element.find(child)
    return found.find(grandchild) if found is not None else None


def _pct_width(tbl_pr) -> float | None:
    """A table's width as a share of the text width (``w:tblW w:type="pct"``: fiftieths of a
    percent, or "100%"), None when it is not set so."""
    width = tbl_pr.find(qn("w:tblW")) if tbl_pr is not None else None
    if width is None or width.get(qn("w:type")) != "pct":
        return None
    text = (width.get(qn("w:w")) or "").strip()
    value = number(text.rstrip("%"))
    if value is None or value <= 0:
        return None
    return min(value / 100 if text.endswith("%") else value / 5000, 1.0)


def _vml_style(text: str) -> dict[str, str]:
    out = {}
    for item in text.split(";"):
        if ":" in item:
            key, value = item.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


_CSS_UNITS = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525, "": 12700}


def _css_length(value: str | None) -> Length | None:
    """``"120.5pt"`` / ``"4.2cm"`` -> Length; VML numbers without a unit are points."""
    if not value:
        return None
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|in|cm|mm|px)?\s*", value)
    amount = number(match.group(1)) if match else None
    if amount is None:
        return None
    return emu(str(amount * _CSS_UNITS[match.group(2) or ""]))


def _vml_point(value: str) -> tuple[Length, Length] | None:
    parts = [_css_length(part) for part in value.split(",")]
    if len(parts) != 2 or None in parts:
        return None
    return parts[0], parts[1]


def _frame_width(frame: tuple) -> Length | None:
    return twips(dict(frame).get(qn("w:w")))


def _margin(cell_mar, names: tuple[str, str]) -> Length | None:
    for name in names:
        side = cell_mar.find(qn(f"w:{name}"))
        if side is not None and side.get(qn("w:type"), "dxa") == "dxa":
            return twips_attr(side, "w:w")
    return None


def _section(index: int, sect_pr, has_drawing: bool) -> SectionView:
    def find(tag: str):
        return sect_pr.find(qn(tag)) if sect_pr is not None else None

    size, margins_el, page_numbers = find("w:pgSz"), find("w:pgMar"), find("w:pgNumType")
    width = twips_attr(size, "w:w")
    height = twips_attr(size, "w:h")
    orient = size.get(qn("w:orient")) if size is not None else None
    margins: dict[str, Length | None] = {}
    for side in ("top", "bottom", "left", "right", "gutter"):
        value = twips_attr(margins_el, f"w:{side}")
        margins[side] = Length(abs(value)) if value is not None else None
    title = find("w:titlePg")
    refs: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
    for kind in refs:
        for ref in (sect_pr.findall(qn(f"w:{kind}Reference")) if sect_pr is not None else []):
            refs[kind][ref.get(qn("w:type"), "default")] = ref.get(qn("r:id"))
    start = int_attr(page_numbers, "w:start", 0, MAX_START)
    return SectionView(
        index=index, width=width, height=height,
        landscape=orient == "landscape" or (width is not None and height is not None and width > height),
        margins=margins,
        title_page=title is not None and title.get(qn("w:val"), "true").lower() not in ("0", "false", "off"),
        page_number_start=start,
        page_number_format=page_numbers.get(qn("w:fmt")) if page_numbers is not None else None,
        header_refs=refs["header"], footer_refs=refs["footer"],
        has_drawing=has_drawing,
    )
