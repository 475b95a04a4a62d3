"""Task progress from the spreadsheet reporting staff already keep (.xlsx or .csv).

Columns are found by their Vietnamese headers, however they are typed ("Mã nhiệm vụ", "TT",
"Tình trạng", "Trạng thái", "Kết quả thực hiện" ...); statuses as people write them.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.errors import DataFileError, Problem, SourceLocation
from hanhchinh_docs.model.report import PROGRESS_CHOICES, Progress, progress_from_text
from hanhchinh_docs.model.user_text import without_unusable

_ID_HEADERS = ("ma", "ma nhiem vu", "ma nv", "tt", "stt", "so tt")
_STATUS_HEADERS = ("trang thai", "tinh trang", "tien do", "muc do hoan thanh")
_RESULT_HEADERS = ("ket qua", "ket qua thuc hien", "ket qua dat duoc")


@dataclass(frozen=True)
class SheetRow:
    """One task's progress read from the sheet, with where it came from."""

    task_key: str
    status: Progress
    result: str
    location: SourceLocation


MAX_FILE_BYTES = 20 * 1024 * 1024
"""A progress sheet is a table of a few hundred tasks; anything far larger is refused, not read."""

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Total size of the parts of an .xlsx once unpacked (a zip bomb stops here)."""

MAX_CELL_CHARS = 1_000_000
"""One cell's text; a 200,000-character result still fits."""

MAX_ROWS = 100_000

_EXCEL_CONTROL_ESCAPE = re.compile(r"_x00[01][0-9a-fA-F]_")
"""Excel's ``_x0001_`` escapes of control characters; they and the characters themselves are dropped."""

_DELIMITERS = (",", ";", "\t")
"""What Excel writes between cells: a comma, or a semicolon where the decimal mark is a comma."""

_VIETNAMESE_1258 = set("ăâđêôơưĂÂĐÊÔƠƯ")


def _refuse(path: Path, why: str, line: int | None = None) -> DataFileError:
    return DataFileError(f"Không đọc được bảng tính tiến độ '{path}': {why}", SourceLocation(str(path), line))


def _cell_text(value) -> str:
    text = "" if value is None else str(value)
    return without_unusable(_EXCEL_CONTROL_ESCAPE.sub("", text)).strip()


def _rows_from_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(path, "tệp không phải .xlsx hợp lệ (hãy mở bằng Excel và lưu lại dạng .xlsx)") from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _refuse(path, "tệp giải nén ra quá lớn (trên 200 MB) để là một bảng tiến độ")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            rows = []
            for row in sheet.iter_rows(values_only=True):
                rows.append([_cell_text(v) for v in row])
                if len(rows) > MAX_ROWS:
                    raise _refuse(path, f"bảng có hơn {MAX_ROWS:,} dòng".replace(",", "."))
        finally:
            book.close()
    except DataFileError:
        raise
    except Exception as exc:  # openpyxl reports a damaged part by whatever its parser raises
        raise _refuse(path, "tệp .xlsx bị hỏng hoặc có ký tự, thực thể XML không hợp lệ bên trong "
                            "(hãy mở bằng Excel, sao chép bảng sang tệp mới và lưu lại)") from exc
    return rows


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM, as "CSV UTF-8" saves it), else the Windows code page Excel used:
    Windows-1258 (Vietnamese, tone marks as combining characters) or Windows-1252 (Western)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    vietnamese = unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))
    stray_marks = any(unicodedata.combining(c) for c in vietnamese)
    if not stray_marks and _VIETNAMESE_1258 & set(vietnamese):
        return vietnamese
    return raw.decode("cp1252", errors="replace")


def _parse_csv(text: str, delimiter: str, path: Path) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append([_cell_text(cell) for cell in row])
            if len(rows) > MAX_ROWS:
                raise _refuse(path, f"bảng có hơn {MAX_ROWS:,} dòng".replace(",", "."))
    except csv.Error as exc:
        raise _refuse(path, "một ô quá dài hoặc dấu ngoặc kép không đóng; hãy mở bằng Excel và lưu lại",
                      reader.line_num or None) from exc
    return rows


def _rows_from_csv(path: Path) -> list[list[str]]:
    """Rows of a CSV as Excel writes it: the delimiter is the one that gives a header row."""
    raw = path.read_bytes()
    text = _decode(raw)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    parsed = [_parse_csv(text, delimiter, path) for delimiter in _DELIMITERS]
    return next((rows for rows in parsed if _header_index(rows) is not None),
                max(parsed, key=lambda rows: max((len(r) for r in rows[:10]), default=0)))


HEADER_SEARCH_ROWS = 10
"""A sheet's heading row is looked for among its first rows (titles and notes may stand above it)."""


def header_row_index(rows: list[list[str]], is_header: Callable[[list[str]], bool]) -> int | None:
    """The first of the top rows that ``is_header`` accepts; shared by every sheet the tool reads."""
    return next((i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if is_header(row)), None)


def _header_index(rows: list[list[str]]) -> int | None:
    return header_row_index(rows, lambda row: _column(row, _ID_HEADERS) is not None
                            and _column(row, _STATUS_HEADERS) is not None)


def read_sheet_rows(path: Path) -> list[list[str]]:
    """Every row of the first sheet of an .xlsx or .csv file as texts (the one sheet reader)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _rows_from_xlsx(path)
    if suffix == ".csv":
        return _rows_from_csv(path)
    raise DataFileError(f"Bảng tính '{path}' phải là tệp .xlsx hoặc .csv", SourceLocation(str(path)))


def _column(headers: list[str], wanted: tuple[str, ...]) -> int | None:
    folded = [fold(h, loose=True) for h in headers]
    for name in wanted:
        if name in folded:
            return folded.index(name)
    return None


def read_progress_sheet(path: str | Path) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of the first sheet whose header row names an id, a status and (optionally) a result."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise DataFileError(f"Không tìm thấy tệp tiến độ '{name}'", SourceLocation(name))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(path, "tệp lớn hơn 20 MB, không phải một bảng tiến độ")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _rows_from_xlsx(path)
    elif suffix == ".csv":
        rows = _rows_from_csv(path)
    else:
        raise DataFileError(f"Tệp tiến độ '{name}' phải là .xlsx hoặc .csv", SourceLocation(name))
    header_index = _header_index(rows)
    if header_index is None:
        garbled = any("?" in cell or "\ufffd" in cell for row in rows[:10] for cell in row)
        hint = (" Chữ tiếng Việt trong tệp đã bị đổi thành '?': tệp được lưu bằng bảng mã không có đủ chữ "
                "tiếng Việt; hãy lưu lại bằng Excel, chọn kiểu 'CSV UTF-8'." if garbled else "")
        raise DataFileError(
            f"Bảng tính '{name}' cần một dòng tiêu đề (trong 10 dòng đầu) có cột mã nhiệm vụ (\"Mã\" hoặc "
            "\"TT\") và cột \"Tình trạng\" (hoặc \"Trạng thái\"), các cột cách nhau bằng dấu phẩy hoặc "
            f"dấu chấm phẩy.{hint}", SourceLocation(name, 1))
    headers = rows[header_index]
    id_col, status_col = _column(headers, _ID_HEADERS), _column(headers, _STATUS_HEADERS)
    result_col = _column(headers, _RESULT_HEADERS)
    out: list[SheetRow] = []
    problems: list[Problem] = []
    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        cells = row + [""] * (len(headers) - len(row))  # a short (ragged) row: the missing cells are empty
        key, status_text = cells[id_col].strip(), cells[status_col].strip()
        if not status_text:
            continue  # a task the staff list but have not reported on yet: the report says so

        if key.endswith(".0") and key[:-2].isdigit():
            key = key[:-2]
        status = progress_from_text(status_text)
        where = SourceLocation(name, offset, None, f"cột '{headers[status_col]}'")
        if status is None:
            problems.append(Problem(
                f"Tình trạng '{status_text}' của nhiệm vụ '{key}' không hiểu được; dùng: {PROGRESS_CHOICES}",
                where))
            continue
        result = cells[result_col].strip() if result_col is not None else ""
        out.append(SheetRow(key, status, result, SourceLocation(name, offset, None, f"cột '{headers[id_col]}'")))
    return out, problems
