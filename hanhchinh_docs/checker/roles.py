"""What each paragraph IS (Quốc hiệu, agency name, trích yếu, body, signer...), by content and position.

Detection never looks at formatting that the rules judge (size, bold, alignment): a Quốc hiệu
typed in the wrong size is still the Quốc hiệu, so its rule can say what is wrong with it.
Elements are found by their words ("CỘNG HÒA...", "Số:", "ngày ... tháng ... năm", "Nơi nhận:"),
then by their place relative to those anchors. A header laid out as a table, as text frames or
as text boxes reads the same, because every paragraph carries its container.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace

from hanhchinh_docs.checker.docview import DocumentView, ParagraphView
from hanhchinh_docs.checker.lines import is_line_paragraph, typed_first_line
from hanhchinh_docs.conventions.abbreviations import DOCUMENT_TYPES
from hanhchinh_docs.conventions.elements import (
    continues_agency, fold, is_addressee_line, is_all_upper, is_appendix_label, is_attached_line, is_date_line,
    is_issued_with, is_letter_subject, is_motto, is_national_title, is_number_line, is_recipients_label,
)
from hanhchinh_docs.conventions.legal_basis import TYPES_WITH_LEGAL_BASIS
from hanhchinh_docs.docx_reading.blocks import Container

_PLACEHOLDER = re.compile(r"^[(\[].*[)\]]$")
_LIST_MARK = re.compile(r"^\s*[-–+•]")

HEADER_SEARCH = 60
"""The header elements are looked for in this many first paragraphs."""

LEGAL_TYPES = ("Nghị định", "Thông tư", "Thông tư liên tịch", "Luật", "Pháp lệnh", "Lệnh")
"""Legal documents laid out with the same header and tên loại (ND30 Điều 8 lists them with the others)."""

TYPE_NAMES: dict[str, str] = {fold(name): name for name in (*DOCUMENT_TYPES, *LEGAL_TYPES)}
"""Folded tên loại ("kế hoạch") -> the name as DOCUMENT_TYPES spells it ("Kế hoạch")."""

LETTER = "Công văn"


class Role(enum.Enum):
    """Kinds of body paragraph; values are the element ids of the rules data."""

    TEXT = "noi_dung"
    LEGAL_BASIS = "can_cu"
    ITEM = "muc_la_ma"            # I. NHỮNG KẾT QUẢ ...
    CLAUSE = "khoan"              # 1. ...
    POINT = "diem"                # a) ...
    ARTICLE = "dieu"              # Điều 1. ...
    PART_LABEL = "phan_chuong_label"
    PART_TITLE = "phan_chuong_title"
    SUBPART_LABEL = "muc_tieu_muc_label"
    SUBPART_TITLE = "muc_tieu_muc_title"
    AUTHORITY = "tham_quyen_ban_hanh"   # QUYẾT ĐỊNH's "GIÁM ĐỐC SỞ ..." line, "QUYẾT ĐỊNH:" line
    CAPTION = "tieu_de_bang"      # a table's caption, a heading typed without a number, a "(...)" note
    QUOTE = "trich_dan"           # text quoted from another document ("a) Trong thời hạn ...")


@dataclass(frozen=True)
class Part:
    """An occurrence of an element: a paragraph, or only some of its lines (``None`` = all), or one
    Tab-separated column of them (a header typed with Tab stops instead of a table)."""

    paragraph: ParagraphView
    lines: frozenset[int] | None = None
    column: int | None = None

    @property
    def text(self) -> str:
        if self.lines is None and self.column is None:
            return self.paragraph.plain
        chosen = [line for n, line in enumerate(self.paragraph.lines) if self.lines is None or n in self.lines]
        if self.column is not None:
            chosen = [_column(line, self.column) for line in chosen]
        prefix = self.paragraph.label if self.lines is None or 0 in self.lines else ""
        return " ".join((prefix + " ".join(chosen)).split())

    @property
    def last_line(self) -> int:
        return max(self.lines) if self.lines else len(self.paragraph.lines) - 1

    def pieces(self):
        return self.paragraph.visible_pieces(self.lines, self.column)


def _column(line: str, column: int) -> str:
    chunks = line.split("\t")
    return chunks[column] if column < len(chunks) else ""


@dataclass(frozen=True)
class BodyParagraph:
    paragraph: ParagraphView
    role: Role


@dataclass(frozen=True)
class Appendix:
    label: Part
    title: list[Part]
    attached: Part | None
    attached_rest: tuple[Part, ...] = ()
    """Paragraphs that finish the "(Kèm theo ..." line when it was broken with Enter."""


@dataclass
class Layout:
    """Every element found in a document; empty/None where an element was not found."""

    national_title: Part | None = None
    motto: Part | None = None
    parent_agency: list[Part] = field(default_factory=list)
    agency: list[Part] = field(default_factory=list)
    number: Part | None = None
    date: Part | None = None
    type_name: Part | None = None
    document_type: str | None = None          # a DOCUMENT_TYPES key, or "Công văn"
    subject: list[Part] = field(default_factory=list)
    letter_subject: list[Part] = field(default_factory=list)
    addressees: list[Part] = field(default_factory=list)
    body: list[BodyParagraph] = field(default_factory=list)
    authority: list[Part] = field(default_factory=list)
    signer_name: Part | None = None
    recipients_label: Part | None = None
    recipients: list[Part] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    issued_with: Part | None = None
    """The "(Ban hành kèm theo Quyết định ...)" line under the title: the document has no number or
    date of its own (a quy chế, điều lệ, danh sách issued with a decision)."""


def _segments(paragraphs: list[ParagraphView]):
    """(paragraph, line number, tab column or None, folded text) of every non-empty line, or of
    every non-empty Tab-separated column of a line typed with Tab stops."""
    for paragraph in paragraphs:
        for number, line in enumerate(paragraph.lines):
            text = (paragraph.label if number == 0 else "") + line
            if "\t" in text.strip():
                for column, chunk in enumerate(text.split("\t")):
                    if chunk.strip():
                        yield paragraph, number, column, fold(chunk)
            elif text.strip():
                yield paragraph, number, None, fold(text)


_SPACE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
"""Three or more spaces between words: a header typed in columns with the space bar."""


def _spaced_columns(paragraph: ParagraphView) -> ParagraphView:
    """A header line that puts the agency and the Quốc hiệu (or Tiêu ngữ) side by side with spaces
    reads as if typed with a Tab between them, so each side is its own column; other paragraphs as they are."""
    if not paragraph.container.is_body or not any(
            "\t" not in line and _SPACE_GAP.search(line) and _names_national_element(line) for line in paragraph.lines):
        return paragraph
    lines, pieces = [], []
    for number, line in enumerate(paragraph.lines):
        line_pieces = [piece for piece in paragraph.pieces if piece.line == number]
        if "\t" in line or not _SPACE_GAP.search(line) or not _names_national_element(line):
            lines.append(line)
            pieces += line_pieces
            continue
        gaps = [match.span() for match in _SPACE_GAP.finditer(line)]
        lines.append(_SPACE_GAP.sub("\t", line))
        offset = 0                  # the pieces hold the line's characters in order (no Tab on this line)
        for piece in line_pieces:
            end = offset + len(piece.text)
            cuts = sorted({offset, end, *(edge for gap in gaps for edge in gap if offset < edge < end)})
            for left, right in zip(cuts, cuts[1:]):
                if any(a <= left and right <= b for a, b in gaps):
                    continue                       # the spaces of a gap print nothing
                column = sum(1 for a, _ in gaps if a < right)
                pieces.append(piece._replace(text=piece.text[left - offset:right - offset], column=column))
            offset = end
    return replace(paragraph, lines=lines, pieces=pieces)


def _names_national_element(line: str) -> bool:
    return any(is_national_title(chunk) or is_motto(chunk) for chunk in _SPACE_GAP.split(line))


def _find(paragraphs: list[ParagraphView], test, after: int = 0) -> Part | None:
    for paragraph, number, column, text in _segments(paragraphs):
        if paragraph.index > after and test(text):
            return _part(paragraph, number, column)
    return None


def _part(paragraph: ParagraphView, number: int, column: int | None = None) -> Part:
    """A line (or a Tab column of it) of a paragraph; the whole paragraph when it has only that line."""
    filled = [n for n, line in enumerate(paragraph.lines) if line.strip() or (n == 0 and paragraph.label)]
    if filled == [number] and column is None:
        return Part(paragraph)
    return Part(paragraph, frozenset({number}), column)


def detect_layout(view: DocumentView) -> Layout:
    """Find every element of the document (see the module docstring for how)."""
    layout = Layout()
    paragraphs = view.paragraphs
    head = [_spaced_columns(p) for p in paragraphs[:HEADER_SEARCH]]
    layout.national_title = _find(head, is_national_title)
    layout.motto = _find(head, is_motto)
    layout.number = _find(head, is_number_line)
    layout.date = _header_date(head, [p for p in (layout.national_title, layout.motto, layout.number) if p])
    anchors = [p for p in (layout.national_title, layout.motto, layout.number, layout.date) if p]
    header_end = max((p.paragraph.index for p in anchors), default=0)
    layout.letter_subject = _letter_subject(head)
    _agencies(layout, head, header_end)
    body_start = _title(view, layout, header_end)
    layout.issued_with = _issued_with(view, header_end, body_start)
    _appendices_and_signature(view, layout, body_start)
    if not layout.addressees:
        layout.addressees = _table_addressees(view, header_end)
    return layout


DATE_REACH = 6
"""The date line sits in the header: at most this many filled paragraphs after the last of the
Quốc hiệu, Tiêu ngữ and "Số:" line. A "Ngày ... tháng ... năm" further down belongs to a form's
approval box or a table, not to the header."""


def _header_date(head: list[ParagraphView], anchors: list[Part]) -> Part | None:
    found = _find(head, is_date_line)
    if found is None or not anchors:
        return found
    last = max(p.paragraph.index for p in anchors)
    between = [p for p in head if last < p.index < found.paragraph.index and not p.is_empty]
    return found if len(between) <= DATE_REACH else None


def _agencies(layout: Layout, head: list[ParagraphView], header_end: int) -> None:
    """Agency names: header lines outside the Quốc hiệu's container, above the number."""
    taken = {(p.paragraph.index, p.last_line, p.column) for p in
             (layout.national_title, layout.motto, layout.number, layout.date) if p}
    taken |= {(p.paragraph.index, line, p.column) for p in layout.letter_subject
              for line in (p.lines if p.lines is not None else range(len(p.paragraph.lines)))}
    excluded = {layout.national_title.paragraph.container} if layout.national_title and \
        not layout.national_title.paragraph.container.is_body else set()
    if layout.date and not layout.date.paragraph.container.is_body:
        excluded.add(layout.date.paragraph.container)
    number = layout.number
    unanchored = layout.national_title is None and layout.motto is None   # a title, not an agency, opens the body
    units: list[list[Part]] = []
    for paragraph, line, column, text in _segments([p for p in head if p.index <= header_end]):
        if (paragraph.index, line, column) in taken or paragraph.container in excluded \
                or (unanchored and paragraph.container.is_body) \
                or is_line_paragraph(paragraph) or (column is not None and column in _columns_of(layout)):
            continue
        if number is not None and paragraph.container == number.paragraph.container \
                and paragraph.index >= number.paragraph.index:
            continue
        if number is not None and paragraph.container.is_body and paragraph.index > number.paragraph.index:
            continue
        if is_letter_subject(text) or is_motto(text) or is_national_title(text):
            continue
        part = _part(paragraph, line, column)
        if units and _same_agency(units[-1][-1], part):
            units[-1].append(part)
        else:
            units.append([part])
    if units:
        layout.agency = _merge_lines(units[-1])
        layout.parent_agency = [p for unit in units[:-1] for p in _merge_lines(unit)]


def _same_agency(previous: Part, part: Part) -> bool:
    """Two header lines are one agency's name when they look alike (both bold or both regular)
    and the second does not begin a new name; how many paragraphs or lines they take never matters."""
    return previous.column == part.column and _bold(previous) == _bold(part) \
        and continues_agency(previous.text, part.text)


def _columns_of(layout: Layout) -> set[int]:
    """Tab columns that hold the Quốc hiệu side of a header typed with Tab stops."""
    return {p.column for p in (layout.national_title, layout.motto, layout.date) if p and p.column}


def _bold(part: Part) -> bool:
    pieces = part.pieces()
    return bool(pieces) and all(p.format.bold for p in pieces)


def _merge_lines(parts: list[Part]) -> list[Part]:
    """Lines of one paragraph that belong together become one Part."""
    out: list[Part] = []
    for part in parts:
        if out and out[-1].paragraph is part.paragraph and out[-1].lines is not None and part.lines is not None \
                and out[-1].column == part.column:
            out[-1] = Part(part.paragraph, out[-1].lines | part.lines, part.column)
        else:
            out.append(part)
    return out


def _letter_subject(head: list[ParagraphView]) -> list[Part]:
    """The "V/v ..." lines: the rest of its paragraph, and in a header cell or text box the
    paragraphs below it there (a trích yếu broken with Enter)."""
    found = _find(head, is_letter_subject)
    if found is None:
        return []
    paragraph = found.paragraph
    rest = [n for n in range(found.last_line + 1, len(paragraph.lines)) if paragraph.lines[n].strip()]
    parts = [Part(paragraph, frozenset({found.last_line, *rest}), found.column) if found.lines is not None else found]
    if not paragraph.container.is_body and found.column is None:
        for other in head[paragraph.index:]:
            if other.container != paragraph.container or other.is_empty or is_number_line(other.text) \
                    or is_date_line(other.text):
                break
            parts.append(Part(other))
    return _merge_lines(parts)


def _body_level(view: DocumentView, start: int) -> list[ParagraphView]:
    return [p for p in view.paragraphs[start:] if p.container.is_body]


SUBJECT_LINES = 5
"""A trích yếu broken with Enter takes at most this many paragraphs."""


def _title(view: DocumentView, layout: Layout, header_end: int) -> int:
    """Find tên loại and trích yếu; return the index of the paragraph where the body may start."""
    candidates = [p for p in _body_level(view, header_end) if not p.is_empty][:8]
    type_name = next((p for p in candidates if fold(p.text) in TYPE_NAMES), None)
    if type_name is None:
        if layout.letter_subject:
            layout.document_type = LETTER
            return header_end
        return _other_title_end(view, header_end)
    layout.type_name = Part(type_name)
    layout.document_type = TYPE_NAMES[fold(type_name.text)]
    subject: list[ParagraphView] = []
    for paragraph in _body_level(view, type_name.index)[:8]:
        if is_line_paragraph(paragraph) or is_addressee_line(paragraph.text) or (paragraph.is_empty and subject):
            break
        if paragraph.is_empty:
            continue
        if subject and not (subject[0].format.alignment == "center" == paragraph.format.alignment
                            and is_all_upper(subject[0].text) == is_all_upper(paragraph.text)):
            break
        subject.append(paragraph)
        if len(subject) == SUBJECT_LINES or _draws_line(paragraph):
            break
    layout.subject = [Part(p) for p in subject]
    last = subject[-1] if subject else type_name
    return last.index


SUBJECT_WORDS = 60
"""A centred line under such a title is its subject when it is no longer than this."""
_DRAFT_MARK = re.compile(r"^\(?\s*dự thảo\s*(\d+|lần\s*\S+)?\s*\)?$")


def _other_title_end(view: DocumentView, header_end: int) -> int:
    """A title that names no ND30 kind ("PHIẾU TRÌNH", "ĐIỀU LỆ", "THAM LUẬN"): its centred lines
    in capitals, with the "(Kèm theo ...)" or subject lines centred under them and a short
    right-aligned author line, are the title, not body text. Return the index of the last of them
    (``header_end`` when there is none)."""
    block: list[ParagraphView] = []
    titled = False
    for paragraph in [p for p in _body_level(view, header_end) if not p.is_empty][:6]:
        text = paragraph.plain
        if not block and _DRAFT_MARK.match(fold(text)):
            block.append(paragraph)
            continue
        if titled and paragraph.format.alignment == "right" and len(text.split()) <= 10:
            block.append(paragraph)          # the author's name or unit under the title ("Bộ Tư pháp")
            continue
        if paragraph.format.alignment != "center" or is_addressee_line(text) or is_appendix_label(text) \
                or is_line_paragraph(paragraph) \
                or any(pattern.match(text) for _, pattern in _ROLE_PATTERNS[:4]):
            break
        capitals = is_all_upper(text) and len(text.split()) <= 15
        if not capitals and not (titled and len(text.split()) <= SUBJECT_WORDS):
            break
        titled = titled or capitals
        block.append(paragraph)
        if _draws_line(paragraph) and not _unclosed(block):
            break
    return block[-1].index if titled else header_end


def _issued_with(view: DocumentView, header_end: int, body_start: int) -> Part | None:
    """The centred "(Ban hành kèm theo ...)" line in the title block, or right under it."""
    for paragraph in [p for p in _body_level(view, header_end) if not p.is_empty][:10]:
        if paragraph.index > body_start + 5:
            break
        if is_issued_with(paragraph.text) and paragraph.format.alignment == "center":
            return Part(paragraph)
    return None


def _unclosed(block: list[ParagraphView]) -> bool:
    """A "(Kèm theo ..." line broken with Enter: its ")" is still to come (the line drawn under the
    block may be anchored in its first paragraph)."""
    text = " ".join(p.plain for p in block)
    return text.count("(") > text.count(")")


def _draws_line(paragraph: ParagraphView) -> bool:
    """The paragraph carries the line drawn under it (a bottom border or a line shape): what follows
    is past the trích yếu (an empty line, then the issuing authority's "CHỦ TỊCH ...")."""
    return paragraph.format.border_bottom or any(s.is_line for s in paragraph.shapes)


def _appendices_and_signature(view: DocumentView, layout: Layout, body_start: int) -> None:
    paragraphs = view.paragraphs
    label = _find(paragraphs[body_start:], is_recipients_label)
    appendix_from = label.paragraph.index if label else body_start
    labels = [p for p in _body_level(view, appendix_from) if is_appendix_label(p.text)]
    main_end = labels[0].index - 1 if labels else len(paragraphs)
    main = paragraphs[:main_end]
    signature_start = _signature(layout, main, label, body_start)
    _body(view, layout, [p for p in main[body_start:signature_start - 1] if p.container.is_body])
    layout.appendices = [_appendix(view, p, labels) for p in labels]


def _signature(layout: Layout, main: list[ParagraphView], label: Part | None, body_start: int) -> int:
    """Find Nơi nhận and the signer; return the index of the first paragraph of the signature block."""
    if label is not None:
        layout.recipients_label = Part(label.paragraph, frozenset({label.last_line}), label.column) \
            if len([line for line in label.paragraph.lines if line.strip()]) > 1 else label
        layout.recipients = _recipient_items(main, label)
        container = label.paragraph.container
        if container.kind == "cell":
            table, _, column = container.key
            block = [p for p in main if p.container.kind == "cell" and p.container.key[0] == table
                     and p.container.key[2] != column]
            table_start = min(p.index for p in main if p.container.kind == "cell" and p.container.key[0] == table)
            _signer(layout, block + _name_under_table(main, table, block))
            return table_start
        if not container.is_body:
            others = [p for p in main if p.container.kind == container.kind and p.container != container
                      and abs(p.index - label.paragraph.index) < 20]
            _signer(layout, others)
            starts = [p.index for p in others] + [label.paragraph.index]
            return min(starts)
        return _signer_before(layout, main, label.paragraph.index, body_start)
    return _signer_before(layout, main, len(main) + 1, body_start)


def _name_under_table(main: list[ParagraphView], table: int, block: list[ParagraphView]) -> list[ParagraphView]:
    """The signer's name typed in the body right under the signature table (pushed right with Tabs)
    when the table's signature column ends with the position in capitals."""
    filled = [p for p in block if not p.is_empty]
    if not filled or not is_all_upper(filled[-1].text):
        return []
    last = max(p.index for p in main if p.container.kind == "cell" and p.container.key[0] == table)
    following = [p for p in main[last:last + 4] if p.container.is_body and not p.is_empty][:1]
    return [p for p in following if not is_all_upper(p.text) and len(p.plain.split()) <= 6
            and not p.plain.endswith((".", ";", ":"))]


def _recipient_items(main: list[ParagraphView], label: Part) -> list[Part]:
    paragraph = label.paragraph
    items = [Part(paragraph, frozenset({n})) for n in range(label.last_line + 1, len(paragraph.lines))
             if paragraph.lines[n].strip()]
    for other in main[paragraph.index:]:
        if other.container != paragraph.container and not _cell_below(paragraph.container, other.container):
            if paragraph.container.is_body:
                break
            continue
        if other.is_empty:
            if paragraph.container.is_body:
                break
            continue
        if paragraph.container.is_body and not (_LIST_MARK.match(other.text) or fold(other.text).startswith("lưu")):
            break
        items.extend(_item_lines(other))
    return items


def _cell_below(cell: Container, other: Container) -> bool:
    """``other`` is a cell of the same table and column, in a later row: a Nơi nhận list continued
    in the row below its label."""
    return cell.kind == other.kind == "cell" and other.key[0] == cell.key[0] and other.key[2] == cell.key[2] \
        and other.key[1] > cell.key[1]


def _item_lines(paragraph: ParagraphView) -> list[Part]:
    """A recipients paragraph as its items: one per line (items split by line breaks), and only the
    first Tab column when the signature or a note shares the line."""
    filled = [n for n, line in enumerate(paragraph.lines) if line.strip()]
    tabbed = any("\t" in paragraph.lines[n].strip() for n in filled)
    if len(filled) <= 1 and not tabbed:
        return [Part(paragraph)]
    return [Part(paragraph, frozenset({n}), 0 if tabbed else None) for n in filled
            if not tabbed or paragraph.lines[n].split("\t")[0].strip()]


def _signer(layout: Layout, block: list[ParagraphView]) -> None:
    """Authority lines and name from the paragraphs of a signature column."""
    parts = [_part(p, n, c) for p, n, c, text in _segments(block) if not _PLACEHOLDER.match(text)]
    if not parts:
        return
    if is_all_upper(parts[-1].text) and (len(parts) == 1 or _adjacent(block, parts[-2], parts[-1])):
        layout.authority = [p for p in parts if is_all_upper(p.text)]    # the position, no name under it yet
        return
    layout.signer_name = parts[-1]
    layout.authority = [p for p in parts[:-1] if is_all_upper(p.text)]


SIGNING_ROOM_PT = 24
"""Space before a line (points) that leaves room to sign above it: the line is the name."""


def _adjacent(block: list[ParagraphView], upper: Part, lower: Part) -> bool:
    """No empty line and no room for a signature between two lines of a signature column."""
    if upper.paragraph is lower.paragraph:
        return lower.last_line - upper.last_line == 1
    between = [p for p in block if upper.paragraph.index < p.index < lower.paragraph.index]
    return not between and (lower.paragraph.format.before or 0) < SIGNING_ROOM_PT


def _signer_before(layout: Layout, main: list[ParagraphView], before: int, body_start: int) -> int:
    """Signer typed as body paragraphs: a name line under one or more upper-case lines."""
    candidates = [p for p in main[body_start:before - 1] if p.container.is_body and not p.is_empty
                  and not _PLACEHOLDER.match(fold(p.text))]
    if len(candidates) < 2:
        return before
    name, above = candidates[-1], []
    if len(name.plain.split()) > 6 or name.plain.endswith((".", ";", ":")):
        return before
    for paragraph in reversed(candidates[:-1]):
        if not is_all_upper(paragraph.text) or len(paragraph.plain.split()) > 10:
            break
        above.insert(0, paragraph)
    if not above:
        return before
    layout.signer_name = Part(name)
    layout.authority = [Part(p) for p in above]
    return above[0].index


_ROLE_PATTERNS = (
    (Role.ARTICLE, re.compile(r"^Điều\s+\d+[a-zđ]?\s*[.:]")),     # "Điều 2:" too: BD01 says the dot
    (Role.PART_LABEL, re.compile(r"^(Phần|Chương|PHẦN|CHƯƠNG)\s+([IVXLCDM]+|thứ\s+\w+)\.?$")),
    (Role.SUBPART_LABEL, re.compile(r"^(Mục|Tiểu mục|MỤC|TIỂU MỤC)\s+\d+\.?$")),
    (Role.ITEM, re.compile(r"^(?=[IVXL])(XL|L?X{0,3})(IX|IV|V?I{0,3})\.\s*\S")),
    (Role.CLAUSE, re.compile(r"^\d+(\.\d+)*[.)]\s*\S")),
    (Role.POINT, re.compile(r"^[a-zđ]\)\s*\S")),
)


ENACTING = ("quyết định:", "quyết nghị:", "ban hành:")
"""The line that ends the căn cứ of a quyết định / nghị quyết."""



def _body(view: DocumentView, layout: Layout, paragraphs: list[ParagraphView]) -> None:
    """Classify body paragraphs; Kính gửi lines and drawn lines are taken out first."""
    content = [p for p in paragraphs if not p.is_empty and not is_line_paragraph(p)]
    content = _addressees(layout, content)
    enacting = next((i for i, p in enumerate(content[:15]) if fold(p.text) in ENACTING), None)
    with_basis = layout.document_type in TYPES_WITH_LEGAL_BASIS or enacting is not None
    body: list[BodyParagraph] = []
    in_preamble = True
    previous_label = False
    quoting = False
    for position, paragraph in enumerate(content):
        text = paragraph.text.strip()
        folded = fold(text)
        if quoting or text.startswith(_OPENING_QUOTES):
            # a quotation keeps its own numbering and look; it is not the document's structure
            quoting = not text.rstrip(".;:").endswith(_CLOSING_QUOTES)
            body.append(BodyParagraph(paragraph, Role.QUOTE))
            in_preamble = previous_label = False
            continue
        role = next((r for r, pattern in _ROLE_PATTERNS if pattern.match(text)), Role.TEXT)
        if role is Role.TEXT and previous_label and is_all_upper(text):
            role = Role.PART_TITLE if body[-1].role is Role.PART_LABEL else Role.SUBPART_TITLE
        elif role is Role.TEXT and body and body[-1].role in (Role.PART_TITLE, Role.SUBPART_TITLE) \
                and paragraph.format.alignment == "center" == body[-1].paragraph.format.alignment:
            role = body[-1].role        # a title broken with Enter ("ĐỔI TÊN, CHIA, TÁCH," / "HỢP NHẤT ...")
        elif in_preamble and ((with_basis or _all_italic(paragraph))
                              and folded.startswith(("căn cứ", "theo đề nghị"))
                              or (enacting is not None and position < enacting and not is_all_upper(text))):
            role = Role.LEGAL_BASIS
        elif in_preamble and (folded in ("quyết định:", "quyết nghị:") or
                              (is_all_upper(text) and paragraph.format.alignment == "center" and role is Role.TEXT)):
            role = Role.AUTHORITY
        if role is Role.TEXT and (_is_caption(view, paragraph) or folded.startswith(SALUTATION)):
            role = Role.CAPTION
        if role not in (Role.LEGAL_BASIS, Role.AUTHORITY):
            in_preamble = False
        previous_label = role in (Role.PART_LABEL, Role.SUBPART_LABEL)
        body.append(BodyParagraph(paragraph, role))
    layout.body = body


SALUTATION = "kính thưa"
"""A speech's salutation ("Kính thưa các đồng chí!"): a line of its own, typeset as the speaker likes."""

_OPENING_QUOTES = ("“", '"', "«")
_CLOSING_QUOTES = ("”", '"', "»")


def _all_italic(paragraph: ParagraphView) -> bool:
    """Laid out as a căn cứ line (italic): a kind without a căn cứ ban hành may still write its
    "Căn cứ ..." that way, and is then judged as one (BD03) rather than as upright text (PR06)."""
    pieces = paragraph.visible_pieces()
    return bool(pieces) and all(p.format.italic for p in pieces)


def _is_caption(view: DocumentView, paragraph: ParagraphView) -> bool:
    """Not running text: a heading typed in capitals without a number, a "(...)" note, a short line
    standing over the table that follows it, or a short line pushed far right (a drafter's
    signature "Chuyên viên: ...")."""
    text = paragraph.plain
    words = len(text.split())
    if words <= 15 and is_all_upper(text):
        return True
    if words <= 10 and _pushed_right(paragraph):
        return True
    if text.startswith("(") and text.removesuffix("./.").endswith((")", ").")) and words <= 30:
        return True
    following = view.paragraphs[paragraph.index] if paragraph.index < len(view.paragraphs) else None
    return words <= 20 and following is not None and following.container.kind == "cell" \
        and paragraph.format.alignment == "center"


def _pushed_right(paragraph: ParagraphView) -> bool:
    """The line starts past the first third of its container (indents, Tabs and spaces: running
    text never does), or is set right."""
    width = paragraph.container.width
    if paragraph.format.alignment == "right":
        return True
    return width is not None and paragraph.format.left + typed_first_line(paragraph) >= width // 3


def _addressees(layout: Layout, content: list[ParagraphView]) -> list[ParagraphView]:
    """Take the "Kính gửi:" block off the start of the body."""
    start = next((i for i, p in enumerate(content[:3]) if is_addressee_line(p.text)), None)
    if start is None:
        return content
    first = content[start]
    parts = [Part(first)]
    end = start + 1
    inline_lines = [line for line in first.lines[1:] if line.strip()]
    after_colon = first.text.split(":", 1)[1].strip() if ":" in first.text else ""
    if not inline_lines and not after_colon:
        for paragraph in content[start + 1:start + 13]:
            listed = _LIST_MARK.match(paragraph.text) or paragraph.plain.endswith((";", "."))
            if not listed or len(paragraph.plain.split()) > 25:
                break
            parts.append(Part(paragraph))
            end += 1
            if paragraph.plain.endswith("."):
                break
    layout.addressees = parts
    return content[:start] + content[end:]


def _table_addressees(view: DocumentView, header_end: int) -> list[Part]:
    """A "Kính gửi:" laid out in a table under the header (the label in one cell, the addressees in
    the next cell of the same row), before the body's first paragraph."""
    for paragraph in view.paragraphs[header_end:header_end + 30]:
        if paragraph.container.is_body and not paragraph.is_empty:
            return []
        if paragraph.container.kind == "cell" and is_addressee_line(paragraph.text):
            table, row, _ = paragraph.container.key
            rest = [p for p in view.paragraphs[paragraph.index:paragraph.index + 30]
                    if p.container.kind == "cell" and p.container.key[:2] == (table, row) and not p.is_empty]
            return [Part(paragraph)] + [Part(p) for p in rest]
    return []


def _appendix(view: DocumentView, label: ParagraphView, labels: list[ParagraphView]) -> Appendix:
    following = []
    for paragraph in view.paragraphs[label.index:]:
        if paragraph in labels or paragraph.container.kind == "cell" or is_line_paragraph(paragraph):
            break
        if not paragraph.is_empty:
            following.append(paragraph)
        if len(following) == 5:
            break
    title: list[Part] = []
    attached = None
    rest: list[Part] = []
    for position, paragraph in enumerate(following):
        if is_attached_line(paragraph.text):
            attached = Part(paragraph)
            for more in following[position + 1:position + 3]:
                if ")" in " ".join(p.paragraph.plain for p in [attached, *rest]):
                    break
                rest.append(Part(more))
            break
        if attached is None and len(title) < 3:
            title.append(Part(paragraph))
    if attached is None:
        title = title[:1]
    if rest and ")" not in " ".join(p.paragraph.plain for p in [attached, *rest]):
        rest = []
    return Appendix(Part(label), title, attached, tuple(rest))
