"""Task progress from the spreadsheet reporting staff already keep (.xlsx or .csv).

Columns are found by their Vietnamese headers, however they are typed ("Mã nhiệm vụ", "TT",
"Tình trạng", "Trạng thái", "Kết quả thực hiện" ...); statuses as people write them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hanhchinh_docs.errors import DataFileError, Problem, SourceLocation
from hanhchinh_docs.model.report import PROGRESS_CHOICES, Progress, _fold, progress_from_text

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


def _rows_from_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise DataFileError(
            f"Không đọc được bảng tính '{path}': tệp không phải .xlsx hợp lệ", SourceLocation(str(path))
        ) from exc
    sheet = book.worksheets[0]
    rows = [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _rows_from_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"Tệp '{path}' không phải mã UTF-8; hãy lưu lại bằng 'CSV UTF-8'", SourceLocation(str(path))
        ) from exc
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _column(headers: list[str], wanted: tuple[str, ...]) -> int | None:
    folded = [_fold(h) for h in headers]
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
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _rows_from_xlsx(path)
    elif suffix == ".csv":
        rows = _rows_from_csv(path)
    else:
        raise DataFileError(f"Tệp tiến độ '{name}' phải là .xlsx hoặc .csv", SourceLocation(name))
    header_index = next((i for i, row in enumerate(rows[:10])
                         if _column(row, _ID_HEADERS) is not None and _column(row, _STATUS_HEADERS) is not None),
                        None)
    if header_index is None:
        raise DataFileError(
            f"Bảng tính '{name}' cần một dòng tiêu đề có cột mã nhiệm vụ (\"Mã\" hoặc \"TT\") và cột "
            "\"Tình trạng\" (hoặc \"Trạng thái\")", SourceLocation(name, 1))
    headers = rows[header_index]
    id_col, status_col = _column(headers, _ID_HEADERS), _column(headers, _STATUS_HEADERS)
    result_col = _column(headers, _RESULT_HEADERS)
    out: list[SheetRow] = []
    problems: list[Problem] = []
    for offset, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        cells = row + [""] * (len(headers) - len(row))
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
