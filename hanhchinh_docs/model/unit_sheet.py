"""The batch sheet of units: one row per unit, each row becoming that unit's report.

A header row (within the first 10 rows) names the columns; headings are matched without regard to
case, diacritics or punctuation. "Đơn vị" and "Viết tắt" are required; "Cơ quan chủ quản", "Số",
"Ngày", "Địa danh", "Quyền hạn", "Chức vụ", "Người ký" are optional; every column headed by a task
id of the plan ("NV01", or "1" for the first task) holds that task's status, and a column headed
"Kết quả NV01" (or "NV01 kết quả") its result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.errors import DataFileError, Problem, SourceLocation
from hanhchinh_docs.model.progress_sheet import header_row_index, read_sheet_rows
from hanhchinh_docs.model.report import PROGRESS_CHOICES, progress_from_text
from hanhchinh_docs.model.yaml_source import FieldPath

_FIELDS: dict[str, tuple[tuple[str, ...], FieldPath]] = {
    "unit": (("don vi", "ten don vi", "co quan", "co quan ban hanh", "ten co quan"), ("co_quan", "ban_hanh")),
    "abbreviation": (("viet tat", "ten viet tat", "ky hieu", "chu viet tat"), ("co_quan", "viet_tat")),
    "parent": (("co quan chu quan", "chu quan"), ("co_quan", "chu_quan")),
    "number": (("so", "so van ban", "so bao cao"), ("so",)),
    "date": (("ngay", "ngay ban hanh", "ngay bao cao"), ("ngay",)),
    "place": (("dia danh",), ("dia_danh",)),
    "authority": (("quyen han", "quyen han ky"), ("nguoi_ky", "quyen_han")),
    "position": (("chuc vu", "chuc vu nguoi ky"), ("nguoi_ky", "chuc_vu")),
    "signer": (("nguoi ky", "ho ten nguoi ky", "ho ten"), ("nguoi_ky", "ho_ten")),
}
_REQUIRED = ("unit", "abbreviation")
_RESULT_WORDS = ("ket qua", "ket qua thuc hien")
_IGNORED = ("stt", "tt", "so tt", "ghi chu")


@dataclass(frozen=True)
class UnitRow:
    """One unit's row: the report fields it sets, where each came from, and its own problems."""

    line: int
    unit: str
    abbreviation: str
    fields: dict[FieldPath, object]
    marks: dict[FieldPath, tuple[int, int]]
    problems: list[Problem] = field(default_factory=list)


def _header_columns(headers: list[str], task_keys: list[str]):
    folded = [fold(h, loose=True) for h in headers]
    columns: dict[str, int] = {}
    for name, (words, _) in _FIELDS.items():
        for index, heading in enumerate(folded):
            if heading in words and index not in columns.values():
                columns[name] = index
                break
    keys = {fold(key, loose=True): key for key in task_keys}
    status_columns: dict[str, int] = {}
    result_columns: dict[str, int] = {}
    unused = []
    for index, heading in enumerate(folded):
        if index in columns.values() or not heading or heading in _IGNORED:
            continue
        if heading in keys:
            status_columns[keys[heading]] = index
            continue
        for word in _RESULT_WORDS:
            rest = heading.removeprefix(word + " ") if heading.startswith(word + " ") else \
                heading.removesuffix(" " + word) if heading.endswith(" " + word) else None
            if rest in keys:
                result_columns[keys[rest]] = index
                break
        else:
            unused.append(headers[index])
    return columns, status_columns, result_columns, unused


def _date_text(text: str) -> str:
    """A date cell as the YAML form: spreadsheet dates come as '2024-03-15 00:00:00', people type 15/3/2024."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})(?:[ T]00:00(?::00)?)?", text)
    if match:
        return match[1]
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}"
    return text


def read_unit_sheet(path: str | Path, task_keys: list[str]) -> tuple[list[UnitRow], list[Problem]]:
    """The unit rows of the sheet, and warnings about the sheet as a whole (unused columns)."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise DataFileError(f"Không tìm thấy bảng đơn vị '{name}'", SourceLocation(name))
    rows = read_sheet_rows(path)
    header_index = header_row_index(
        rows, lambda row: all(required in _header_columns(row, task_keys)[0] for required in _REQUIRED))
    if header_index is None:
        raise DataFileError(
            f"Bảng đơn vị '{name}' cần một dòng tiêu đề có cột \"Đơn vị\" và cột \"Viết tắt\" (tên viết tắt "
            "dùng trong ký hiệu, ví dụ STNMT); các cột khác: \"Số\", \"Ngày\", và mỗi nhiệm vụ một cột "
            "mang mã nhiệm vụ (ví dụ \"NV01\")", SourceLocation(name, 1))
    headers = rows[header_index]
    columns, status_columns, result_columns, unused = _header_columns(headers, task_keys)
    warnings = [Problem(f"Cột '{heading}' không dùng tới: không phải trường của báo cáo cũng không phải mã "
                        f"nhiệm vụ trong kế hoạch ({', '.join(task_keys)})",
                        SourceLocation(name, header_index + 1), severity="warning") for heading in unused]
    if not status_columns:
        warnings.append(Problem("Bảng đơn vị không có cột nào mang mã nhiệm vụ của kế hoạch: các báo cáo chỉ "
                                "lấy kết quả từ tệp báo cáo mẫu", SourceLocation(name, header_index + 1),
                                severity="warning"))
    units = []
    for line, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        cells = row + [""] * (len(headers) - len(row))
        if not any(cell.strip() for cell in cells):
            continue
        units.append(_unit_row(name, line, cells, headers, columns, status_columns, result_columns))
    return units, warnings


def _unit_row(name: str, line: int, cells: list[str], headers: list[str], columns: dict[str, int],
              status_columns: dict[str, int], result_columns: dict[str, int]) -> UnitRow:
    fields: dict[FieldPath, object] = {}
    marks: dict[FieldPath, tuple[int, int]] = {(): (line, 0)}  # a field the row did not set: still its line
    problems: list[Problem] = []
    for key, index in columns.items():
        text = cells[index].strip()
        if not text:
            if key in _REQUIRED:
                problems.append(Problem(f"Thiếu '{headers[index]}' của đơn vị",
                                        SourceLocation(name, line, index + 1, f"cột '{headers[index]}'")))
            continue
        if key == "date":
            text = _date_text(text)
        elif key == "number" and text.endswith(".0") and text[:-2].isdigit():
            text = text[:-2]
        path = _FIELDS[key][1]
        fields[path] = text
        marks[path] = (line, index + 1)
    for task, index in status_columns.items():
        status_text = cells[index].strip()
        if not status_text:
            continue
        where = SourceLocation(name, line, index + 1, f"cột '{headers[index]}'")
        status = progress_from_text(status_text)
        if status is None:
            problems.append(Problem(
                f"Tình trạng '{status_text}' của nhiệm vụ '{task}' không hiểu được; dùng: {PROGRESS_CHOICES}", where))
            continue
        fields[("ket_qua", task, "trang_thai")] = status.value
        marks[("ket_qua", task)] = (line, index + 1)
        if task in result_columns:
            fields[("ket_qua", task, "ket_qua")] = cells[result_columns[task]].strip()
    return UnitRow(line, cells[columns["unit"]].strip(), cells[columns["abbreviation"]].strip(), fields, marks,
                   problems)
