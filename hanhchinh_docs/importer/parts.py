"""The fixed parts of an ND30 plan read from their text: header, signature block, task table.

Each reader takes what the ``reader`` module produced for that part and returns plain values in
the YAML contract's terms, reporting what it could not read to ``Findings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from hanhchinh_docs.conventions.abbreviations import PLAN_TYPE, SIGNING_PREFIXES, signing_prefix
from hanhchinh_docs.conventions.text import strip_item_punctuation
from hanhchinh_docs.importer.findings import Findings, where
from hanhchinh_docs.importer.lines import is_rule_text, logical_lines
from hanhchinh_docs.importer.reader import Cell, Paragraph, Table, clean, distinct_cells

# ------------------------------------------------------------------ header

_STATE_NAME = re.compile(r"^CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI", re.IGNORECASE)
_MOTTO = re.compile(r"^độc\s+lập\s*[-–]", re.IGNORECASE)
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
                if not text or is_rule_text(text) or _STATE_NAME.match(text) or _MOTTO.match(text):
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
    return any(_STATE_NAME.match(t) or _NUMBER.match(t) or _DATE_LINE.match(t) for t in texts)


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

RECIPIENTS_TITLE = re.compile(r"^nơi\s+nhận\s*:?\s*", re.IGNORECASE)
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
            item = RECIPIENTS_TITLE.sub("", item)
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
_GROUP_NUMBER = re.compile(r"^([IVX]+|[A-ZĐ])\.?$")


class UnreadableTable(Exception):
    """The table has no header row naming at least a content column."""


def _column_of(text: str) -> str | None:
    normal = " ".join(text.lower().split())
    return next((key for key, pattern in _COLUMNS if pattern.search(normal)), None) if normal else None


def _header_columns(rows: tuple[tuple[Cell, ...], ...]) -> tuple[dict[str, int], int]:
    """Field -> grid column, and how many rows the header takes (a second row may split a merged
    "Đơn vị thực hiện" into "Chủ trì" / "Phối hợp")."""
    for index, row in enumerate(rows[:3]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = _column_of(cell.text)
            if key and key not in columns:
                columns[key] = column
        if "noi_dung" not in columns or len(columns) < 2:
            continue
        used = 1
        if index + 1 < len(rows):
            for column, cell in enumerate(rows[index + 1]):
                key = _column_of(cell.text)
                if key and key not in columns and not cell.continued:
                    columns[key] = column
                    used = 2
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


def read_tasks(table: Table, findings: Findings,
               continues: dict[str, int] | None = None) -> tuple[list[dict], dict[str, int]]:
    """The task table's rows as YAML tasks (without ``ma``, given later by position), and its columns.

    ``continues``: the columns of the table this one may continue (Word splits a long table in two,
    with or without repeating the header). Raises ``UnreadableTable`` when no header row names the
    columns and the table continues none.
    """
    try:
        columns, first_row = _header_columns(table.rows)
    except UnreadableTable:
        if continues is None or max(continues.values()) >= table.width:
            raise
        columns, first_row = continues, 0
    tasks: list[dict] = []
    for index, row in enumerate(table.rows[first_row:], start=first_row):
        cells = {key: row[column] for key, column in columns.items() if column < len(row)}
        distinct = distinct_cells(row)
        texts = [cell.text for cell in distinct]
        if not any(texts) or (len(texts) > 2 and all(_COLUMN_NUMBER.match(t) for t in texts if t)):
            continue  # an empty row, or the "(1) (2) (3)" row under the header
        content = cells["noi_dung"]
        others = [cell for cell in distinct if cell is not content and cell is not cells.get("tt")]
        if len(distinct) == 1 or (_GROUP_NUMBER.match(cells["tt"].text if "tt" in cells else "")
                                  and not any(cell.text for cell in others)):
            findings.unplace(" ".join(t for t in texts if t), where(table, index),
                             "là dòng tiêu đề nhóm trong bảng nhiệm vụ (danh sách nhiệm vụ không chia nhóm)")
            continue
        task = _task(cells)
        if tasks and (content.continued or "noi_dung" not in task):
            _merge(tasks[-1], task)
        elif "noi_dung" not in task:
            findings.unplace(" | ".join(t for t in texts if t), where(table, index),
                             "là hàng không có nội dung công việc")
        else:
            tasks.append(task)
    return tasks, columns


def _task(cells: dict[str, Cell]) -> dict:
    task: dict = {}
    lines = cells["noi_dung"].texts
    carried = _CARRIED.match(lines[-1]) if lines else None
    if carried:
        lines = lines[:-1]
    if lines:
        task["noi_dung"] = "\n".join(lines)
    if products := _items(cells.get("san_pham")):
        task["san_pham"] = products
    for key in ("chu_tri", "phoi_hop"):
        if units := _items(cells.get(key)):
            task[key] = _one_or_many(units)
    if schedule := " ".join(cells["thoi_gian"].texts) if "thoi_gian" in cells else "":
        task["thoi_gian"] = schedule
    if carried:
        task["chuyen_tiep_tu"] = int(carried["year"])
    return task


def _merge(task: dict, more: dict) -> None:
    """A row that continues the task above (its content cell merged down): add what is new."""
    for key in ("san_pham", "chu_tri", "phoi_hop"):
        have = task.get(key, [])
        have = [have] if isinstance(have, str) else list(have)
        extra = more.get(key, [])
        extra = [extra] if isinstance(extra, str) else extra
        merged = have + [item for item in extra if item not in have]
        if merged:
            task[key] = merged if key == "san_pham" else _one_or_many(merged)
    if more.get("thoi_gian") and more["thoi_gian"] != task.get("thoi_gian"):
        task["thoi_gian"] = "; ".join(t for t in (task.get("thoi_gian"), more["thoi_gian"]) if t)
