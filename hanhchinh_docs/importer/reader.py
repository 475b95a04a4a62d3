"""Word .docx -> a flat list of blocks (paragraphs and tables) as a plan reads them.

The document is read once by ``docx_reading.blocks`` (the same reading the checker judges), which
already resolves what Word stores in many ways: text over many runs, in hyperlinks, fields or content
controls; hidden text (also through a style); bold through the style chain (Word's cancelling of a
toggle set by two kinds of style included); list numbering counted the way Word counts it; text
boxes. What stays here is the importer's own view of that reading:

- a paragraph is a list of lines (split at manual line breaks), each with whether all its letters
  are bold; tabs are kept as ``\t`` (a header typed with tabs instead of a table needs them);
  non-breaking and zero-width spaces are made plain spaces or dropped;
- list labels are spelled as ND30 texts write them: points lettered a, b, c, d, đ; bullets read
  as "-" or "+"; a list level numbering.xml does not define is read as I. / 1. / a) / -;
- merged cells are expanded to the table grid: a cell spanning columns appears in each of them,
  and the lower parts of a vertically merged cell carry the content of its top part.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from hanhchinh_docs.conventions.numbering import item_label, point_letter
from hanhchinh_docs.conventions.spec import load_spec
from hanhchinh_docs.conventions.style_names import own_style_id
from hanhchinh_docs.docx_reading.blocks import DocumentView, ParagraphView, TableView
from hanhchinh_docs.docx_reading.formatting import StyleSheet
from hanhchinh_docs.docx_reading.numbering import ListItem
from hanhchinh_docs.docx_reading.opening import Unreadable, Wording, open_docx, refusing_damage
from hanhchinh_docs.docx_reading.values import MAX_COLUMNS

_PLAIN_TEXT = {
    **dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"), " "),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")),
    **dict.fromkeys(c for c in [*range(0x20), *range(0x7f, 0xa0)] if chr(c) not in "\t\n"),
}
"""Odd spaces made plain, zero-width characters and control characters (but tab and line break) dropped."""


@dataclass(frozen=True)
class Line:
    """One visual line of a paragraph (the text between manual line breaks)."""

    text: str
    bold: bool
    """Every letter of the line is bold (False for a line with no letters)."""


@dataclass(frozen=True)
class Paragraph:
    number: int
    """1-based position among the document's top-level paragraphs; 0 inside a table."""
    lines: tuple[Line, ...]
    centred: bool
    style: str | None
    list_label: str | None
    """The label Word draws from list numbering ("I.", "1.", "a)", "-", "+"), not part of ``lines``."""
    rule: bool
    """A drawn line and nothing else: an empty paragraph with a bottom border or a shape."""

    @cached_property
    def texts(self) -> list[str]:
        """The non-empty lines with their spacing collapsed, the list label in front of the first."""
        out = [clean(line.text) for line in self.lines]
        out = [text for text in out if text]
        if self.list_label and out:
            out[0] = f"{self.list_label} {out[0]}"
        return out

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    @property
    def bold(self) -> bool:
        lines = [line for line in self.lines if clean(line.text)]
        return bool(lines) and all(line.bold for line in lines)


@dataclass(frozen=True)
class Cell:
    paragraphs: tuple[Paragraph, ...]
    continued: bool = False
    """The lower part of a vertically merged cell: ``paragraphs`` are those of its top part."""

    @cached_property
    def texts(self) -> list[str]:
        return [text for p in self.paragraphs for text in p.texts]

    @property
    def text(self) -> str:
        return " ".join(self.texts)


@dataclass(frozen=True)
class Table:
    number: int
    """1-based position among the document's top-level tables."""
    rows: tuple[tuple[Cell, ...], ...]
    """One entry per grid column; a cell spanning columns is the same object in each of them."""
    column_widths: tuple[float, ...] = ()
    """Width in mm of each grid column as the office set it (empty when the file does not say)."""

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = Paragraph | Table


@dataclass(frozen=True)
class WordDocument:
    blocks: list[Block]
    legacy_fonts: tuple[str, ...]
    """Pre-Unicode Vietnamese fonts (TCVN3 ".VnTime", VNI "VNI-Times"): text in them reads as garbage."""


def distinct_cells(cells) -> list[Cell]:
    """Cells of a grid row or column with a merged cell counted once."""
    out: list[Cell] = []
    for cell in cells:
        if not any(cell is seen for seen in out):
            out.append(cell)
    return out


def clean(text: str) -> str:
    """Tabs and runs of spaces become one space; ends trimmed."""
    return " ".join(text.split())


_NEEDS_CLEANING = re.compile("[" + re.escape("".join(map(chr, _PLAIN_TEXT))) + "]")


def _normalise(text: str) -> str:
    """The reading's text (NFC already) with odd spaces, zero-width and control characters cleaned."""
    if _NEEDS_CLEANING.search(text):   # rare; translating every text costs more than looking
        text = unicodedata.normalize("NFC", text.translate(_PLAIN_TEXT))
    return text


def _lines(view: ParagraphView) -> tuple[Line, ...]:
    """The paragraph's lines, each bold when every run with visible text on it is bold."""
    bold = [True] * len(view.lines)
    for piece in view.pieces:
        if not piece.format.bold and piece.text.strip():
            bold[piece.line] = False
    texts = [_normalise(text) for text in view.lines]
    return tuple(Line(text, flag and any(c.isalpha() for c in text)) for text, flag in zip(texts, bold))


def _list_label(item: ListItem) -> str | None:
    """The label as ND30 texts write it (see the module's docstring)."""
    if item.format is None:
        return item_label(item.level + 1, item.value - 1) if item.level < 3 else "-"
    if item.format == "bullet":
        return _bullet(item.template, item.level)
    if item.format == "none":
        return None
    return item.spell(_point_letter).strip() or None


def _point_letter(index: int) -> str:
    """Lettered levels read as the point letters ND30 texts use (a, b, c, d, đ...), not Word's a-z."""
    return point_letter(max(index, 0))


def _bullet(symbol: str, ilvl: int) -> str:
    """Bullets read as the dash or plus ND30 texts type by hand; odd symbols by their level."""
    symbol = symbol.strip()
    if symbol == "+":
        return "+"
    if symbol in ("-", "–", "—", "−"):
        return "-"
    return "-" if ilvl == 0 else "+"


class _Blocks:
    """The importer's blocks from the one reading: top-level paragraphs and tables numbered in order."""

    def __init__(self, styles: StyleSheet) -> None:
        self._paragraphs: dict[int, Paragraph] = {}
        self._styles = styles
        self._style_ids: dict[str | None, str | None] = {}

    def read(self, view: DocumentView) -> list[Block]:
        out: list[Block] = []
        paragraphs = tables = 0
        for block in view.blocks:
            if isinstance(block, TableView):
                tables += 1
                out.append(self.table(block, tables))
            else:
                paragraphs += 1
                out.append(self.paragraph(block, paragraphs))
        return out

    def _style_id(self, style_id: str | None) -> str | None:
        """Our own style's id even when an editor rewrote it (LibreOffice: "ND30NoiDung" -> "ND30Nidung");
        worked out once per style, not per paragraph."""
        if style_id not in self._style_ids:
            self._style_ids[style_id] = own_style_id(self._styles.name(style_id)) or style_id
        return self._style_ids[style_id]

    def paragraph(self, view: ParagraphView, number: int) -> Paragraph:
        found = self._paragraphs.get(id(view))
        if found is None:
            lines = _lines(view)
            empty = not any(line.text.strip() for line in lines)
            found = self._paragraphs[id(view)] = Paragraph(
                number=number,
                lines=lines,
                centred=view.format.alignment == "center",
                style=self._style_id(view.format.style_id),
                list_label=_list_label(view.list_item) if view.list_item is not None and not empty else None,
                rule=empty and (view.format.border_bottom or view.graphics > 0),
            )
        return found

    def table(self, view: TableView, number: int) -> Table:
        rows: list[tuple[Cell, ...]] = []
        for cells in view.cells:
            row: list[Cell] = []
            for cell in cells:
                row.extend(Cell(()) for _ in range(cell.column - len(row)))
                column = len(row)
                if cell.continues and rows and column < len(rows[-1]):
                    found = Cell(rows[-1][column].paragraphs, continued=True)
                else:
                    found = Cell(tuple(self.paragraph(p, 0) for p in cell.paragraphs))
                row.extend([found] * cell.span)
            rows.append(tuple(row[:MAX_COLUMNS]))
        width = max((len(row) for row in rows), default=0)
        widths = tuple(round(column.mm, 1) for column in view.grid[:width])
        return Table(number, tuple(row + (Cell(()),) * (width - len(row)) for row in rows),
                     widths if len(widths) == width and all(widths) else ())


def _legacy_fonts(view: DocumentView) -> tuple[str, ...]:
    """Pre-Unicode fonts that visible text is set in (a style naming one that no text uses is harmless)."""
    names = set()
    for paragraph in view.paragraphs:
        for piece in paragraph.pieces:
            for slot in ("ascii", "hAnsi"):
                name = piece.format.fonts.get(slot) or ""
                if name.lower().startswith((".vn", "vni-")):
                    names.add(name)
    return tuple(sorted(names))


_UNUSABLE = "Hãy mở bằng Word và lưu lại dạng .docx"
_NOT_DOCX = f"Tệp '{{name}}' không phải văn bản Word .docx, hoặc tệp bị hỏng (chép/tải về chưa hết). {_UNUSABLE}"
_CANNOT_READ = "Không đọc được tệp '{name}': {detail}"
_OLD_OR_LOCKED = ("Tệp '{name}' là văn bản Word kiểu cũ (.doc) hoặc tệp .docx có đặt mật khẩu. Hãy mở bằng Word, "
                  "bỏ mật khẩu nếu có, rồi chọn Lưu thành (Save As) dạng .docx")

WORDING = Wording({
    Unreadable.MISSING: "Không tìm thấy tệp '{name}'. Hãy kiểm tra lại đường dẫn",
    Unreadable.DIRECTORY: "'{name}' là một thư mục, không phải tệp Word .docx",
    Unreadable.NO_PERMISSION: _CANNOT_READ,
    Unreadable.OS_ERROR: _CANNOT_READ,
    Unreadable.EMPTY: "Tệp '{name}' rỗng (0 byte), không phải văn bản Word",
    Unreadable.ENCRYPTED: _OLD_OR_LOCKED,
    Unreadable.LEGACY_DOC: _OLD_OR_LOCKED,
    Unreadable.PDF: _NOT_DOCX,
    Unreadable.RTF: _NOT_DOCX,
    Unreadable.NOT_ZIP: _NOT_DOCX,
    Unreadable.DAMAGED_ZIP: _NOT_DOCX,
    Unreadable.NOT_WORD: _NOT_DOCX,
    Unreadable.CORRUPT: f"Tệp '{{name}}' bị hỏng hoặc không phải văn bản Word .docx ({{detail}}). {_UNUSABLE}",
}, locate=True)
"""The importer's messages; a zip with a broken Word part is left to python-docx to refuse."""


def read_document(path: str | Path) -> WordDocument:
    """Every top-level paragraph and table of the document body, in order (the content of a text box
    before the paragraph that anchors it, as the checker reads it).

    Raises ``DocxReadError`` with a message saying what to do when the file is missing, empty, an
    old .doc or password-protected file, truncated or otherwise not a Word document.
    """
    name, document = open_docx(path, WORDING)
    with refusing_damage(name, WORDING):
        view = DocumentView(name, document, load_spec())
        return WordDocument(_Blocks(view.resolver.styles).read(view), _legacy_fonts(view))
