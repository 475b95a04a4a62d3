"""Word .docx -> a flat list of blocks (paragraphs and tables): what a reader sees, not how Word stores it.

Only reading lives here, no knowledge of plans. Word stores the same visible text in many ways, and
each is turned into one form here so the plan builder never sees the difference:

- text split over many runs, inside hyperlinks, fields or content controls is joined; deleted
  (tracked) runs, hidden runs and text boxes are left out;
- a manual line break (``w:br``) splits a paragraph into lines; tabs are kept as ``\\t`` (a header
  typed with tabs instead of a table needs them); non-breaking and zero-width spaces are dropped or
  made plain spaces; everything is NFC (Word on a Mac may save NFD);
- Word list numbering (``w:numPr``, on the paragraph or its style) becomes the label a reader sees
  ("I.", "1.", "a)", "-"), computed from numbering.xml, or inferred from the list level;
- bold and centring are resolved through the style chain, per line;
- merged cells are expanded to the table grid: a cell spanning columns appears in each of them,
  and the lower parts of a vertically merged cell carry the content of its top part.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from hanhchinh_docs.conventions.numbering import item_label, point_letter
from hanhchinh_docs.docx_reading.formatting import StyleSheet, on_off
from hanhchinh_docs.docx_reading.numbering import ListDefinitions, format_number, start_of
from hanhchinh_docs.docx_reading.opening import Unreadable, Wording, open_docx, refusing_damage
from hanhchinh_docs.docx_reading.package import related_element
from hanhchinh_docs.docx_reading.values import MAX_COLUMNS, int_attr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_SKIPPED_RUN_CONTAINERS = {_w("del"), _w("moveFrom"), _w("txbxContent"), f"{{{MC}}}Fallback"}
"""Runs under these are not part of the paragraph's visible text."""

_CONTAINERS = {_w("sdt"), _w("sdtContent"), _w("customXml"), _w("smartTag")}
"""Wrappers (content controls, custom XML) whose children are ordinary blocks."""

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"),
                        " ")
_DROPPED = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


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

    @property
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

    @property
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


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SPACES).translate(_DROPPED)
    return "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")


def _find(styles: StyleSheet, style_id: str | None, path: str):
    """The first element at ``path`` (e.g. ``w:pPr/w:jc``) along the style chain."""
    for style in styles.chain(style_id):
        found = style.find(path)
        if found is not None:
            return found
    return None


def _run_bold(styles: StyleSheet, rpr, paragraph_style: str | None) -> bool:
    """Bold from the nearest level that sets it: direct, character style, paragraph style, defaults."""
    if rpr is not None:
        direct = rpr.find(_w("b"))
        if direct is not None:
            return on_off(direct)
        char_style = rpr.find(_w("rStyle"))
        if char_style is not None:
            found = _find(styles, char_style.get(_w("val")), f"{_w('rPr')}/{_w('b')}")
            if found is not None:
                return on_off(found)
    found = _find(styles, paragraph_style, f"{_w('rPr')}/{_w('b')}")
    if found is not None:
        return on_off(found)
    default = styles.doc_rpr.find(_w("b")) if styles.doc_rpr is not None else None
    return default is not None and on_off(default)


class _Numbering:
    """List labels as a plan writes them, with running counters per list."""

    def __init__(self, numbering_element) -> None:
        self._lists = ListDefinitions(numbering_element)
        self._counters: dict[str, dict[int, int]] = {}

    def _level(self, num_id: str, ilvl: int) -> tuple[str, str, int] | None:
        """(numFmt, lvlText, start) of a list level, or None when the list does not define it."""
        lvl = self._lists.level(num_id, ilvl)
        if lvl is None:
            return None
        fmt, text = lvl.find(_w("numFmt")), lvl.find(_w("lvlText"))
        return (fmt.get(_w("val"), "decimal") if fmt is not None else "decimal",
                text.get(_w("val"), "") if text is not None else "",
                start_of(lvl))

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label Word shows for the next paragraph of list ``num_id`` at level ``ilvl``."""
        if num_id == "0":
            return None  # numbering switched off on this paragraph
        counters = self._counters.setdefault(num_id, {})
        for deeper in [level for level in counters if level > ilvl]:
            del counters[deeper]
        level = self._level(num_id, ilvl)
        if level is None:
            counters[ilvl] = counters.get(ilvl, 0) + 1
            return _inferred_label(ilvl, counters[ilvl])
        fmt, text, start = level
        counters[ilvl] = counters.get(ilvl, self._lists.start_overrides(num_id).get(ilvl, start) - 1) + 1
        if fmt == "bullet":
            return _bullet(text, ilvl)
        if fmt == "none" or not text:
            return None

        def value(match: re.Match[str]) -> str:
            other = int(match[1]) - 1
            level_fmt, _, level_start = self._level(num_id, other) or ("decimal", "", 1)
            return format_number(counters.get(other, level_start), level_fmt, _point_letter)

        return re.sub(r"%(\d)", value, text).strip() or None


def _point_letter(index: int) -> str:
    """Lettered levels read as the point letters ND30 texts use (a, b, c, d, đ...), not Word's a-z."""
    return point_letter(max(index, 0))


def _inferred_label(ilvl: int, count: int) -> str:
    """No definition for the list: assume the ND30 scheme I. / 1. / a), then dashes."""
    return item_label(ilvl + 1, count - 1) if ilvl < 3 else "-"


def _bullet(symbol: str, ilvl: int) -> str:
    """Bullets read as the dash or plus ND30 texts type by hand; odd symbols by their level."""
    symbol = symbol.strip()
    if symbol == "+":
        return "+"
    if symbol in ("-", "–", "—", "−"):
        return "-"
    return "-" if ilvl == 0 else "+"


class _DocumentReader:
    def __init__(self, document) -> None:
        self._styles = StyleSheet(document.styles.element)
        self._numbering = _Numbering(related_element(document.part, RT.NUMBERING))
        self._paragraphs = 0
        self._tables = 0

    def blocks(self, container) -> list[Block]:
        out: list[Block] = []
        for child in _block_children(container):
            if child.tag == _w("p"):
                self._paragraphs += 1
                out.append(self.paragraph(child, self._paragraphs))
                for box in _text_boxes(child):
                    out.extend(self.blocks(box))
            else:
                self._tables += 1
                out.append(self.table(child, self._tables))
        return out

    def paragraph(self, p, number: int) -> Paragraph:
        ppr = p.find(_w("pPr"))
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style = style_el.get(_w("val")) if style_el is not None else self._styles.default_paragraph_style
        jc = ppr.find(_w("jc")) if ppr is not None else None
        if jc is None:
            jc = _find(self._styles, style, f"{_w('pPr')}/{_w('jc')}")
        lines = self._lines(p, style)
        empty = not any(line.text.strip() for line in lines)
        return Paragraph(
            number=number,
            lines=lines,
            centred=jc is not None and jc.get(_w("val")) == "center",
            style=style,
            list_label=None if empty else self._list_label(ppr, style),
            rule=empty and self._draws_line(p, ppr, style),
        )

    def _lines(self, p, style: str | None) -> tuple[Line, ...]:
        lines: list[Line] = []
        text: list[str] = []
        bold = True

        def end_line() -> None:
            nonlocal bold
            joined = _normalise("".join(text))
            lines.append(Line(joined, bold and any(c.isalpha() for c in joined)))
            text.clear()
            bold = True

        for run in _runs(p):
            rpr = run.find(_w("rPr"))
            if rpr is not None and on_off(rpr.find(_w("vanish"))):
                continue
            run_bold = _run_bold(self._styles, rpr, style)
            for child in run:
                tag = child.tag
                if tag in (_w("br"), _w("cr")):
                    end_line()
                    continue
                if tag == _w("t"):
                    piece = child.text or ""
                elif tag == _w("tab"):
                    piece = "\t"
                elif tag == _w("noBreakHyphen"):
                    piece = "-"
                else:
                    continue
                if piece.strip() and not run_bold:
                    bold = False
                text.append(piece)
        end_line()
        return tuple(lines)

    def _list_label(self, ppr, style: str | None) -> str | None:
        ref = self._styles.numbering_ref(ppr, style)
        return self._numbering.label(*ref) if ref else None

    def _draws_line(self, p, ppr, style: str | None) -> bool:
        border = ppr.find(f"{_w('pBdr')}/{_w('bottom')}") if ppr is not None else None
        if border is None:
            border = _find(self._styles, style, f"{_w('pPr')}/{_w('pBdr')}/{_w('bottom')}")
        if border is not None and border.get(_w("val")) not in ("nil", "none"):
            return True
        return any(el.tag in (_w("drawing"), _w("pict")) for el in p.iter())

    def table(self, tbl, number: int) -> Table:
        rows: list[tuple[Cell, ...]] = []
        for tr in _table_rows(tbl):
            row: list[Cell] = []
            before = tr.find(f"{_w('trPr')}/{_w('gridBefore')}")
            row.extend(Cell(()) for _ in range(int_attr(before, "w:val", 0, MAX_COLUMNS, 0)))
            for tc in _block_children(tr, cells=True):
                tc_pr = tc.find(_w("tcPr"))
                span_el = tc_pr.find(_w("gridSpan")) if tc_pr is not None else None
                span = int_attr(span_el, "w:val", 1, MAX_COLUMNS, 1)
                merge = tc_pr.find(_w("vMerge")) if tc_pr is not None else None
                column = len(row)
                if merge is not None and merge.get(_w("val")) != "restart" and rows and column < len(rows[-1]):
                    cell = Cell(rows[-1][column].paragraphs, continued=True)
                else:
                    cell = Cell(tuple(self._cell_paragraphs(tc)))
                row.extend([cell] * span)
            rows.append(tuple(row[:MAX_COLUMNS]))
        width = max((len(row) for row in rows), default=0)
        return Table(number, tuple(row + (Cell(()),) * (width - len(row)) for row in rows))

    def _cell_paragraphs(self, tc) -> Iterator[Paragraph]:
        """A cell's paragraphs, including those of a table nested in it, in reading order."""
        for child in _block_children(tc):
            if child.tag == _w("p"):
                yield self.paragraph(child, 0)
            else:
                for tr in _table_rows(child):
                    for inner in _block_children(tr, cells=True):
                        yield from self._cell_paragraphs(inner)


def _block_children(parent, cells: bool = False) -> Iterator:
    """Paragraphs and tables (or, with ``cells``, the cells of a row), looking inside content controls."""
    wanted = (_w("tc"),) if cells else (_w("p"), _w("tbl"))
    for child in parent:
        if child.tag in wanted:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _block_children(child, cells)


def _table_rows(tbl) -> Iterator:
    for child in tbl:
        if child.tag == _w("tr"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from _table_rows(child)


def _runs(p) -> Iterator:
    """The paragraph's own visible runs, in order."""
    for run in p.iter(_w("r")):
        ancestor = run.getparent()
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in _SKIPPED_RUN_CONTAINERS or ancestor.tag == _w("p"):
                break
            ancestor = ancestor.getparent()
        if ancestor is p:
            yield run


def _text_boxes(p) -> Iterator:
    """Text boxes anchored in ``p`` (old files put the header in them), not the fallback copies."""
    for box in p.iter(_w("txbxContent")):
        ancestor = box.getparent()
        while ancestor is not p and ancestor.tag not in (_w("txbxContent"), f"{{{MC}}}Fallback"):
            ancestor = ancestor.getparent()
        if ancestor is p:
            yield box


def _legacy_fonts(document) -> tuple[str, ...]:
    names = set()
    for root in (document.element, document.styles.element):
        for fonts in root.iter(_w("rFonts")):
            for slot in ("ascii", "hAnsi"):
                name = fonts.get(_w(slot)) or ""
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
    """Every top-level paragraph and table of the document body, in order (text boxes after the
    paragraph that holds them).

    Raises ``DocxReadError`` with a message saying what to do when the file is missing, empty, an
    old .doc or password-protected file, truncated or otherwise not a Word document.
    """
    name, document = open_docx(path, WORDING)
    with refusing_damage(name, WORDING):
        return WordDocument(_DocumentReader(document).blocks(document.element.body), _legacy_fonts(document))
