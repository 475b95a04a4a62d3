"""The short horizontal lines of ND30 (under Tiêu ngữ, agency name, trích yếu): find and measure.

A line may be drawn in any of the ways Word users draw it, and all are legal:
a bottom border on the element's own paragraph or on an empty paragraph below it (with
indents), a top border on the paragraph below, a run underline, a row of underscores, or a
DrawingML/VML line shape. Its length and centre are compared with the measured text line
(Times New Roman metrics), so only what can be measured is judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.shared import Length, Mm, Pt

from hanhchinh_docs.checker.docview import DocumentView, ParagraphView, Piece
from hanhchinh_docs.conventions.text_width import text_width, wrapped_line_widths
from hanhchinh_docs.docx_reading.values import qn, twips_attr

_UNDERSCORES = re.compile(r"^\s*(_{3,}|[-–—]{3,})\s*$")
"""A line typed as a row of underscores or hyphens (the official files use underscores)."""
CENTRED_ON_PAGE = Length(Mm(6))
"""Text that is not centred by alignment but prints within this of its container's centre (a
left-aligned line filling a narrow text box, spaces or an indent pushing it) reads as centred."""
DEFAULT_SIZE_PT = 10.0
"""Word's size for text whose size is set nowhere (no w:sz in styles or defaults)."""


@dataclass(frozen=True)
class LineFound:
    """A line under an element: how it is drawn, its length and how far its centre is off."""

    kind: str                     # "border" | "underline" | "shape" | "underscores"
    length: Length | None         # None: cannot be measured
    centre_offset: Length | None  # line centre minus text centre; None: cannot be placed
    paragraph: ParagraphView

    def describe(self) -> str:
        return {"border": "đường viền đoạn văn", "underline": "gạch chân chữ",
                "shape": "đường kẻ vẽ (shape)", "underscores": "dãy dấu gạch (___ hoặc ---)"}[self.kind]


def piece_width(piece: Piece, text: str | None = None) -> Length:
    """Printed width of the piece's text: the font's advances plus the character spacing set on the
    run (condensed by -0.4 pt, a Quốc hiệu of 34 characters is 4.8 mm shorter)."""
    fmt = piece.format
    value = piece.text if text is None else text
    width = text_width(value.upper() if fmt.caps else value, fmt.size or DEFAULT_SIZE_PT, fmt.bold, fmt.italic)
    return Length(width + int(Pt(fmt.spacing) * len(value))) if fmt.spacing else width


def line_widths(paragraph: ParagraphView, lines: frozenset[int] | None = None) -> list[Length]:
    """Width of each text line of ``paragraph``, after wrapping at the container's width."""
    available = _available(paragraph)
    widths: list[Length] = []
    for number, text in enumerate(paragraph.lines):
        if lines is not None and number not in lines:
            continue
        pieces = [p for p in paragraph.pieces if p.line == number]
        if not text.strip() or not pieces:
            continue
        lead, trail = _edge_spaces(text, pieces)
        width = Length(sum(piece_width(p) for p in pieces) - lead - trail)
        if available is not None and width > available:
            fmt = max(pieces, key=lambda p: len(p.text)).format
            widths += wrapped_line_widths(text.strip(), fmt.size or DEFAULT_SIZE_PT, available, fmt.bold, fmt.italic)
        else:
            widths.append(width)
    return widths


DEFAULT_TAB_STOP = Length(Mm(12.7))
"""Word's default tab stops: every 1.27 cm from the left indent."""


def typed_first_line(paragraph: ParagraphView) -> Length:
    """Where the first line's text starts, from the left indent: the first-line indent, moved on by
    the Tabs and spaces typed before the text (a Tab goes to the paragraph's next tab stop, else to
    the next default one)."""
    position = paragraph.format.first_line
    text = paragraph.lines[0] if paragraph.lines and not paragraph.label else ""
    pieces = [p for p in paragraph.pieces if p.line == 0]
    size = pieces[0].format.size if pieces and pieces[0].format.size else DEFAULT_SIZE_PT
    stops = [Length(stop - paragraph.format.left) for stop, _ in tab_stops(paragraph)]
    for char in text:
        if char == "\t":
            position = next((stop for stop in stops if stop > position),
                            Length((int(position // DEFAULT_TAB_STOP) + 1) * DEFAULT_TAB_STOP))
        elif char == " ":
            position = Length(position + text_width(" ", size))
        else:
            break
    return position


def line_origin(paragraph: ParagraphView) -> Length | None:
    """Where the first line's first character (a leading space included) prints, from the text
    area's left edge: after the indents when the line is left-aligned or justified, where centring
    or right alignment puts it otherwise (None when the container's width is unknown)."""
    fmt = paragraph.format
    start = Length(fmt.left + fmt.first_line)
    if fmt.alignment not in ("center", "right"):
        return start
    width = paragraph.container.width
    text = paragraph.lines[0] if paragraph.lines else ""
    pieces = [p for p in paragraph.pieces if p.line == 0]
    if width is None or not pieces or "\t" in text:
        return None
    printed = Length(sum(piece_width(p) for p in pieces) - _edge_spaces(text, pieces)[1])
    end = Length(width - fmt.right)
    return Length(end - printed) if fmt.alignment == "right" else Length(start + (end - start - printed) // 2)


def text_start(paragraph: ParagraphView) -> Length | None:
    """Where the first line's text (past leading spaces and Tabs) prints, from the text area's left edge."""
    if paragraph.format.alignment not in ("center", "right"):
        return Length(paragraph.format.left + typed_first_line(paragraph))
    origin = line_origin(paragraph)
    pieces = [p for p in paragraph.pieces if p.line == 0]
    return None if origin is None else Length(origin + _edge_spaces(paragraph.lines[0], pieces)[0])


def tab_stops(paragraph: ParagraphView) -> list[tuple[Length, str]]:
    """The paragraph's own tab stops (w:tabs in its properties): position from the margin and kind
    (left, center, right, decimal), in order."""
    ppr = paragraph.element.find(qn("w:pPr"))
    tabs = ppr.find(qn("w:tabs")) if ppr is not None else None
    if tabs is None:
        return []
    stops = [(twips_attr(tab, "w:pos"), tab.get(qn("w:val")) or "left") for tab in tabs.findall(qn("w:tab"))
             if tab.get(qn("w:val")) not in ("clear", "bar")]
    return sorted((position, kind) for position, kind in stops if position is not None)


def _edge_spaces(text: str, pieces: list[Piece]) -> tuple[Length, Length]:
    """Widths of the spaces before and after a line's printed text (they print nothing)."""
    size = pieces[0].format.size or DEFAULT_SIZE_PT
    lead = len(text) - len(text.lstrip(" "))
    trail = len(text) - len(text.rstrip(" "))
    return text_width(" " * lead, size), text_width(" " * trail, pieces[-1].format.size or size)


def _text_centre(paragraph: ParagraphView) -> Length | None:
    """Where the widest printed line's centre is, relative to the container's centre."""
    if not _is_text_centred(paragraph):
        offset = visual_centre_offset(paragraph)     # a line under text that only looks centred
        return offset if offset is not None and abs(offset) <= CENTRED_ON_PAGE else None
    best: tuple[Length, Length] | None = None
    for number, text in enumerate(paragraph.lines):
        pieces = [p for p in paragraph.pieces if p.line == number]
        if not text.strip() or not pieces:
            continue
        lead, trail = _edge_spaces(text, pieces)
        width = Length(sum(piece_width(p) for p in pieces) - lead - trail)
        if best is None or width > best[0]:
            best = (width, Length(lead // 2))     # trailing spaces hang past the line end, as in Word
    shift = best[1] if best else Length(0)
    return Length(_box_centre_shift(paragraph) + shift)


BLOCK_SPREAD = Length(Mm(3))
"""Lines whose printed centres are this close read as centred on each other."""
BLOCK_OFF_CENTRE = Length(Mm(10))
"""A block of lines centred on each other (a signature) reads as centred in its column when its
centre is within this of the column's: the column's edges do not print."""


def block_centre(paragraphs: list[ParagraphView]) -> Length | None:
    """The shared printed centre (from the container's centre) of lines centred on each other, when
    it is within ``BLOCK_OFF_CENTRE`` of the container's centre; None otherwise."""
    centres = []
    for paragraph in paragraphs:
        centre = _box_centre_shift(paragraph) if _is_text_centred(paragraph) else visual_centre_offset(paragraph)
        if centre is None:
            return None
        centres.append(centre)
    if not centres:
        return None
    mean = Length(sum(centres) // len(centres))
    if any(abs(centre - mean) > BLOCK_SPREAD for centre in centres) or abs(mean) > BLOCK_OFF_CENTRE:
        return None
    return mean


def visual_centre_offset(paragraph: ParagraphView, lines: frozenset[int] | None = None) -> Length | None:
    """How far the widest printed line's centre is from its container's centre, for text that is
    not centred by alignment (left, justified or right, maybe pushed by indents or leading spaces).

    None when the container's width is unknown or the text wraps.
    """
    width = paragraph.container.width
    if width is None:
        return None
    fmt = paragraph.format
    offsets = []
    for number, text in enumerate(paragraph.lines):
        if lines is not None and number not in lines:
            continue
        pieces = [p for p in paragraph.pieces if p.line == number]
        if not text.strip() or not pieces or "\t" in text.strip():
            continue
        lead_width, trail_width = _edge_spaces(text, pieces)
        visible = Length(sum(piece_width(p) for p in pieces) - lead_width - trail_width)
        room = Length(width - fmt.left - fmt.right)
        if visible > room:
            return None
        if fmt.alignment == "right":
            centre = Length(width - fmt.right - visible // 2)
        elif number == 0 and not paragraph.label:        # Tabs typed before the text go to their stops
            centre = Length(fmt.left + max(typed_first_line(paragraph), Length(0)) + visible // 2)
        else:
            centre = Length(fmt.left + max(fmt.first_line, Length(0)) + lead_width + visible // 2)
        offsets.append(Length(centre - width // 2))
    return max(offsets, key=abs) if offsets else None


def text_room(paragraph: ParagraphView) -> Length | None:
    """The width a line of ``paragraph`` may take: its container's text width less the indents."""
    width = paragraph.container.width
    if width is None:
        return None
    fmt = paragraph.format
    return Length(width - fmt.left - fmt.right)


def unwrapped_widths(paragraph: ParagraphView, lines: frozenset[int] | None = None) -> list[Length]:
    """Printed width of each manual line of ``paragraph`` as if nothing wrapped (edge spaces left out)."""
    widths = []
    for number, text in enumerate(paragraph.lines):
        pieces = [p for p in paragraph.pieces if p.line == number]
        if (lines is not None and number not in lines) or not text.strip() or not pieces:
            continue
        lead, trail = _edge_spaces(text, pieces)
        widths.append(Length(sum(piece_width(p) for p in pieces) - lead - trail))
    return widths


_available = text_room


def _box_centre_shift(paragraph: ParagraphView) -> Length:
    """Centre of the paragraph's indent box, relative to the container centre: (left - right) / 2."""
    return Length((paragraph.format.left - paragraph.format.right) // 2)


def _is_text_centred(paragraph: ParagraphView) -> bool:
    return paragraph.format.alignment == "center"


def _border_line(text_paragraph: ParagraphView, line_paragraph: ParagraphView) -> LineFound:
    width = line_paragraph.container.width
    fmt = line_paragraph.format
    length = Length(width - fmt.left - fmt.right) if width is not None else None
    text_centre = _text_centre(text_paragraph)
    offset = Length(_box_centre_shift(line_paragraph) - text_centre) if text_centre is not None else None
    return LineFound("border", length, offset, line_paragraph)


def _underline(paragraph: ParagraphView, line: int) -> LineFound | None:
    pieces = [p for p in paragraph.pieces if p.line == line]
    marked = [i for i, p in enumerate(pieces) if p.format.underline and p.text.strip()]
    if not marked:
        return None
    first, last = marked[0], marked[-1]
    before = Length(sum(piece_width(p) for p in pieces[:first]))
    underlined = Length(sum(piece_width(p) for p in pieces[first:last + 1]))
    total = Length(sum(piece_width(p) for p in pieces))
    offset = Length(before + underlined // 2 - total // 2)
    return LineFound("underline", underlined, offset, paragraph)


def _shape_line(view: DocumentView, text_paragraph: ParagraphView, anchor: ParagraphView) -> LineFound | None:
    shape = next((s for s in anchor.shapes if s.is_line), None)
    if shape is None:
        return None
    width = anchor.container.width
    text_centre_shift = _text_centre(text_paragraph)
    centre: Length | None = None     # the line's centre relative to the container centre
    if shape.inline:
        if _is_text_centred(anchor):
            centre = _box_centre_shift(anchor)
    elif shape.relative_from in ("column", "margin", "text", None) and shape.align == "center":
        centre = Length(0)
    elif shape.relative_from in ("column", "margin", "text") and shape.offset is not None \
            and shape.width is not None and width is not None:
        centre = Length(shape.offset + shape.width // 2 - width // 2)
    elif shape.relative_from == "page" and anchor.container.is_body:
        section = view.sections[anchor.section]
        if section.width is not None and section.margins.get("left") is not None and width is not None:
            page_centre = section.width // 2 if shape.align == "center" else \
                (shape.offset + shape.width // 2 if shape.offset is not None and shape.width is not None else None)
            if page_centre is not None:
                centre = Length(page_centre - section.margins["left"] - width // 2)
    offset = Length(centre - text_centre_shift) if centre is not None and text_centre_shift is not None else None
    return LineFound("shape", shape.width, offset, anchor)


def _underscores(text_paragraph: ParagraphView, line_paragraph: ParagraphView) -> LineFound:
    pieces = line_paragraph.visible_pieces() or line_paragraph.pieces
    length = Length(sum(piece_width(p, p.text.strip()) for p in pieces))
    text_centre = _text_centre(text_paragraph)
    offset = Length(_box_centre_shift(line_paragraph) - text_centre) \
        if text_centre is not None and _is_text_centred(line_paragraph) else None
    return LineFound("underscores", length, offset, line_paragraph)


def is_line_paragraph(paragraph: ParagraphView) -> bool:
    """An otherwise empty paragraph that only draws a line (border, shape or underscores)."""
    if _UNDERSCORES.match(paragraph.text):
        return True
    if not paragraph.is_empty:
        return False
    return paragraph.format.border_bottom or paragraph.format.border_top or any(s.is_line for s in paragraph.shapes)


def find_line_below(view: DocumentView, paragraph: ParagraphView, last_line: int) -> LineFound | None:
    """The line drawn directly under ``paragraph`` (whose element text ends on ``last_line``)."""
    if paragraph.format.border_bottom:
        return _border_line(paragraph, paragraph)
    found = _underline(paragraph, last_line) or _shape_line(view, paragraph, paragraph)
    if found is not None:
        return found
    following = [p for p in view.paragraphs[paragraph.index:] if p.container == paragraph.container][:3]
    if paragraph.container.kind == "cell" and all(p.is_empty for p in following):
        following += _spacer_cell_below(view, paragraph)
    for candidate in following:
        if _UNDERSCORES.match(candidate.text):
            return _underscores(paragraph, candidate)
        if not candidate.is_empty:
            if candidate.format.border_top:
                return _border_line(paragraph, candidate)
            anchored = any(s.is_line and not s.inline for s in candidate.shapes)
            return _shape_line(view, paragraph, candidate) if anchored else None
        if candidate.format.border_bottom or candidate.format.border_top:
            return _border_line(paragraph, candidate)
        shape = _shape_line(view, paragraph, candidate)
        if shape is not None:
            return shape
    return None


def _spacer_cell_below(view: DocumentView, paragraph: ParagraphView) -> list[ParagraphView]:
    """The paragraphs of the cell right below ``paragraph``'s cell when that cell holds no text:
    headers often draw their lines in a spacer row of the table."""
    table, row, column = paragraph.container.key
    below = [p for p in view.paragraphs[paragraph.index:paragraph.index + 40]
             if p.container.kind == "cell" and p.container.key == (table, row + 1, column)]
    out = []
    for candidate in below[:3]:
        if not candidate.is_empty:
            if any(s.is_line and not s.inline for s in candidate.shapes):
                out.append(candidate)      # a line anchored in the date paragraph, drawn above it
            break
        out.append(candidate)
    return out


def paragraph_height(paragraph: ParagraphView, single_line_em: float) -> float:
    """Rough height in points: wrapped lines x line height, plus the space before and after."""
    sizes = [p.format.size or DEFAULT_SIZE_PT for p in paragraph.pieces] or [DEFAULT_SIZE_PT]
    fmt = paragraph.format
    single = max(sizes) * single_line_em
    line = single * (fmt.line or 1.0) if fmt.line_rule == "auto" else max(fmt.line or single, single)
    count = max(len(line_widths(paragraph)), 1)
    return count * line + (fmt.before or 0) + (fmt.after or 0)


def estimated_pages(view: DocumentView, single_line_em: float) -> int:
    """How many pages the document roughly fills; every section after the first starts a page."""
    if not view.sections:
        return 0
    return (section_pages(view, 0, single_line_em) or 1) + len(view.sections) - 1


def section_pages(view: DocumentView, index: int, single_line_em: float) -> int | None:
    """How many pages section ``index`` roughly fills (None when its page size is unknown): the
    body's paragraphs and, for each table row, its tallest cell, over the section's text height."""
    section = view.sections[index]
    if section.height is None or section.margins.get("top") is None:
        return None
    room = (section.height - section.margins["top"] - (section.margins.get("bottom") or 0)) / 12700
    rows: dict[tuple, float] = {}
    total = 0.0
    for paragraph in view.paragraphs:
        if paragraph.section != index:
            continue
        height = paragraph_height(paragraph, single_line_em)
        if paragraph.container.kind == "cell":
            table, row, column = paragraph.container.key
            rows[(table, row, column)] = rows.get((table, row, column), 0.0) + height
        elif paragraph.container.is_body:
            total += height
    by_row: dict[tuple, float] = {}
    for (table, row, _), height in rows.items():
        by_row[(table, row)] = max(by_row.get((table, row), 0.0), height)
    total += sum(by_row.values())
    return int(total // room) + 1
