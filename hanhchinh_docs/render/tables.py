"""Tables of the rendered document, built straight into WordprocessingML after docxtpl has run.

The template marks where each table goes with an empty paragraph in the style ``ND30BangCho``
(one in the body loop for ``bang`` items, one per appendix); ``place_tables`` replaces the n-th
marker with the n-th table. Building rows here rather than with Jinja ``{%tr %}`` loops lets the
office choose the columns, gives group rows their ``gridSpan``, and keeps thousands of rows fast.
The tables stay text: a placeholder takes the marker's place in the element tree and
``splice_tables`` puts the table's XML there in the serialized document part, so the rows of a
long table are never parsed into elements, moved into the body and serialized again.

Layout rules: widths scaled to the text width of the section the table sits in; header row
repeated on every page (``tblHeader``); a row is kept on one page (``cantSplit``) only when it can
fit on one; group rows bold, kept with the first task of the group (``keepNext``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Twips
from lxml import etree

from hanhchinh_docs.conventions.text import list_lines
from hanhchinh_docs.conventions.text_width import text_width, wrapped_line_widths
from hanhchinh_docs.errors import SourceLocation, TemplateError
from hanhchinh_docs.model.common import BodyItem, BodyNode, BodyTable, Table
from hanhchinh_docs.model.plan import Appendix, Plan, Product, Task, TaskEntry
from hanhchinh_docs.render.template_builder import TABLE_PLACE_STYLE

if TYPE_CHECKING:
    from hanhchinh_docs.reporting import ReportContent

HEADING_STYLE, LEFT_STYLE, CENTRE_STYLE = "ND30BangTieuDe", "ND30Bang", "ND30BangGiua"
CENTRED_TASK_KEYS = frozenset({"tt", "chu_tri", "phoi_hop", "thoi_gian"})
"""Columns of a task table printed centred; the office's own columns (units, dates) are centred too."""
LEFT_TASK_KEYS = frozenset({"noi_dung", "san_pham"})

CELL_MARGIN = 108
"""Word's default left/right cell margin, in twips (as every length below)."""
TABLE_TEXT_PT = 13.0
LINE_HEIGHT = round(TABLE_TEXT_PT * 1.17 * 20)
PARAGRAPH_SPACING = 6 * 20
"""Space before + after of the table paragraph styles (3 pt + 3 pt)."""
HEADER_ALLOWANCE = Mm(15).twips
"""Room left on each page for the repeated header row when deciding whether a row fits."""
WIDEST_CHAR_EM = 1.0
"""No Times New Roman letter is wider than 1 em: a bound for a quick "surely fits" test."""


class Cell(NamedTuple):
    """A named tuple, not a dataclass: a 5,000-task table makes some 40,000 of them."""

    lines: tuple[str, ...]
    """One paragraph per line; a "\\n" inside a line is a line break."""
    bold: bool = False
    centred: bool = False
    span: int = 1


class Row(NamedTuple):
    cells: tuple[Cell, ...]
    keep_with_next: bool = False


@dataclass
class TableLayout:
    """A table ready to build: headings, widths in mm (scaled to fit when built), rows."""

    headings: list[str]
    widths_mm: list[float]
    centred: list[bool]
    rows: list[Row] = field(default_factory=list)
    column_numbers: bool = False
    """A second header row "(1) (2) …"."""


# ------------------------------------------------------------------ model -> layout


def _text(value: str) -> tuple[str, ...]:
    return (value,) if value else ()


def _table_layout(table_columns, rows: list[list[str]]) -> TableLayout:
    """A plain table (body ``bang`` or ``loai: bang`` appendix); widths left out share the rest."""
    given = [c.width for c in table_columns]
    known = sum(w for w in given if w)
    missing = sum(1 for w in given if not w)
    fallback = max((165 - known) / missing, 15) if missing else 0
    widths = [w or fallback for w in given]
    layout = TableLayout([c.heading or "" for c in table_columns], widths, [False] * len(widths))
    for row in rows:
        layout.rows.append(Row(tuple(Cell(_text(text), centred=_short(text)) for text in row)))
    return layout


def _short(text: str) -> bool:
    """Numbers, dates and other short cells are centred, running text is not."""
    return len(text) <= 12


def body_table_layout(table: Table) -> TableLayout:
    return _table_layout(table.columns, table.rows)


def _body_tables(nodes: list[BodyNode]) -> Iterator[Table]:
    for node in nodes:
        if isinstance(node, BodyTable):
            yield node.table
        elif isinstance(node, BodyItem):
            yield from _body_tables(node.children)


def _values(key: str, source: Task | Product) -> list[str]:
    """The texts of column ``key`` on a task or on one of its products (the office's own columns too)."""
    if key == "san_pham":
        return source.product_names if isinstance(source, Task) else list(_text(source.name or ""))
    if key == "thoi_gian":
        return [source.schedule] if source.schedule else []
    if key == "chu_tri":
        return source.lead_units
    if key == "phoi_hop":
        return source.partner_units
    return source.extra.get(key, [])


def _task_cell(key: str, task: Task, product: Product | None, first: bool, number: str) -> tuple[str, ...]:
    """What column ``key`` shows on a task's row (``first``) or on a further product row."""
    if key == "tt":
        return _text(number if first else "")
    if key == "noi_dung":
        if not first:
            return _text(product.content or "") if product else ()
        carried = f"\n(Nhiệm vụ chuyển tiếp từ năm {task.carried_from})" if task.carried_from else ""
        return (task.content + carried,)
    values = _values(key, product if product is not None else task)
    if product is not None and first and not values and key != "san_pham":
        values = _values(key, task)  # the task's deadline and units stand for its first product's
    return tuple(values) if key == "thoi_gian" else tuple(list_lines(values))


def task_rows(keys: list[str], centred: list[bool], task: Task, number: str) -> list[Row]:
    """The row of one task, then one row (blank TT) per further product with its own deadline."""
    return [Row(tuple([Cell(_task_cell(key, task, product, index == 0, number), False, c)
                       for key, c in zip(keys, centred)]))
            for index, product in enumerate(task.product_rows or [None])]


def group_row(keys: list[str], number: str, title: str) -> Row:
    """"I | Cải cách thể chế" across the table, bold; kept with the group's first task."""
    if len(keys) > 1 and keys[0] == "tt":
        cells = (Cell((number,), bold=True, centred=True), Cell((title,), bold=True, span=len(keys) - 1))
    else:
        cells = (Cell((f"{number}. {title}",), bold=True, span=len(keys)),)
    return Row(cells, keep_with_next=True)


def task_table_layout(appendix: Appendix, entries: list[TaskEntry]) -> TableLayout:
    """``entries`` are the appendix's tasks in print order (``Plan.task_entries``)."""
    columns = appendix.task_columns()
    keys = [c.key or "" for c in columns]
    centred = [key not in LEFT_TASK_KEYS for key in keys]
    layout = TableLayout([c.heading or "" for c in columns], [c.width or 30 for c in columns], centred,
                         column_numbers=appendix.column_numbers)
    numbers = iter(entries)
    for g_index, group, tasks in appendix.sections():
        if group is not None:
            layout.rows.append(group_row(keys, appendix.group_number(g_index), group.title))
        for task in tasks:
            layout.rows.extend(task_rows(keys, centred, task, next(numbers).number))
    return layout


def plan_tables(plan: Plan) -> list[TableLayout]:
    """Every table of the plan in document order: body tables, then one per appendix."""
    tables = [body_table_layout(t) for t in _body_tables(plan.body)]
    entries = plan.task_entries()
    for a_index, appendix in enumerate(plan.appendices):
        if appendix.kind == "bang":
            tables.append(_table_layout(appendix.columns, appendix.rows))
        else:
            tables.append(task_table_layout(appendix, [e for e in entries if e.appendix_index == a_index]))
    return tables


REPORT_COLUMNS = [("TT", 12, True), ("Nhiệm vụ", 78, False), ("Đơn vị chủ trì", 32, True),
                  ("Thời gian", 30, True), ("Kết quả", 77, False), ("Tình trạng", 28, True)]


def report_tables(content: ReportContent) -> list[TableLayout]:
    """The report's body tables, then its one appendix: every task with its result, under its
    group's row when the plan has groups."""
    tables = [body_table_layout(t) for t in _body_tables(content.body)]
    if not content.tasks:
        return tables
    layout = TableLayout([h for h, _, _ in REPORT_COLUMNS], [w for _, w, _ in REPORT_COLUMNS],
                         [c for _, _, c in REPORT_COLUMNS])
    keys = ["tt"] + [""] * (len(REPORT_COLUMNS) - 1)
    current = None
    for item in content.tasks:
        if item.plan_group is not None and item.plan_group != current:
            current = item.plan_group
            layout.rows.append(group_row(keys, *item.plan_group))
        values = [_text(item.position), _text(item.task.content), tuple(list_lines(item.task.lead_units)),
                  _text(item.task.schedule or ""), _text(item.result), _text(item.status_label)]
        layout.rows.append(Row(tuple(Cell(v, centred=c) for v, (_, _, c) in zip(values, REPORT_COLUMNS))))
    return [*tables, layout]


# ------------------------------------------------------------------ layout -> XML


_LINE_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_EMPTY_TEXT, _EMPTY_TEXT_SERIALIZED = '<w:t xml:space="preserve"></w:t>', '<w:t xml:space="preserve"/>'
"""A line break at the start or end of a line, or two in a row, leave an empty ``w:t``: written the
way lxml writes an empty element, as the rest of the document part is."""
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"


def _paragraph_properties(style: str, keep_next: bool) -> str:
    return f'<w:pPr><w:pStyle w:val="{style}"/>{"<w:keepNext/>" if keep_next else ""}</w:pPr>'


def _cell_xml(cell: Cell, width: int, ppr: str, header: bool = False) -> str:
    """One ``w:tc``: a paragraph (properties ``ppr``) per line of ``cell``, an empty one if it has none."""
    span = f'<w:gridSpan w:val="{cell.span}"/>' if cell.span > 1 else ""
    valign = '<w:vAlign w:val="center"/>' if header else ""
    rpr = _BOLD if cell.bold else ""
    paragraphs = []
    for text in cell.lines:
        if not text:
            paragraphs.append(f"<w:p>{ppr}</w:p>")
            continue
        if "&" in text or "<" in text or ">" in text:
            text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        run = f'<w:t xml:space="preserve">{text}</w:t>'
        if "\n" in text:
            run = run.replace("\n", _LINE_BREAK).replace(_EMPTY_TEXT, _EMPTY_TEXT_SERIALIZED)
        paragraphs.append(f"<w:p>{ppr}<w:r>{rpr}{run}</w:r></w:p>")
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span}{valign}</w:tcPr>'
            f'{"".join(paragraphs) or f"<w:p>{ppr}</w:p>"}</w:tc>')


def scaled_widths(widths_mm: list[float], available: int, headings: list[str]) -> list[int]:
    """Column widths in twips adding up to exactly ``available``: in proportion to ``widths_mm``,
    but never so narrow that a word of the (bold) heading breaks, while the others can give way."""
    floors = [min(available // len(widths_mm), 2 * CELL_MARGIN + 20 + max(
        (text_width(word, TABLE_TEXT_PT, bold=True).twips for word in heading.split()), default=0))
        for heading in headings]
    total = sum(widths_mm)
    twips = [int(available * w / total) for w in widths_mm]
    short = sum(max(0, f - t) for f, t in zip(floors, twips))
    if short:
        spare = [max(0, t - f) for f, t in zip(floors, twips)]
        room = sum(spare)
        twips = [max(f, t - int(short * s / room)) if room else t for f, t, s in zip(floors, twips, spare)]
    twips[-1] += available - sum(twips)
    return twips


class _RowHeight:
    """Estimates row heights, to leave ``cantSplit`` off a row taller than a page."""

    def __init__(self, widths: list[int], page_height: int):
        self.inner = [max(w - 2 * CELL_MARGIN, 200) for w in widths]
        self.page_height = page_height
        self._chars: dict[tuple[int, int], tuple[int, int]] = {}

    def _width_and_chars(self, column: int, span: int) -> tuple[int, int]:
        """Text width of a cell starting at ``column`` across ``span`` columns, and how many of the
        widest letters surely fit on one of its lines."""
        found = self._chars.get((column, span))
        if found is None:
            width = sum(self.inner[column:column + span]) + 2 * CELL_MARGIN * (span - 1)
            found = self._chars[column, span] = width, max(1, int(width / (TABLE_TEXT_PT * WIDEST_CHAR_EM * 20)))
        return found

    def fits_on_a_page(self, row: Row, columns: list[int]) -> bool:
        for cell, column in zip(row.cells, columns):
            width, chars_per_line = self._width_and_chars(column, cell.span)
            spacing = len(cell.lines) * PARAGRAPH_SPACING
            parts = len(cell.lines) + sum(line.count("\n") for line in cell.lines)
            if (sum(map(len, cell.lines)) // chars_per_line + parts) * LINE_HEIGHT + spacing <= self.page_height:
                continue  # even one line per part plus every letter at its widest fits: most cells
            lines = sum(len(part) // chars_per_line + 1 for line in cell.lines for part in line.split("\n"))
            if lines * LINE_HEIGHT + spacing > self.page_height:
                lines = sum(len(wrapped_line_widths(part, TABLE_TEXT_PT, Twips(width), cell.bold, False)) or 1
                            for line in cell.lines for part in line.split("\n"))
            if lines * LINE_HEIGHT + spacing > self.page_height:
                return False
        return True


def table_xml(layout: TableLayout, available: int, page_height: int) -> str:
    """The ``w:tbl`` of ``layout`` for a text area ``available`` twips wide and ``page_height`` high,
    written as lxml serializes it inside the document part (the ``w`` prefix declared there)."""
    widths = scaled_widths(layout.widths_mm, available, layout.headings)
    heights = _RowHeight(widths, page_height)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    heading = _paragraph_properties(HEADING_STYLE, False)
    out = [
        "<w:tbl><w:tblPr>",
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>',
        "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
        '</w:tblBorders><w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>',
        "".join(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
        "".join(_cell_xml(Cell((h,)), w, heading, header=True) for h, w in zip(layout.headings, widths)),
        "</w:tr>",
    ]
    if layout.column_numbers:
        numbers = _paragraph_properties(CENTRE_STYLE, False)
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        out.extend(_cell_xml(Cell((f"({index})",)), w, numbers) for index, w in enumerate(widths, 1))
        out.append("</w:tr>")
    properties = {(style, keep): _paragraph_properties(style, keep)
                  for style in (CENTRE_STYLE, LEFT_STYLE) for keep in (False, True)}
    shapes: dict[tuple[int, ...], tuple[list[int], list[int]]] = {}  # spans -> starts, widths
    for row in layout.rows:
        spans = tuple(cell.span for cell in row.cells)
        shape = shapes.get(spans)
        if shape is None:
            starts, column = [], 0
            for span in spans:
                starts.append(column)
                column += span
            shape = shapes[spans] = starts, [sum(widths[a:a + n]) for a, n in zip(starts, spans)]
        starts, cell_widths = shape
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" if heights.fits_on_a_page(row, starts) else "<w:tr>")
        keep = row.keep_with_next
        for cell, width in zip(row.cells, cell_widths):
            out.append(_cell_xml(cell, width, properties[CENTRE_STYLE if cell.centred else LEFT_STYLE, keep]))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _section_area(document: Document, p) -> tuple[int, int]:
    """(text width, text height) in twips of the section holding body paragraph ``p``."""
    sect_pr = next((el.find(qn("w:pPr") + "/" + qn("w:sectPr")) for el in [p, *p.itersiblings()]
                    if el.tag == qn("w:p") and el.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None),
                   document.element.body.sectPr)
    size, margins = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))

    def value(el, name: str) -> int:
        return int(el.get(qn(f"w:{name}")))

    width = value(size, "w") - value(margins, "left") - value(margins, "right")
    height = value(size, "h") - value(margins, "top") - value(margins, "bottom")
    return width, height


TABLE_PLACEHOLDER = "hanhchinh-docs-bang"
"""Target of the processing instruction standing for the n-th table until ``splice_tables``; no
text can produce one in the serialized part (a '<' of any text is written '&lt;')."""
_PLACEHOLDERS = re.compile(rb"<\?" + TABLE_PLACEHOLDER.encode() + rb" (\d+)\?>")


def place_tables(document: Document, tables: list[TableLayout], template_name: str) -> list[str]:
    """Replace the n-th ``ND30BangCho`` marker paragraph with a placeholder for the n-th table, and
    return the tables' XML, for ``splice_tables``.

    A template of the user's with no marker at all shows no table, as it may leave out any field;
    one with markers must have one per table, or the tables would land in the wrong places.
    """
    body = document.element.body
    markers = body.xpath(f".//w:p[w:pPr/w:pStyle/@w:val='{TABLE_PLACE_STYLE}']")  # found in C, not in a loop
    if markers and len(markers) != len(tables):
        raise TemplateError(
            f"Mẫu '{template_name}' cần đúng một đoạn kiểu '{TABLE_PLACE_STYLE}' ở mỗi chỗ đặt bảng "
            f"(có {len(markers)} đoạn cho {len(tables)} bảng). Hãy lấy lại mẫu gốc rồi chỉnh kiểu chữ trên đó",
            SourceLocation(template_name))
    placed = []
    for marker, layout in zip(markers, tables):
        width, height = _section_area(document, marker)
        marker.addprevious(etree.ProcessingInstruction(TABLE_PLACEHOLDER, str(len(placed))))
        marker.getparent().remove(marker)
        placed.append(table_xml(layout, width, height - HEADER_ALLOWANCE))
    return placed


def splice_tables(part_xml: bytes, tables: list[str]) -> bytes:
    """The serialized document part with each placeholder of ``place_tables`` replaced by its table."""
    if not tables:
        return part_xml
    pieces = _PLACEHOLDERS.split(part_xml)
    pieces[1::2] = [tables[int(index)].encode("utf-8") for index in pieces[1::2]]
    return b"".join(pieces)


def document_tables(body: list[BodyNode], attached: Plan | None = None) -> list[TableLayout]:
    """Tables of any other kind, in document order: its body tables, then those of the plan it
    issues (Mẫu 1.3: the plan's body tables and appendices follow the decision)."""
    return [body_table_layout(t) for t in _body_tables(body)] + (plan_tables(attached) if attached else [])
