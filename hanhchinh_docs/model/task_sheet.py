"""An appendix's tasks kept in a spreadsheet: ``nhiem_vu: {tu_tep: nhiem_vu.xlsx}``.

The sheet is read with the progress sheet's reader (first sheet of an .xlsx, or a .csv); columns
are found by their Vietnamese headings however they are typed ("Nội dung nhiệm vụ", "NỘI DUNG",
"Đơn vị chủ trì", "Don vi chu tri" ...). Each row becomes a task mapping, so the rest of the
loader validates it as if it had been typed in the YAML. A cell with several units or products
holds one per line (Alt+Enter in Excel) or separated by ';'.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.errors import DataFileError, Problem, SourceLocation
from hanhchinh_docs.model.progress_sheet import header_row_index, read_sheet_rows
from hanhchinh_docs.model.yaml_source import YamlSource

TASK_HEADINGS: dict[str, tuple[str, ...]] = {
    "ma": ("ma", "ma nhiem vu", "ma nv", "ma so"),
    "noi_dung": ("noi dung", "noi dung nhiem vu", "noi dung cong viec", "nhiem vu", "ten nhiem vu", "cong viec"),
    "san_pham": ("san pham", "san pham dau ra", "san pham du kien", "ket qua san pham"),
    "chu_tri": ("chu tri", "don vi chu tri", "co quan chu tri", "chu tri thuc hien", "don vi thuc hien"),
    "phoi_hop": ("phoi hop", "don vi phoi hop", "co quan phoi hop", "phoi hop thuc hien"),
    "thoi_gian": ("thoi gian", "thoi gian thuc hien", "thoi gian hoan thanh", "thoi han", "thoi han hoan thanh"),
}
"""Task key -> the folded headings that mean it."""

_SKIPPED = ("tt", "stt", "so tt", "tinh trang", "trang thai", "ket qua", "ket qua thuc hien", "ghi chu")
"""Headings of columns that are not part of the plan (the exported progress sheet has them)."""

_LIST_KEYS = ("san_pham", "chu_tri", "phoi_hop")
_ID = re.compile(r"[A-Za-z0-9_.\-]+")


def _split(text: str) -> list[str]:
    return [part.strip().lstrip("-•+ ").strip() for part in re.split(r"[\n;]", text) if part.strip(" -•+")]


def read_task_sheet(path: Path, shown_as: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Task mappings from the sheet at ``path`` (named ``shown_as`` in messages), and the problems
    found, each naming the file, the row and the column."""
    if not path.is_file():
        raise DataFileError(f"Không tìm thấy bảng nhiệm vụ '{shown_as}' (đường dẫn tính từ thư mục của tệp YAML)",
                            SourceLocation(shown_as))
    rows = read_sheet_rows(path)
    header_index = header_row_index(rows, lambda row: "noi_dung" in _columns(row))
    if header_index is None:
        raise DataFileError(
            f"Bảng nhiệm vụ '{shown_as}' cần một dòng tiêu đề (trong 10 dòng đầu) có cột \"Nội dung\" (hoặc "
            "\"Nội dung nhiệm vụ\"); các cột khác: \"Mã\", \"Sản phẩm\", \"Đơn vị chủ trì\", \"Đơn vị phối hợp\", "
            "\"Thời gian thực hiện\"", SourceLocation(shown_as, 1))
    headers = rows[header_index]
    columns = _columns(headers)
    problems: list[Problem] = []
    unknown = [h for i, h in enumerate(headers)
               if h.strip() and i not in columns.values() and fold(h, loose=True) not in _SKIPPED]
    if unknown:
        problems.append(Problem(
            f"Cột {', '.join(repr(h) for h in unknown)} của bảng nhiệm vụ không dùng tới; các cột dùng được: Mã, "
            "Nội dung, Sản phẩm, Đơn vị chủ trì, Đơn vị phối hợp, Thời gian thực hiện",
            SourceLocation(shown_as, header_index + 1), severity="warning"))
    tasks: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[header_index + 1:], start=header_index + 2):
        cells = {key: (row[index].strip() if index < len(row) else "") for key, index in columns.items()}
        if not any(cells.values()):
            continue

        def where(key: str) -> SourceLocation:
            return SourceLocation(shown_as, line, columns[key] + 1, f"cột '{headers[columns[key]]}'")

        if not cells["noi_dung"]:
            problems.append(Problem("Dòng có dữ liệu nhưng thiếu nội dung nhiệm vụ", where("noi_dung")))
            continue
        task: dict[str, Any] = {"noi_dung": cells["noi_dung"]}
        identifier = cells.get("ma", "")
        if identifier.endswith(".0") and identifier[:-2].isdigit():
            identifier = identifier[:-2]
        if identifier:
            if not _ID.fullmatch(identifier):
                problems.append(Problem(
                    f"Mã nhiệm vụ '{identifier}' chỉ gồm chữ không dấu, số và các dấu '.', '-', '_' (ví dụ NV01)",
                    where("ma")))
                continue
            if identifier in seen:
                problems.append(Problem(
                    f"Mã nhiệm vụ '{identifier}' trùng với dòng {seen[identifier]}; mỗi nhiệm vụ cần một mã riêng",
                    where("ma")))
                continue
            seen[identifier] = line
            task["ma"] = identifier
        for key in _LIST_KEYS:
            if cells.get(key):
                task[key] = _split(cells[key])
        if cells.get("thoi_gian"):
            task["thoi_gian"] = cells["thoi_gian"]
        tasks.append(task)
    if not tasks and not problems:
        problems.append(Problem(f"Bảng nhiệm vụ '{shown_as}' không có nhiệm vụ nào dưới dòng tiêu đề",
                                SourceLocation(shown_as, header_index + 2)))
    return tasks, problems


def _columns(headers: list[str]) -> dict[str, int]:
    folded = [fold(h, loose=True) for h in headers]
    found: dict[str, int] = {}
    for key, names in TASK_HEADINGS.items():
        for index, heading in enumerate(folded):
            if heading in names and index not in found.values():
                found[key] = index
                break
    return found


def expand_task_sheets(source: YamlSource, problems: list[Problem]) -> None:
    """Replace each ``nhiem_vu: {tu_tep: ...}`` of the plan's appendices (or of their groups) by the
    tasks of that sheet, read relative to the YAML file's folder; problems are appended."""
    appendices = source.data.get("phu_luc") if isinstance(source.data, dict) else None
    if not isinstance(appendices, list):
        return
    for a_index, appendix in enumerate(appendices):
        if not isinstance(appendix, dict):
            continue
        holders = [(("phu_luc", a_index), appendix)]
        groups = appendix.get("nhom")
        if isinstance(groups, list):
            holders += [(("phu_luc", a_index, "nhom", g_index), group)
                        for g_index, group in enumerate(groups) if isinstance(group, dict)]
        for path, holder in holders:
            spec = holder.get("nhiem_vu")
            if isinstance(spec, dict):
                holder["nhiem_vu"] = _tasks_from(spec, source, path + ("nhiem_vu",), problems)


def _tasks_from(spec: dict, source: YamlSource, path: tuple, problems: list[Problem]) -> list:
    where = source.locate(path + ("tu_tep",))
    name = spec.get("tu_tep")
    extra = [key for key in spec if key != "tu_tep"]
    if extra or not isinstance(name, str) or not name.strip():
        problems.append(Problem(
            "'nhiem_vu' là danh sách nhiệm vụ, hoặc { tu_tep: nhiem_vu.xlsx } để lấy nhiệm vụ từ bảng tính "
            f"(.xlsx hoặc .csv){'; trường thừa: ' + ', '.join(map(str, extra)) if extra else ''}", where))
        return []
    try:
        tasks, found = read_task_sheet(Path(source.file).parent / name.strip(), name.strip())
    except DataFileError as exc:
        problems.append(Problem(f"{exc.message} (khai báo ở {where.describe()})", exc.location))
        return []
    problems.extend(found)
    return tasks
