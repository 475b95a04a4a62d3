"""The fixed parts of an ND30 plan read from their text: header, signature block, task table.

Each reader takes what the ``reader`` module produced for that part and returns plain values in
the YAML contract's terms, reporting what it could not read to ``Findings``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from hanhchinh_docs.conventions.abbreviations import PLAN_TYPE, SIGNING_PREFIXES, signing_prefix
from hanhchinh_docs.conventions.elements import is_motto, is_national_title
from hanhchinh_docs.conventions.text import strip_item_punctuation
from hanhchinh_docs.importer.findings import Findings, where
from hanhchinh_docs.importer.lines import is_rule_text, logical_lines
from hanhchinh_docs.importer.reader import Cell, Paragraph, Table, clean, distinct_cells

# ------------------------------------------------------------------ header

_NUMBER = re.compile(
    r"^số\s*[:.]?\s*(?P<number>\d+)?[\s.…_]*/\s*(?P<symbol>\w+(?:\s*-\s*\w+)*)\s*[.;,]?$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^(?P<place>[^,]+?)\s*,\s*ngày\b\s*(?P<rest>.*)$", re.IGNORECASE)
_BLANK = r"[\s.…_]*"
_DATE_WORDS = re.compile(
    rf"^(?P<day>\d{{1,2}})?{_BLANK}tháng{_BLANK}(?P<month>\d{{1,2}})?{_BLANK}năm{_BLANK}(?P<year>\d{{4}})?{_BLANK}$",
    re.IGNORECASE)
_DATE_NUMBERS = re.compile(r"^(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})\.?$")
PLAN_TYPE_ABBREVIATION = PLAN_TYPE[1]


@dataclass
class Header:
    """Header fields, None where the document does not say."""

    parent_body: str | None = None
    name: str | None = None
    abbreviation: str | None = None
    number: int | None = None
    place: str | None = None
    issue_date: date | str | int | None = None
    """As the YAML ``ngay`` takes it: a date, "YYYY-MM", a year, or None when all is blank."""
    year: int | None = None
    leftovers: list[str] = field(default_factory=list)
    """Header texts that are none of the above (a "V/v" line, "DỰ THẢO" ...)."""


def read_header(paragraphs: list[Paragraph], findings: Findings) -> Header:
    """The header's texts (table cells left column first, or paragraphs typed with tabs)."""
    header = Header()
    agency: list[tuple[str, bool, int]] = []  # text, bold, group; a group is one paragraph or part
    group = 0
    for paragraph in paragraphs:
        group += 1
        for line in paragraph.lines:
            # Tabs split a header typed without a table into its columns, but may also pad "Số:\t/KH-X"
            parts = [line.text] if _NUMBER.match(clean(line.text)) else re.split(r"\t+", line.text)
            for part in parts:
                text = clean(part)
                group += not text
                if not text or is_rule_text(text) or is_national_title(text) or is_motto(text):
                    continue
                if (match := _NUMBER.match(text)) is not None:
                    _read_number(match, header, findings)
                elif (match := _DATE_LINE.match(text)) is not None and _read_date(match, header, findings):
                    pass
                elif text.upper() == text:
                    agency.append((text, line.bold, group))
                else:
                    header.leftovers.append(text)
    _read_agency(agency, header)
    return header


def looks_like_header(table: Table) -> bool:
    """The header table holds the state name, the "Số:" line or the date line."""
    texts = [text for row in table.rows for cell in row for text in cell.texts]
    return any(is_national_title(t) or _NUMBER.match(t) or _DATE_LINE.match(t) for t in texts)


def header_paragraphs(table: Table) -> list[Paragraph]:
    """The header table's paragraphs, left column first, so the agency names come in order."""
    cells = distinct_cells(row[column] for column in range(table.width) for row in table.rows)
    return [p for cell in cells for p in cell.paragraphs]


def _read_number(match: re.Match[str], header: Header, findings: Findings) -> None:
    header.number = int(match["number"]) if match["number"] and int(match["number"]) > 0 else None
    symbol = re.sub(r"\s+", "", match["symbol"])
    groups = symbol.split("-")
    if groups[0].upper() == PLAN_TYPE_ABBREVIATION and len(groups) > 1:
        header.abbreviation = "-".join(groups[1:])
        return
    header.abbreviation = "-".join(groups[1:]) if len(groups) > 1 else symbol
    findings.warn(f"Ký hiệu '{symbol}' không phải dạng 'KH-...' của kế hoạch; đã lấy '{header.abbreviation}' "
                  "làm chữ viết tắt tên cơ quan, hãy kiểm tra lại", "co_quan.viet_tat")


def _read_date(match: re.Match[str], header: Header, findings: Findings) -> bool:
    rest = clean(match["rest"])
    parts = _DATE_WORDS.match(rest) or _DATE_NUMBERS.match(rest)
    if parts is None:
        return False
    header.place = match["place"].strip()
    day, month, year = (int(parts[k]) if parts[k] else None for k in ("day", "month", "year"))
    header.year = year
    if month is not None and not 1 <= month <= 12:
        findings.warn(f"Tháng {month} trong dòng ngày tháng không hợp lệ; đã bỏ trống tháng", "ngay")
        month = day = None
    if year is None:
        header.issue_date = None
    elif month is None:
        header.issue_date = year
    elif day is None:
        header.issue_date = f"{year:04d}-{month:02d}"
    else:
        try:
            header.issue_date = date(year, month, day)
        except ValueError:
            findings.warn(f"Ngày {day}/{month}/{year} không có thật; đã bỏ trống ngày", "ngay")
            header.issue_date = f"{year:04d}-{month:02d}"
    return True


def _read_agency(agency: list[tuple[str, bool, int]], header: Header) -> None:
    """Regular lines name the parent body, bold ones the issuer (ND30 ô 2); without that hint, the
    first paragraph is the parent body when there are several."""
    if not agency:
        return
    bold = [text for text, is_bold, _ in agency if is_bold]
    regular = [text for text, is_bold, _ in agency if not is_bold]
    if bold and regular:
        header.parent_body, header.name = " ".join(regular), " ".join(bold)
        return
    groups: dict[int, list[str]] = {}
    for text, _, group in agency:
        groups.setdefault(group, []).append(text)
    units = [" ".join(texts) for texts in groups.values()]
    if len(units) > 1:
        header.parent_body = units[0]
    header.name = " ".join(units[1:] if len(units) > 1 else units)


# ------------------------------------------------------------------ signature

_RECIPIENTS_TITLE = re.compile(r"^nơi\s+nhận\s*:?\s*", re.IGNORECASE)
_ARCHIVE = re.compile(r"^lưu\b\s*:?\s*(?P<items>.*)$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\(.*\)$|^đã\s+ký\b", re.IGNORECASE)
_PREFIX_SPACING = re.compile(rf"^({'|'.join(re.escape(p) for p in SIGNING_PREFIXES)})\s*", re.IGNORECASE)


@dataclass
class Signature:
    signer: dict[str, str] = field(default_factory=dict)
    recipients: list[str] = field(default_factory=list)
    archive: list[str] | None = None


def read_signature(left: list[str], right: list[str], block: Paragraph | Table, findings: Findings) -> Signature:
    """``left``: the "Nơi nhận:" column's lines; ``right``: the signer column's lines."""
    signature = Signature()
    first = True
    for item in logical_lines(left):
        if first:
            first = False
            item = _RECIPIENTS_TITLE.sub("", item)
            if not item:
                continue
        bare = strip_item_punctuation(item)
        if signature.archive is not None:
            findings.unplace(item, where(block), "đứng sau dòng 'Lưu' trong phần nơi nhận")
        elif (match := _ARCHIVE.match(bare)) is not None:
            signature.archive = [a.strip() for a in match["items"].split(",") if a.strip()]
        elif bare:
            signature.recipients.append(bare)
    lines = []
    for line in right:
        if _PLACEHOLDER.match(line):
            findings.unplace(line, where(block), "là ghi chú ở chỗ ký, không phải chức vụ hay họ tên")
        else:
            lines.append(line)
    if len(lines) < 2:
        findings.error("Không đọc được người ký: phần ký cần chức vụ (ví dụ 'GIÁM ĐỐC') và họ tên ở dòng dưới",
                       "nguoi_ky")
        return signature
    *titles, name = lines
    titles = [_PREFIX_SPACING.sub(lambda m: m[1].upper() + " ", t) for t in titles]
    signature.signer["chuc_vu"] = titles[-1]
    signature.signer["ho_ten"] = name
    authority = " ".join(titles[:-1])
    if authority and signing_prefix(authority) is not None:
        signature.signer = {"quyen_han": authority, **signature.signer}
    elif authority:
        findings.unplace(authority, where(block), "đứng trên chức vụ người ký nhưng không bắt đầu bằng "
                         "TM., KT., TL., TUQ. hoặc Q.")
    return signature


# ------------------------------------------------------------------ task table

_COLUMNS = (
    ("tt", re.compile(r"^(s\.?\s*)?tt$|^số\s*(tt|thứ\s*tự)$")),
    ("chu_tri", re.compile(r"chủ\s*trì")),
    ("phoi_hop", re.compile(r"phối\s*hợp")),
    ("thoi_gian", re.compile(r"thời\s*(gian|hạn)|tiến\s*độ")),
    ("san_pham", re.compile(r"sản\s*phẩm|kết\s*quả")),
    ("noi_dung", re.compile(r"nội\s*dung|nhiệm\s*vụ|công\s*việc")),
)
"""Header texts, tolerant of wording ("Đơn vị chủ trì", "Chủ trì") and of breaks inside them."""

_CARRIED = re.compile(r"^\(Nhiệm vụ chuyển tiếp từ năm (?P<year>\d{4})\)$")
"""The line ``render.context`` adds under a carried-over task's content."""

_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_GROUP_NUMBER = re.compile(r"^(?P<number>[IVXL]+|[A-ZĐ])\.?$")
_GROUP_LINE = re.compile(r"^(?P<number>[IVXL]+)[.:/\-–)]\s+(?P<title>\S.*)$")
"""A group row written in one merged cell: "II. Cải cách thủ tục hành chính"."""
_PRODUCT_KEYS = ("san_pham", "thoi_gian", "chu_tri", "phoi_hop")


class UnreadableTable(Exception):
    """The table has no header row naming at least a content column."""


@dataclass
class TaskColumn:
    key: str
    column: int
    heading: str
    width: int | None = None
    """In mm, as the office set it (the grid columns it covers, up to the next column's)."""


@dataclass
class TaskTable:
    """A task table as read: its columns and its rows as tasks, in groups when it has group rows."""

    columns: list[TaskColumn]
    groups: list[dict] = field(default_factory=list)
    """``{"ten", "so", "nhiem_vu"}`` per group row; a first group with ``ten`` None holds the tasks
    before any group row."""
    numbers: list[list[str]] = field(default_factory=list)
    """TT of each task as printed, per group (to tell per-group numbering from continuous)."""
    column_numbers: bool = False
    """The header is followed by a "(1) (2) (3) …" row."""

    @property
    def by_key(self) -> dict[str, int]:
        return {c.key: c.column for c in self.columns}


def _column_of(text: str) -> str | None:
    normal = " ".join(text.lower().split())
    return next((key for key, pattern in _COLUMNS if pattern.search(normal)), None) if normal else None


def column_key(heading: str, taken: set[str]) -> str:
    """A YAML key for an office's own column: its heading's first two words without accents
    ("Theo dõi, kiểm tra, đôn đốc" -> ``theo_doi``), made unique."""
    folded = unicodedata.normalize("NFD", heading.lower().replace("đ", "d"))
    words = re.findall(r"[a-z0-9]+", "".join(c for c in folded if not unicodedata.combining(c)))
    base = "_".join(words[:2]) or "cot"
    if not base[0].isalpha():
        base = "cot_" + base
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def _header_columns(table: Table) -> tuple[list[TaskColumn], int]:
    """The columns, and how many rows the header takes (a second row may split a merged
    "Đơn vị thực hiện" into "Chủ trì" / "Phối hợp"). Every headed column is kept: one the
    patterns do not know becomes the office's own column."""
    rows = table.rows
    for index, row in enumerate(rows[:3]):
        found: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = _column_of(cell.text)
            if key and key not in found:
                found[key] = column
        if "noi_dung" not in found or len(found) < 2:
            continue
        used = 1
        below = rows[index + 1] if index + 1 < len(rows) else ()
        split: dict[int, Cell] = {}
        for column, cell in enumerate(below):
            key = _column_of(cell.text)
            if key and key not in found and not cell.continued:
                found[key] = column
                split[column] = cell
                used = 2
        columns: list[TaskColumn] = []
        taken = set(found)
        previous = None
        for column in range(len(row)):
            cell = split.get(column, row[column])
            if cell is previous:
                continue  # the same heading spanning several grid columns
            previous = cell
            heading = clean(cell.text)
            key = next((k for k, c in found.items() if c == column), None)
            if key is None:
                if not heading:
                    continue
                key = column_key(heading, taken)
                taken.add(key)
            columns.append(TaskColumn(key, column, heading))
        return columns, index + used
    raise UnreadableTable


def _items(cell: Cell | None) -> list[str]:
    """A list cell ("- a;" lines, or one item per paragraph) -> bare items."""
    if cell is None:
        return []
    pieces = [piece for p in cell.paragraphs for piece in logical_lines(p.texts)]
    return [bare for bare in map(strip_item_punctuation, pieces) if bare]


def _one_or_many(items: list[str]) -> str | list[str]:
    return items[0] if len(items) == 1 else items


def _is_repeated_header(texts: list[str], header: list[str]) -> bool:
    return bool(texts) and [clean(t) for t in texts] == header


def other_columns(table: Table, previous: TaskTable) -> bool:
    """``table`` has a header row naming other columns than the task table it follows."""
    try:
        columns, _ = _header_columns(table)
    except UnreadableTable:
        return False
    return [c.key for c in columns] != [c.key for c in previous.columns]


def read_tasks(table: Table, findings: Findings, continues: TaskTable | None = None) -> TaskTable:
    """The task table's rows as YAML tasks (without ``ma``, given later by position), in groups.

    ``continues``: the table this one may continue (Word splits a long table in two, with or
    without repeating the header); its columns, groups and tasks are carried on. Raises
    ``UnreadableTable`` when no header row names the columns and the table continues none.
    """
    try:
        columns, first_row = _header_columns(table)
        _set_widths(columns, table)
        result = continues or TaskTable(columns, [{"ten": None, "nhiem_vu": []}], [[]])
    except UnreadableTable:
        if continues is None or max(c.column for c in continues.columns) >= table.width:
            raise
        result, first_row = continues, 0
    by_key = result.by_key
    header = [clean(cell.text) for cell in distinct_cells(table.rows[first_row - 1])] if first_row else []
    headings = {c.column: c.heading for c in result.columns}
    for index, row in enumerate(table.rows[first_row:], start=first_row):
        cells = {key: row[column] for key, column in by_key.items() if column < len(row)}
        distinct = distinct_cells(row)
        texts = [cell.text for cell in distinct]
        if len(texts) > 2 and all(_COLUMN_NUMBER.match(t) for t in texts):
            result.column_numbers = True
            continue  # the "(1) (2) (3)" row, printed again from danh_so_cot
        if not any(texts) or _is_repeated_header(texts, header):
            continue  # an empty row, or the header repeated by hand
        if _group_row(row, distinct, cells, result, table, index, findings, headings):
            continue
        tasks = result.groups[-1]["nhiem_vu"]
        task = _task(cells, result.columns)
        shared = {key for key, cell in cells.items() if cell.continued}
        number = clean(cells["tt"].text) if "tt" in cells else ""
        content = cells["noi_dung"]
        blank_number = "tt" in cells and not number
        if tasks and (blank_number or content.continued or "noi_dung" not in task):
            _continue_task(tasks[-1], {k: v for k, v in task.items() if k not in shared}, content.continued)
        elif "noi_dung" not in task:
            findings.unplace(" | ".join(t for t in texts if t), where(table, index),
                             "là hàng không có nội dung công việc")
        else:
            tasks.append(task)
            result.numbers[-1].append(number)
    return result


def _group_row(row, distinct: list[Cell], cells: dict[str, Cell], result: TaskTable, table: Table, index: int,
               findings: Findings, headings: dict[int, str]) -> bool:
    """A row naming a group ("I | Cải cách thể chế" over the whole width, or "I. Cải cách ..." in
    one merged cell): opens a new group. Text in other cells is kept in ``chua_xu_ly``."""
    first = clean(distinct[0].text)
    number = title = None
    if len(distinct) == 1 and (match := _GROUP_LINE.match(first)):
        number, title = match["number"], match["title"]
    elif "tt" in cells and (match := _GROUP_NUMBER.match(clean(cells["tt"].text))) and len(distinct) >= 2:
        rest = [cell for cell in distinct if cell is not cells["tt"] and cell.text]
        if not rest or (rest[0] is not cells.get("noi_dung") and cells["noi_dung"].text):
            return False
        if any(cells[key].text for key in _PRODUCT_KEYS if key in cells and cells[key] is not rest[0]):
            return False  # a task numbered I, II … with its product, deadline or units: not a group
        number, title = match["number"], clean(rest[0].text)
        for cell in rest[1:]:
            column = next(c for c, x in enumerate(row) if x is cell)
            findings.unplace(cell.text, f"{where(table, index)}, cột {column + 1} ('{headings.get(column, '')}')",
                             f"nằm trên dòng tên nhóm '{number}. {title}'")
    if number is None or not title:
        return False
    group = {"ten": title, "so": number, "nhiem_vu": []}
    if result.groups[-1]["ten"] is None and not result.groups[-1]["nhiem_vu"]:
        result.groups[-1] = group
    else:
        result.groups.append(group)
        result.numbers.append([])
    return True


def _task(cells: dict[str, Cell], columns: list[TaskColumn]) -> dict:
    task: dict = {}
    lines = cells["noi_dung"].texts if not cells["noi_dung"].continued else []
    carried = _CARRIED.match(lines[-1]) if lines else None
    if carried:
        lines = lines[:-1]
    if lines:
        task["noi_dung"] = "\n".join(lines)
    for column in columns:
        key = column.key
        cell = cells.get(key)
        if key in ("tt", "noi_dung") or cell is None:
            continue
        if key == "thoi_gian":
            if schedule := " ".join(cell.texts):
                task["thoi_gian"] = schedule
        elif items := _items(cell):
            task[key] = items if key == "san_pham" else _one_or_many(items)
    if carried:
        task["chuyen_tiep_tu"] = int(carried["year"])
    return task


def _continue_task(task: dict, more: dict, merged_content: bool) -> None:
    """A row with a blank TT under a task: one more product with its own deadline and units (a
    product row), or, with nothing but text in the content column, the rest of a row split by hand."""
    own = {k: v for k, v in more.items() if k != "noi_dung"}
    if not own:
        if more.get("noi_dung"):
            target = task["san_pham"][-1] if _has_product_rows(task) else task
            target["noi_dung"] = "\n".join(t for t in (target.get("noi_dung"), more["noi_dung"]) if t)
        return
    if not _has_product_rows(task):
        first = {"san_pham": "; ".join(task.pop("san_pham", []))}
        if "thoi_gian" in task:
            first["thoi_gian"] = task.pop("thoi_gian")
        task["san_pham"] = [{k: v for k, v in first.items() if v}]
    product = {"san_pham": "; ".join(more.get("san_pham", []))}
    if not product["san_pham"]:
        del product["san_pham"]
    if more.get("noi_dung") and not merged_content:
        product["noi_dung"] = more["noi_dung"]
    product.update({k: v for k, v in more.items() if k not in ("san_pham", "noi_dung")})
    task["san_pham"].append(product)


def _has_product_rows(task: dict) -> bool:
    return bool(task.get("san_pham")) and isinstance(task["san_pham"][0], dict)


# ------------------------------------------------------------------ any other table


EVEN_WIDTHS = 1.15
"""Columns whose widths differ by less than this ratio are read as equal (the renderer's default)."""


def _office_widths(widths: list[float]) -> list[int] | None:
    """Whole mm per column when the office made the widths unequal; None for equal ones, which are
    Word's default (the renderer's own defaults suit the table better)."""
    if not widths or max(widths) <= EVEN_WIDTHS * min(widths):
        return None
    return [max(1, round(width)) for width in widths]


def _set_widths(columns: list[TaskColumn], table: Table) -> None:
    """Each column's width: the grid columns it covers, up to the next column's."""
    grid = table.column_widths
    starts = [c.column for c in columns] + [len(grid)]
    widths = _office_widths([sum(grid[c.column:end]) for c, end in zip(columns, starts[1:])] if grid else [])
    for column, width in zip(columns, widths or []):
        column.width = width


def read_plain_table(table: Table) -> dict:
    """A table that is not a task table, as a ``bang``: headings from its first row, then rows of
    cell texts; a cell spanning columns gives its text to the first of them. ``rong``: the
    columns' widths in mm, when the office made them unequal."""
    rows = []
    for row in table.rows:
        texts, seen = [], []
        for cell in row:
            repeated = any(cell is s for s in seen)
            seen.append(cell)
            texts.append("" if repeated or cell.continued else "\n".join(cell.texts))
        rows.append(texts)
    headings, *body = rows or [[]]
    widths = _office_widths(list(table.column_widths))
    return {"cot": headings, "dong": body, **({"rong": widths} if widths else {})}
