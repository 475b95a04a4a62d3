"""Blocks read from a Word plan -> the YAML input contract as a plain dict, keys in contract order.

The document is read front to back in the order ND30 Mẫu 1.4 lays a plan out: header, "KẾ
HOẠCH", trích yếu, optional "Kính gửi", opening paragraphs, the numbered body, the signature
table, then the appendices. Numbers, the closing "./." and list punctuation are removed, because
the renderer writes them again (``render.context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hanhchinh_docs.conventions.abbreviations import DOCUMENT_TYPES
from hanhchinh_docs.conventions.elements import is_addressee_line, is_recipients_label
from hanhchinh_docs.conventions.numbering import item_label
from hanhchinh_docs.conventions.text import strip_item_punctuation
from hanhchinh_docs.importer.findings import Findings, where
from hanhchinh_docs.importer.lines import (
    Label, ends_sentence, has_end_mark, is_rule_text, logical_lines, parse_label, starts_item, without_end_mark,
)
from hanhchinh_docs.importer.parts import (
    Header, Signature, TaskTable, UnreadableTable, header_paragraphs, looks_like_header,
    other_columns, read_header, read_plain_table, read_signature, read_tasks,
)
from hanhchinh_docs.conventions.numbering import roman
from hanhchinh_docs.model.plan import STANDARD_TASK_COLUMNS
from hanhchinh_docs.importer.reader import Block, Paragraph, Table, clean, distinct_cells
from hanhchinh_docs.importer.year import literal, with_year_variable, years_mentioned

TYPE_LINE = "KẾ HOẠCH"
OTHER_TYPE_LINES = {name.upper() for name in DOCUMENT_TYPES} - {TYPE_LINE}

TITLE_STYLES = {"ND30Muc", "ND30Khoan", "ND30Diem"}
"""Styles ``render.template_builder`` gives numbered headings (``tieu_de``)."""
PLAIN_STYLES = {"ND30NoiDung"}
"""The style it gives plain paragraphs and numbered sentences (``van_ban``)."""
_WORD_HEADING = re.compile(r"^heading\s*\d$", re.IGNORECASE)

_ADDRESSEES = re.compile(r"^kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_BASIS = re.compile(r"^căn\s+cứ\b", re.IGNORECASE)
_CLOSING = re.compile(r"^trên\s+đây\b", re.IGNORECASE)
_APPENDIX = re.compile(
    r"^phụ\s+lục(?:\s+(?:số\s+)?(?:[IVXL]+|\d+))?\s*(?:[:.\-–]\s*(?P<title>.*))?$", re.IGNORECASE)
_ATTACHED = re.compile(r"^\(\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
_ATTACHED_INSIDE = re.compile(r"\(\s*(?:ban\s+hành\s+)?kèm\s+theo\b", re.IGNORECASE)
_OWN_ATTACHED = re.compile(
    r"^\(\s*kèm\s+theo\s+kế\s+hoạch\s+số\s*(?P<number>\d+)?[\s.…_]*/\s*KH\s*-\s*(?P<symbol>[\w-]+)", re.IGNORECASE)
"""The line ``render`` writes itself: "(Kèm theo Kế hoạch số 12/KH-UBND ngày … của …)"."""
_ATTACHED_ISSUER = re.compile(r"\bcủa\s+(?P<name>[^()]+?)\s*\)?\s*$")
_LONG_TITLE = 80
"""A numbered line longer than this that ends with ':' is a sentence introducing a list, not a heading."""


@dataclass
class _Item:
    """A numbered body item while the tree is being built."""

    depth: int
    label_level: int
    """The level its label's kind stands for (``lines.LEVEL_OF_KIND``), whatever its depth."""
    text: str
    title_hint: bool | None
    ended: bool = False
    children: list = field(default_factory=list)  # of str and _Item


@dataclass(eq=False)
class _Appendix:
    labelled: bool
    """Opened by a "PHỤ LỤC" line; otherwise by text after the signature, and an appendix only if a
    task table follows it (some plans leave the label out)."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    attached: list[str] = field(default_factory=list)
    tasks: TaskTable | None = None
    plain: dict | None = None
    """A table that is not a task list: the appendix becomes ``loai: bang``."""

    @property
    def attached_open(self) -> bool:
        return bool(self.attached) and ")" not in self.attached[-1]

    @property
    def has_table(self) -> bool:
        return self.tasks is not None or self.plain is not None

    def add_title(self, texts: list[str]) -> None:
        """Title lines; from a "(Kèm theo …)" or "(Ban hành kèm theo …)" line on, the attached line."""
        for text in texts:
            inside = _ATTACHED_INSIDE.search(text) if not self.attached else None
            if inside and inside.start() > 0:  # "TÊN PHỤ LỤC (Ban hành kèm theo …)" on one line
                self.title.append(text[:inside.start()].strip())
                text = text[inside.start():]
            if self.attached or _ATTACHED.match(text):
                self.attached.append(text)
            elif text:
                self.title.append(text)


def _capitals(text: str) -> bool:
    """Written in capitals, as an appendix title is (ND30)."""
    return any(c.isalpha() for c in text) and text == text.upper()


def _type_line(text: str) -> str:
    return " ".join(text.upper().split())


def _table_columns(table: dict) -> list:
    """A plain table's ``cot``: headings, with their widths when the office made them unequal."""
    if "rong" not in table:
        return [literal(c) for c in table["cot"]]
    return [{"ten": literal(c), "rong": w} for c, w in zip(table["cot"], table["rong"])]


def _task_column(column) -> str | dict:
    """A task table's column: its key alone when it is a standard one as printed, else key, heading and width."""
    standard = column.key in STANDARD_TASK_COLUMNS and column.heading == STANDARD_TASK_COLUMNS[column.key][0]
    if standard and column.width is None:
        return column.key
    entry: dict = {"khoa": column.key}
    if not standard:
        entry["ten"] = literal(column.heading)
    if column.width is not None:
        entry["rong"] = column.width
    return entry


def _title_hint(paragraph: Paragraph) -> bool | None:
    """What the formatting says: a heading style or bold -> heading; the plain body style -> sentence."""
    if paragraph.style in TITLE_STYLES or _WORD_HEADING.match(paragraph.style or ""):
        return True
    if paragraph.style in PLAIN_STYLES:
        return False
    return True if paragraph.bold else None


class PlanBuilder:
    """One pass over the blocks; ``build`` returns the contract dict and fills ``findings``."""

    def __init__(self, blocks: list[Block], findings: Findings) -> None:
        self.blocks = blocks
        self.pos = 0
        self.findings = findings
        self.header = Header()
        self.subject: list[str] = []
        self.addressees: list[str] = []
        self.opening: list[str] = []
        self.body: list = []
        self.stack: list[_Item] = []
        self.closed = False
        self.renumbered: list[str] = []
        self.signature: Signature | None = None
        self.appendices: list[_Appendix] = []
        self.running_name: str | None = None
        self.is_plan = False

    # ------------------------------------------------------------ driver

    def build(self) -> dict:
        type_paragraph = self._header()
        self.is_plan = type_paragraph is not None
        if type_paragraph is not None:
            self._subject(type_paragraph)
            self._addressees()
            self._body()
            self._after_signature()
        if self.renumbered:
            self.findings.warn(
                f"{len(self.renumbered)} mục được đánh số khác cách đánh số theo cấp I. / 1. / a) "
                f"(ví dụ {self.renumbered[0]}); khi tạo lại văn bản, các mục sẽ được đánh số lại theo cấp",
                "noi_dung")
        return self._contract()

    def _next(self) -> Block | None:
        block = self.blocks[self.pos] if self.pos < len(self.blocks) else None
        self.pos += 1
        return block

    def _peek(self) -> Block | None:
        return self.blocks[self.pos] if self.pos < len(self.blocks) else None

    # ------------------------------------------------------------ header, title

    def _header(self) -> Paragraph | None:
        """Everything up to the "KẾ HOẠCH" line; returns that line's paragraph, or None when the
        document has none (then only a header table is read, and every other block is kept)."""
        header_table: Table | None = None
        loose: list[Paragraph] = []
        others: list[Table] = []
        while (block := self._next()) is not None:
            if isinstance(block, Table):
                if header_table is None and looks_like_header(block):
                    header_table = block
                else:
                    others.append(block)
                continue
            texts = block.texts
            line = _type_line(texts[0]) if texts else ""
            if texts and (line == TYPE_LINE or texts[0].startswith(TYPE_LINE + " ")):
                self.subject.extend(t for t in [texts[0][len(TYPE_LINE):].strip(), *texts[1:]] if t)
                self._read_header(header_paragraphs(header_table) if header_table else [], loose)
                for table in others:
                    self.findings.unplace_block(table, "là bảng ở phần đầu văn bản nhưng không phải bảng số, ký hiệu")
                return block
            if line in OTHER_TYPE_LINES:
                self.findings.error(f"Văn bản này là {line.lower()}, không phải kế hoạch: lệnh import chỉ đọc "
                                    "kế hoạch (tên loại 'KẾ HOẠCH' dưới phần đầu văn bản)", "loai")
                break
            loose.append(block)
        else:
            self.findings.error(
                "Không thấy tên loại 'KẾ HOẠCH' (một dòng riêng, chữ in hoa, dưới phần đầu văn bản): tệp này không "
                "phải kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP", "loai")
        if header_table is not None:
            self.header = read_header(header_paragraphs(header_table), self.findings)
        for block in self.blocks:
            if block is not header_table:
                self.findings.unplace_block(block, "không đọc được vì văn bản không phải kế hoạch")
        return None

    def _read_header(self, table_paragraphs: list[Paragraph], loose: list[Paragraph]) -> None:
        """The header table, or loose paragraphs (a header typed with tabs) when there is no table.

        Beside a header table, a loose paragraph may still hold the number or the date line; any
        other text there ("DỰ THẢO", a stamp) is kept in ``chua_xu_ly``.
        """
        if not table_paragraphs:
            table_paragraphs, loose = loose, []
        if not table_paragraphs:
            self.findings.error("Không thấy phần đầu văn bản (tên cơ quan, số, ký hiệu, địa danh, ngày tháng)",
                                "co_quan")
        self.header = read_header(table_paragraphs, self.findings)
        for paragraph in loose:
            if not paragraph.texts:
                continue
            extra = read_header([paragraph], self.findings)
            if extra.name or extra.leftovers:
                self.findings.unplace_block(paragraph, "đứng ở phần đầu văn bản nhưng không thuộc ô nào của mẫu")
                continue
            for key in ("number", "abbreviation", "place", "issue_date", "year"):
                if getattr(self.header, key) is None:
                    setattr(self.header, key, getattr(extra, key))
        for text in self.header.leftovers:
            self.findings.unplace(text, "Phần đầu văn bản", "không thuộc ô nào của mẫu")

    def _subject(self, type_paragraph: Paragraph) -> None:
        """Trích yếu: the lines under "KẾ HOẠCH", up to the short line under them or the body."""
        centred, bold = type_paragraph.centred, type_paragraph.bold
        started = bool(self.subject)
        while isinstance(block := self._peek(), Paragraph):
            texts = block.texts
            if block.rule or (texts and is_rule_text(block.text)):
                self.pos += 1
                if started:
                    return
                continue
            if not texts:
                if started and not centred:
                    return
                self.pos += 1
                continue
            if starts_item(texts[0]) or is_addressee_line(texts[0]) or _BASIS.match(texts[0]):
                return
            if started and ((centred and not block.centred) or (bold and not block.bold)):
                return
            if not started:
                centred, bold, started = block.centred, block.bold, True
            self.subject.extend(texts)
            self.pos += 1

    def _addressees(self) -> None:
        """"Kính gửi: X" on one line, or "Kính gửi:" and one "- X;" line each, the last ending '.'."""
        while isinstance(block := self._peek(), Paragraph) and not block.texts:
            self.pos += 1
        if not isinstance(block, Paragraph) or not (match := _ADDRESSEES.match(block.texts[0])):
            return
        self.pos += 1
        lines = ([match["rest"]] if match["rest"] else []) + block.texts[1:]
        single = bool(match["rest"])
        while not single and not (lines and lines[-1].endswith(".")):
            block = self._peek()
            if not isinstance(block, Paragraph) or not block.texts or not block.texts[0].startswith(("-", "–")):
                break
            lines.extend(block.texts)
            self.pos += 1
        self.addressees = [item for item in map(strip_item_punctuation, lines) if item]

    # ------------------------------------------------------------ body

    def _body(self) -> None:
        while (block := self._peek()) is not None:
            if isinstance(block, Table):
                self.pos += 1
                if self._signature_table(block):
                    return
                self._body_table(block)
                continue
            texts = block.texts
            if texts and is_recipients_label(texts[0]):
                self._signature_paragraphs()
                return
            if texts and (label := _APPENDIX.fullmatch(texts[0])) is not None and not label["title"]:
                break  # an appendix with no signature before it
            self.pos += 1
            self._body_paragraph(block)
        self.findings.error("Không thấy phần ký (bảng có 'Nơi nhận:' bên trái, chức vụ và họ tên người ký bên "
                            "phải) ở cuối phần nội dung", "nguoi_ky")

    def _body_paragraph(self, paragraph: Paragraph) -> None:
        hint = _title_hint(paragraph)
        for index, piece in enumerate(logical_lines(paragraph.texts)):
            if self.closed:
                self.findings.unplace(piece, where(paragraph), "đứng sau câu kết thúc './.' của phần nội dung")
                continue
            ended = has_end_mark(piece)
            label = parse_label(piece)
            if label is not None:
                self._item(label, hint if index == 0 else None, ended, paragraph)
            else:
                self._text(without_end_mark(piece, sentence=True) if ended else piece)
            self.closed = ended

    def _item(self, label: Label, hint: bool | None, ended: bool, paragraph: Paragraph) -> None:
        while self.stack and self.stack[-1].label_level >= label.level:
            self.stack.pop()
        siblings = self.stack[-1].children if self.stack else self.body
        depth = len(self.stack) + 1
        expected = item_label(depth, sum(isinstance(node, _Item) for node in siblings))
        if label.text != expected:
            self.renumbered.append(f"{where(paragraph)}: '{label.text}' sẽ thành '{expected}'")
        text = without_end_mark(label.rest, sentence=False) if ended else label.rest
        item = _Item(depth, label.level, text, hint, ended)
        siblings.append(item)
        self.stack.append(item)

    def _body_table(self, table: Table) -> None:
        """A table inside the body: a ``bang`` item where it stands (its caption, if any, stays the
        paragraph above it)."""
        node = {"bang": read_plain_table(table)}
        if not node["bang"]["cot"]:
            return
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.body.append(node)

    def _text(self, text: str) -> None:
        if _CLOSING.match(text) and self.body:
            self.stack.clear()  # "Trên đây là ..." closes the whole plan, not its last item
        if self.stack:
            self.stack[-1].children.append(text)
        elif self.body:
            self.body.append(text)
        else:
            self.opening.append(text)

    # ------------------------------------------------------------ signature

    def _signature_table(self, table: Table) -> bool:
        """Read ``table`` as the signature block if one of its cells starts with "Nơi nhận"."""
        column = next((c for row in table.rows for c, cell in enumerate(row)
                       if cell.texts and is_recipients_label(cell.texts[0])), None)
        if column is None:
            return False
        left: list[str] = []
        right: list[str] = []
        for c in range(table.width):
            cells = distinct_cells([row[c] for row in table.rows])
            (left if c == column else right).extend(t for cell in cells for t in cell.texts)
        self.signature = read_signature(left, right, table, self.findings)
        return True

    def _signature_paragraphs(self) -> None:
        """A signature block typed without a table: recipients on the left, the signer after tabs or
        on the lines after the recipients."""
        first = self._peek()
        left: list[str] = []
        right: list[str] = []
        in_left = True
        while isinstance(block := self._peek(), Paragraph):
            texts = block.texts
            if texts and _APPENDIX.match(texts[0]) and block is not first:
                break
            self.pos += 1
            for line in block.lines:
                parts = [clean(part) for part in re.split(r"\t+", line.text)]
                lead, rest = parts[0], [p for p in parts[1:] if p]
                if lead and in_left and (not left or starts_item(lead) or not ends_sentence(left[-1])):
                    left.append(lead)
                    in_left = not re.match(r"^[-–]?\s*lưu\b", lead, re.IGNORECASE)
                elif lead:
                    in_left = False
                    right.append(lead)
                right.extend(rest)
        self.signature = read_signature(left, right, first, self.findings)

    # ------------------------------------------------------------ appendices

    def _after_signature(self) -> None:
        appendix: _Appendix | None = None
        while (block := self._next()) is not None:
            if isinstance(block, Table):
                self._appendix_table(block, appendix)
                continue
            texts = block.texts
            if not texts or block.rule or is_rule_text(block.text):
                continue
            building = appendix is not None and not appendix.has_table
            if (match := _APPENDIX.fullmatch(texts[0])) is not None:
                self._close(appendix)
                appendix = _Appendix(True, [block])
                appendix.add_title([match["title"] or "", *texts[1:]])
            elif building and (_ATTACHED.match(texts[0]) or appendix.attached_open):
                appendix.paragraphs.append(block)
                appendix.attached.extend(texts)
            elif building and not appendix.attached and (appendix.labelled or _capitals(texts[0])):
                appendix.paragraphs.append(block)
                appendix.add_title(texts)
            elif building and appendix.attached:
                self.findings.unplace_block(block, "đứng giữa dòng 'Kèm theo' và bảng của phụ lục")
            else:
                self._close(appendix)
                appendix = _Appendix(False, [block]) if _capitals(texts[0]) else None
                if appendix is not None:
                    appendix.add_title(texts)
                if appendix is None:
                    self.findings.unplace_block(block, "đứng sau phần ký nhưng không thuộc phụ lục nào")
        self._close(appendix)
        for appendix in self.appendices:
            match = _ATTACHED_ISSUER.search(" ".join(appendix.attached))
            if match and self.running_name is None:
                self.running_name = match["name"]

    def _close(self, appendix: _Appendix | None) -> None:
        """Keep a finished appendix; text after the signature that no task table followed is unplaced."""
        if appendix is None or appendix in self.appendices:
            return
        if appendix.labelled or appendix.has_table:
            self.appendices.append(appendix)
            return
        for paragraph in appendix.paragraphs:
            self.findings.unplace_block(paragraph, "đứng sau phần ký nhưng không thuộc phụ lục nào")
        appendix.paragraphs.clear()

    def _appendix_table(self, table: Table, appendix: _Appendix | None) -> None:
        if appendix is None:
            self.findings.unplace_block(table, "là bảng sau phần ký nhưng không có tên phụ lục ở trên")
            return
        if appendix.plain is not None:
            more = read_plain_table(table)
            if len(more["cot"]) == len(appendix.plain["cot"]):
                header = more["cot"] == appendix.plain["cot"]
                appendix.plain["dong"] += more["dong"] if header else [more["cot"], *more["dong"]]
            else:
                self.findings.unplace_block(table, "là bảng thứ hai của một phụ lục dạng bảng, khác số cột")
            return
        if appendix.tasks is not None and other_columns(table, appendix.tasks):
            self.findings.unplace_block(table, "là bảng nhiệm vụ thứ hai của phụ lục nhưng có các cột khác bảng "
                                               "trước; hãy tách thành một phụ lục riêng")
            return
        try:
            appendix.tasks = read_tasks(table, self.findings, appendix.tasks)
        except UnreadableTable:
            if appendix.labelled and appendix.tasks is None:
                appendix.plain = read_plain_table(table)  # a schedule, a list of units …: kept as a table
                return
            if not appendix.labelled:
                self._close(appendix)  # keep the document order in chua_xu_ly
            self.findings.unplace_block(table, "là bảng không đọc được thành bảng nhiệm vụ")

    # ------------------------------------------------------------ result

    def _year(self) -> int | None:
        """The plan's year: from the date, unless a December date heads a plan named for the next year."""
        named = years_mentioned(" ".join(self.subject))
        date_year = self.header.year
        if date_year and len(named) == 1 and next(iter(named)) == date_year + 1:
            return date_year + 1
        if date_year:
            if len(named) == 1 and date_year not in named:
                self.findings.warn(f"Tên kế hoạch ghi năm {next(iter(named))} nhưng ngày ban hành là năm {date_year}; "
                                   f"đã lấy năm {date_year}, hãy kiểm tra lại 'nam'", "nam")
            return date_year
        for texts in (self.subject, *(a.title + a.attached for a in self.appendices)):
            found = years_mentioned(" ".join(texts))
            if len(found) == 1:
                return found.pop()
        self.findings.error("Không xác định được năm của kế hoạch: dòng ngày tháng, tên kế hoạch và tên phụ lục "
                            "đều không ghi năm", "nam")
        return None

    def _node(self, item: _Item, year: int | None) -> dict:
        children = [self._child(child, year) for child in item.children]
        title = item.title_hint
        if title is None:
            sentence_like = (item.ended or ends_sentence(item.text)) and (not item.text.endswith(":") or len(item.text) > _LONG_TITLE)
            title = item.depth == 1 or bool(children) or not sentence_like
        text = item.text
        if item.ended and not title and not ends_sentence(text):
            text += "."
        node: dict = {("tieu_de" if title else "van_ban"): self._plan_text(text, year)}
        if children:
            node["noi_dung"] = children
        return node

    def _child(self, child: str | dict | _Item, year: int | None):
        if isinstance(child, dict):  # a body table: its cells are kept as they are written
            table = child["bang"]
            return {"bang": {"cot": _table_columns(table),
                             "dong": [[literal(c) for c in row] for row in table["dong"]]}}
        return self._plan_text(child, year) if isinstance(child, str) else self._node(child, year)

    @staticmethod
    def _plan_text(text: str, year: int | None) -> str:
        return with_year_variable(text, year) if year else literal(text)

    def _contract(self) -> dict:
        header, findings = self.header, self.findings
        year = self._year() if self.is_plan else self.header.year
        data: dict = {"loai": "ke_hoach"}
        if year:
            data["nam"] = year
        issuer = {"chu_quan": header.parent_body, "ban_hanh": header.name, "viet_tat": header.abbreviation,
                  "ten": self.running_name}
        if any(issuer.values()):
            data["co_quan"] = {key: literal(value) for key, value in issuer.items() if value}
        if not header.name:
            findings.error("Không thấy tên cơ quan ban hành (chữ in hoa, cột trái phần đầu văn bản)",
                           "co_quan.ban_hanh")
        if not header.abbreviation:
            findings.error("Không thấy dòng số, ký hiệu (ví dụ 'Số: 05/KH-STNMT') ở phần đầu văn bản",
                           "co_quan.viet_tat")
        data["so"] = header.number
        if header.place:
            data["dia_danh"] = literal(header.place)
        else:
            findings.error("Không thấy dòng địa danh, ngày tháng (ví dụ 'Hà Tĩnh, ngày 05 tháng 01 năm 2024') ở "
                           "phần đầu văn bản", "dia_danh")
        data["ngay"] = header.issue_date
        subject = clean(" ".join(self.subject))
        if subject:
            data["trich_yeu"] = self._plan_text(subject, year)
        elif self.is_plan:
            findings.error("Không thấy trích yếu (tên kế hoạch) dưới dòng 'KẾ HOẠCH'", "trich_yeu")
        if self.addressees:
            data["kinh_gui"] = [literal(a) for a in self.addressees]
        if self.opening:
            data["mo_dau"] = [self._plan_text(t, year) for t in self.opening]
        if self.body:
            data["noi_dung"] = [self._child(node, year) for node in self.body]
        if self.signature is not None:
            if self.signature.signer:
                data["nguoi_ky"] = {key: literal(value) for key, value in self.signature.signer.items()}
            if self.signature.recipients:
                data["noi_nhan"] = [literal(r) for r in self.signature.recipients]
            if self.signature.archive:
                data["luu"] = [literal(a) for a in self.signature.archive]
            elif self.signature.signer:
                findings.warn("Phần nơi nhận không có dòng 'Lưu: VT, ...'; khi tạo lại văn bản sẽ ghi 'Lưu: VT.'",
                              "luu")
        if self.appendices:
            data["phu_luc"] = self._appendix_data(year)
        if findings.unplaced:
            data["chua_xu_ly"] = [literal(t) for t in findings.unplaced]
        return data

    def _appendix_data(self, year: int | None) -> list[dict]:
        out = []
        self._task_count = 0
        for index, appendix in enumerate(self.appendices):
            title = clean(" ".join(appendix.title))
            if not title:
                self.findings.error("Phụ lục thiếu tên (dòng chữ in hoa dưới dòng 'PHỤ LỤC')", f"phu_luc[{index}].ten")
            entry: dict = {"loai": "bang"} if appendix.plain is not None else {}
            entry["ten"] = self._plan_text(title, year)
            attached = clean(" ".join(appendix.attached))
            if attached and not self._own_attached_line(attached):
                entry["kem_theo"] = literal(attached)
            if appendix.plain is not None:
                entry["cot"] = _table_columns(appendix.plain)
                entry["dong"] = [[literal(c) for c in row] for row in appendix.plain["dong"]]
            elif appendix.tasks is None:
                self.findings.warn("Phụ lục không có bảng nhiệm vụ đọc được", f"phu_luc[{index}].nhiem_vu")
                entry["nhiem_vu"] = []
            else:
                entry.update(self._task_appendix(appendix.tasks, index, year))
            out.append(entry)
        return out

    def _own_attached_line(self, text: str) -> bool:
        """The line names this plan itself (number and symbol): ``render`` writes it again."""
        match = _OWN_ATTACHED.match(text)
        return match is not None and (int(match["number"]) if match["number"] else None) == self.header.number \
            and match["symbol"].upper() == (self.header.abbreviation or "").upper()

    def _task_appendix(self, table: TaskTable, index: int, year: int | None) -> dict:
        out: dict = {}
        keys = [c.key for c in table.columns]
        default = keys == list(STANDARD_TASK_COLUMNS) and all(
            c.heading == STANDARD_TASK_COLUMNS[c.key][0] for c in table.columns)
        groups = table.groups
        if groups[0]["ten"] is None and len(groups) > 1:
            if groups[0]["nhiem_vu"]:
                self.findings.warn(
                    f"{len(groups[0]['nhiem_vu'])} nhiệm vụ đứng trước dòng tên nhóm đầu tiên; đã đưa vào nhóm "
                    f"'{groups[1]['ten']}', hãy kiểm tra lại", f"phu_luc[{index}].nhom[0]")
                groups[1]["nhiem_vu"][:0] = groups[0]["nhiem_vu"]
                table.numbers[1][:0] = table.numbers[0]
            groups, numbers = groups[1:], table.numbers[1:]
        else:
            numbers = table.numbers
        if len(groups) > 1 or groups[0]["ten"] is not None:
            if any(n and n[0] not in ("1", "1.") for n in numbers[1:]):
                out["danh_so"] = "lien_tuc"
        if table.column_numbers:
            out["danh_so_cot"] = True
        if not default:
            out["cot"] = [_task_column(c) for c in table.columns]
        if len(groups) == 1 and groups[0]["ten"] is None:
            out["nhiem_vu"] = [self._task_data(task, year) for task in groups[0]["nhiem_vu"]]
            return out
        out["nhom"] = []
        for position, group in enumerate(groups):
            data: dict = {"ten": self._plan_text(group["ten"], year)}
            if group["so"] != roman(position + 1):
                data["so"] = group["so"]
            data["nhiem_vu"] = [self._task_data(task, year) for task in group["nhiem_vu"]]
            out["nhom"].append(data)
        return out

    def _task_data(self, task: dict, year: int | None) -> dict:
        self._task_count += 1
        return {"ma": f"NV{self._task_count:02d}", **{
            key: self._task_value(key, value, year) for key, value in task.items()}}

    def _task_value(self, key: str, value, year: int | None):
        if isinstance(value, dict):
            return {k: self._task_value(k, v, year) for k, v in value.items()}
        if isinstance(value, list):
            return [self._task_value(key, v, year) for v in value]
        if key in ("noi_dung", "thoi_gian", "san_pham"):
            return self._plan_text(value, year)
        return literal(value) if isinstance(value, str) else value
