"""Progress collected from several units: one sheet back from each, merged per task.

Each sheet is read by ``progress_sheet.read_progress_sheet``; the unit that sent it is the cell
after "Đơn vị báo cáo:" above the headings (``export-tasks --don-vi`` writes it), else the file
name. For a task reported by several units, the lead unit's status counts and every unit's result
is kept ("Văn phòng: ...; Phòng Pháp chế (phối hợp): ..."). Different statuses for one task, and
units of the plan that sent no sheet, are warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.errors import DataFileError, Problem, SourceLocation
from hanhchinh_docs.model.plan import Plan
from hanhchinh_docs.model.progress_sheet import SheetRow, read_progress_sheet, read_sheet_rows
from hanhchinh_docs.model.report import Progress

UNIT_LABEL = "Đơn vị báo cáo:"
_ORDER = {Progress.NOT_STARTED: 0, Progress.IN_PROGRESS: 1, Progress.DONE: 2}


@dataclass(frozen=True)
class UnitRow:
    unit: str
    row: SheetRow


def sheet_files(given: str | Path | Sequence[str | Path]) -> list[Path]:
    """The sheets named: a file, a folder (its .xlsx and .csv files) or a list of either."""
    items = [given] if isinstance(given, (str, Path)) else list(given)
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in (".xlsx", ".csv")
                           and not p.name.startswith(("~$", ".")))
            if not found:
                raise DataFileError(f"Thư mục '{path}' không có bảng tiến độ .xlsx hoặc .csv nào",
                                    SourceLocation(str(path)))
            files.extend(found)
        else:
            files.append(path)
    return files


def sheet_unit(path: Path) -> str | None:
    """The unit named above the headings ("Đơn vị báo cáo:" and the name, in one cell or the next)."""
    for row in read_sheet_rows(path)[:5]:
        for index, cell in enumerate(row):
            folded = fold(cell, loose=True)
            if folded.startswith("don vi bao cao"):
                rest = cell.split(":", 1)[1].strip() if ":" in cell else ""
                if rest:
                    return rest
                following = [c.strip() for c in row[index + 1:] if c.strip()]
                return following[0] if following else None
    return None


def read_progress_sheets(given: str | Path | Sequence[str | Path], plan: Plan) -> tuple[list[SheetRow], list[Problem]]:
    """Rows of one sheet as they are; of several, one row per task merged as the module says."""
    files = sheet_files(given)
    if len(files) == 1:
        return read_progress_sheet(files[0])
    problems: list[Problem] = []
    collected: list[UnitRow] = []
    named_units: list[str] = []
    for path in files:
        rows, found = read_progress_sheet(path)
        problems.extend(found)
        unit = sheet_unit(path)
        if unit:
            named_units.append(unit)
        collected.extend(UnitRow(unit or path.stem, row) for row in rows)
    entries = {entry.key: entry for entry in plan.task_entries()}
    by_position = {entry.position: entry.key for entry in entries.values()}
    per_task: dict[str, list[UnitRow]] = {}
    for item in collected:
        key = item.row.task_key if item.row.task_key in entries else by_position.get(item.row.task_key, item.row.task_key)
        per_task.setdefault(key, []).append(item)
    merged = []
    for key, items in per_task.items():
        entry = entries.get(key)
        if entry is None:
            merged.extend(item.row for item in items)  # the loader reports the unknown task
            continue
        row, found = _merge(key, items, entry.task.lead_units)
        merged.append(row)
        problems.extend(found)
    if named_units:
        problems.extend(_missing_units(plan, named_units, files))
    return merged, problems


def _merge(key: str, items: list[UnitRow], leads: list[str]) -> tuple[SheetRow, list[Problem]]:
    problems: list[Problem] = []
    latest: dict[str, UnitRow] = {}
    for item in items:
        folded = fold(item.unit, loose=True)
        earlier = latest.get(folded)
        if earlier and (earlier.row.status, earlier.row.result) != (item.row.status, item.row.result):
            problems.append(Problem(
                f"Nhiệm vụ '{key}': {item.unit} gửi hai lần với nội dung khác nhau ({earlier.row.location.describe()} "
                f"và {item.row.location.describe()}); dùng lần sau", item.row.location, severity="warning"))
        latest[folded] = item
    lead_names = {fold(unit, loose=True) for unit in leads}
    ordered = sorted(latest.values(), key=lambda i: fold(i.unit, loose=True) not in lead_names)
    if len(ordered) == 1:
        return ordered[0].row, problems
    lead = ordered[0] if fold(ordered[0].unit, loose=True) in lead_names else None
    statuses = {item.row.status for item in ordered}
    if len(statuses) > 1:
        listed = "; ".join(f"{i.unit}: {i.row.status.label}" for i in ordered)
        chosen = lead.row.status if lead else min(statuses, key=_ORDER.__getitem__)
        why = f"dùng tình trạng của đơn vị chủ trì {lead.unit}" if lead else "dùng tình trạng thấp nhất"
        problems.append(Problem(f"Nhiệm vụ '{key}' có tình trạng khác nhau giữa các đơn vị ({listed}); {why}: "
                                f"{chosen.label}", (lead or ordered[0]).row.location, severity="warning"))
    else:
        chosen = statuses.pop()
    parts = [f"{i.unit}{'' if fold(i.unit, loose=True) in lead_names else ' (phối hợp)'}: {i.row.result}"
             for i in ordered if i.row.result]
    base = (lead or ordered[0]).row
    return SheetRow(base.task_key, chosen, "; ".join(parts), base.location), problems


def _missing_units(plan: Plan, named: list[str], files: list[Path]) -> list[Problem]:
    sent = {fold(unit, loose=True) for unit in named}
    expected: dict[str, str] = {}
    for entry in plan.task_entries():
        for unit in [*entry.task.lead_units, *entry.task.partner_units]:
            expected.setdefault(fold(unit, loose=True), unit)
    missing = [name for folded, name in expected.items() if folded not in sent]
    if not missing:
        return []
    return [Problem(f"Chưa nhận bảng tiến độ của: {', '.join(missing)} (đã nhận {len(files)} bảng)",
                    SourceLocation(str(files[0].parent)), severity="warning")]
