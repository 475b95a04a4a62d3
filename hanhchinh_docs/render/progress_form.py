"""The progress sheet an office hands to its units: one row per task of the plan, with blank
"Tình trạng" (a drop-down list) and "Kết quả" columns that ``report --tien-do`` reads back."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.datavalidation import DataValidation

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.model.plan import Plan
from hanhchinh_docs.model.progress_merge import UNIT_LABEL
from hanhchinh_docs.model.report import Progress

HEADINGS = ("TT", "Mã", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
            "Tình trạng", "Kết quả")
_WIDTHS = (6, 10, 60, 24, 28, 22, 18, 50)
HEADER_ROW = 3
"""Row 1 holds the title; the progress reader looks for the headings in the first 10 rows."""


def progress_workbook(plan: Plan, unit: str | None = None) -> Workbook:
    """The sheet for ``plan``: title, the reporting unit, headings, one row per task (grouped plans add
    a "Nhóm" column). With ``unit``, only the tasks it leads or helps with, and its name filled in."""
    entries = [entry for entry in plan.task_entries() if unit is None or _involves(entry.task, unit)]
    grouped = any(entry.group is not None for entry in entries)
    headings = HEADINGS[:1] + (("Nhóm",) if grouped else ()) + HEADINGS[1:]
    widths = _WIDTHS[:1] + ((24,) if grouped else ()) + _WIDTHS[1:]
    book = Workbook()
    sheet = book.active
    sheet.title = "Tiến độ"
    sheet.cell(1, 1, f"BẢNG THEO DÕI TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ: {plan.subject.upper()}").font = Font(bold=True)
    sheet.cell(2, 1, UNIT_LABEL).font = Font(bold=True)
    if unit:
        sheet.cell(2, 3, unit)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, (heading, width) in enumerate(zip(headings, widths), start=1):
        cell = sheet.cell(HEADER_ROW, column, heading)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[cell.column_letter].width = width
    for offset, entry in enumerate(entries, start=1):
        task = entry.task
        values = [entry.position] + ([_group_name(entry)] if grouped else []) + [
            entry.key, task.content, "\n".join(task.lead_units), "\n".join(task.partner_units),
            task.schedule or "", "", ""]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(HEADER_ROW + offset, column, value)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
    status_column = sheet.cell(HEADER_ROW, headings.index("Tình trạng") + 1).column_letter
    choices = ",".join(p.label for p in Progress)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True,
                                errorTitle="Tình trạng", error=f"Chọn một trong: {choices}")
    last = HEADER_ROW + max(len(entries), 1)
    validation.add(f"{status_column}{HEADER_ROW + 1}:{status_column}{last}")
    sheet.add_data_validation(validation)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    return book


def _involves(task, unit: str) -> bool:
    return fold(unit, loose=True) in {fold(u, loose=True) for u in [*task.lead_units, *task.partner_units]}


def _group_name(entry) -> str:
    return entry.group.title if entry.group is not None else ""
