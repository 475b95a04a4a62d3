"""Kế hoạch: the plan document and its appendix tables of tasks."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator, model_validator

from hanhchinh_docs.conventions.numbering import roman
from hanhchinh_docs.errors import Problem, SourceLocation
from hanhchinh_docs.model.common import (
    BodyItem, BodyNode, BodyTable, CellText, Model, NonEmptyText, TableColumn, TextList, Year, _as_list,
)
from hanhchinh_docs.model.document import DocumentBase


STANDARD_TASK_COLUMNS: dict[str, tuple[str, float]] = {
    "tt": ("TT", 12),
    "noi_dung": ("Nội dung công việc", 80),
    "san_pham": ("Sản phẩm", 62),
    "chu_tri": ("Đơn vị chủ trì", 32),
    "phoi_hop": ("Đơn vị phối hợp", 34),
    "thoi_gian": ("Thời gian thực hiện", 37),
}
"""Key -> (default heading, default width in mm) of a task table; also the default columns, in order."""


def _extra_keys(columns: list) -> set[str]:
    keys = {c.get("khoa") for c in columns if isinstance(c, dict)} | {c for c in columns if isinstance(c, str)}
    return {k for k in keys if isinstance(k, str) and k not in STANDARD_TASK_COLUMNS}


def _gather_extra(row: Any, extra: set[str]) -> Any:
    """Move a task's (or product's) values for the office's own columns under ``cot_khac``.

    Only keys declared in the appendix's ``cot`` move, so a misspelt standard key is still an
    unknown field ("Có phải ý bạn là 'chu_tri'?").
    """
    if not isinstance(row, dict):
        return row
    kept = {k: v for k, v in row.items() if k not in extra}
    moved = {k: v for k, v in row.items() if k in extra}
    if moved:
        kept["cot_khac"] = {**(kept.get("cot_khac") or {}), **moved}
    if isinstance(kept.get("san_pham"), list):
        kept["san_pham"] = [_gather_extra(item, extra) for item in kept["san_pham"]]
    return kept


_ATTACHED_PREFIX = re.compile(r"^\(?\s*(?:ban\s+hành\s+)?kèm\s+theo\s*", re.IGNORECASE)


class Product(Model):
    """One product of a task with its own deadline and units: printed as a row with a blank TT."""

    name: str | None = Field(None, alias="san_pham")
    """Blank when the table has no product column and the row only gives a deadline or units."""
    content: str | None = Field(None, alias="noi_dung")
    """Text for the task column of this row, when the office writes one (usually blank)."""
    schedule: str | None = Field(None, alias="thoi_gian")
    lead_units: TextList = Field(default_factory=list, alias="chu_tri")
    partner_units: TextList = Field(default_factory=list, alias="phoi_hop")
    extra: dict[str, TextList] = Field(default_factory=dict, alias="cot_khac")


def _product_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "row"


ProductEntry = Annotated[
    Union[Annotated[str, Tag("text")], Annotated[Product, Tag("row")]], Discriminator(_product_kind)]


class Task(Model):
    """One row of an appendix table (nhiệm vụ); with product rows (``san_pham`` as mappings),
    the first product shares the task's row and each further one gets a row of its own."""

    id: str | None = Field(None, alias="ma")
    content: NonEmptyText = Field(alias="noi_dung")
    products: Annotated[list[ProductEntry], BeforeValidator(_as_list)] = Field(
        default_factory=list, alias="san_pham")
    lead_units: TextList = Field(default_factory=list, alias="chu_tri")
    partner_units: TextList = Field(default_factory=list, alias="phoi_hop")
    schedule: str | None = Field(None, alias="thoi_gian")
    carried_from: Year | None = Field(None, alias="chuyen_tiep_tu", ge=1900, le=2200)
    """Year of the plan this unfinished task was carried over from (set by ``rollover``)."""
    extra: dict[str, TextList] = Field(default_factory=dict, alias="cot_khac")
    """Values of the office's own columns (``theo_doi: ...``), keyed by the column's ``khoa``."""

    @field_validator("id")
    @classmethod
    def _id_chars(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_.\-]+", value):
            raise ValueError("task_id")
        return value

    @property
    def product_rows(self) -> list[Product]:
        """The products as rows when any has its own deadline or units, else ``[]`` (one cell of lines)."""
        if not any(isinstance(p, Product) for p in self.products):
            return []
        return [p if isinstance(p, Product) else Product(san_pham=p) for p in self.products]

    @property
    def product_names(self) -> list[str]:
        return [name for p in self.products if (name := p.name if isinstance(p, Product) else p)]


class TaskGroup(Model):
    """Nhóm nhiệm vụ: a row spanning the table ("I. Cải cách thể chế") over its tasks."""

    title: NonEmptyText = Field(alias="ten")
    number: str | None = Field(None, alias="so")
    """The group's own number as printed (``VIII``); by default I, II, III … by position."""
    tasks: list[Task] = Field(default_factory=list, alias="nhiem_vu")


class Appendix(Model):
    """Phụ lục: a landscape section with a title and a task table (``loai: nhiem_vu``, the default),
    or any table of the office's own (``loai: bang`` with ``cot`` and ``dong``)."""

    kind: Literal["nhiem_vu", "bang"] = Field("nhiem_vu", alias="loai")
    title: NonEmptyText = Field(alias="ten")
    attached_to: str | None = Field(None, alias="kem_theo")
    """The document the appendix is attached to, replacing the generated one in its "(Kèm theo …)"
    line: "Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh". A leading "(Ban hành) kèm theo"
    and the brackets are dropped, so an imported line can be given as it was."""
    numbering: Literal["theo_nhom", "lien_tuc"] = Field("theo_nhom", alias="danh_so")
    column_numbers: bool = Field(False, alias="danh_so_cot")
    """A row "(1) (2) (3) …" under the headings, as many offices print (repeated with them)."""
    columns: list[TableColumn] = Field(default_factory=list, alias="cot")
    tasks: list[Task] = Field(default_factory=list, alias="nhiem_vu")
    groups: list[TaskGroup] = Field(default_factory=list, alias="nhom")
    rows: list[list[CellText]] = Field(default_factory=list, alias="dong")

    @field_validator("attached_to")
    @classmethod
    def _reference_only(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = _ATTACHED_PREFIX.sub("", value.strip()).rstrip(")").strip()
        return value or None

    @model_validator(mode="before")
    @classmethod
    def _prepare(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        columns = data.get("cot")
        if not isinstance(columns, list):
            return data
        data = dict(data)
        if data.get("loai") == "bang":
            data["cot"] = [{"ten": str(c)} if isinstance(c, (str, int, float)) and not isinstance(c, bool) else c
                           for c in columns]
            return data
        data["cot"] = [{"khoa": c} if isinstance(c, str) else c for c in columns]
        extra = _extra_keys(columns)
        if extra:
            if isinstance(data.get("nhiem_vu"), list):
                data["nhiem_vu"] = [_gather_extra(t, extra) for t in data["nhiem_vu"]]
            if isinstance(data.get("nhom"), list):
                data["nhom"] = [
                    {**g, "nhiem_vu": [_gather_extra(t, extra) for t in g["nhiem_vu"]]}
                    if isinstance(g, dict) and isinstance(g.get("nhiem_vu"), list) else g
                    for g in data["nhom"]]
        return data

    def task_columns(self) -> list[TableColumn]:
        """The columns of a task table, in order, with every heading and width filled in."""
        chosen = self.columns or [TableColumn(khoa=k) for k in STANDARD_TASK_COLUMNS]
        out = []
        for column in chosen:
            heading, width = STANDARD_TASK_COLUMNS.get(column.key or "", ("", 30))
            out.append(TableColumn(khoa=column.key, ten=column.heading or heading, rong=column.width or width))
        return out

    def group_number(self, index: int) -> str:
        group = self.groups[index]
        return group.number or roman(index + 1)

    def sections(self) -> list[tuple[int | None, TaskGroup | None, list[Task]]]:
        """The tasks in print order: ``(group index, group, tasks)``, one ``(None, None, tasks)`` when flat."""
        if self.groups:
            return [(g_index, group, group.tasks) for g_index, group in enumerate(self.groups)]
        return [(None, None, self.tasks)]


@dataclass(frozen=True)
class TaskEntry:
    """A task with where it is: the key reports use, its printed number and its YAML path."""

    key: str
    """Its ``ma``, else its position (see ``position``)."""
    position: str
    """Unique position: the printed number ("3"), prefixed by the group ("II.3") when numbering
    restarts in each group, and by the appendix's number ("2.3") when the plan has several task
    appendices."""
    number: str
    """TT as printed in the table."""
    appendix_index: int
    group_index: int | None
    group: TaskGroup | None
    path: tuple
    """YAML path of the task's mapping, e.g. ``("phu_luc", 0, "nhom", 1, "nhiem_vu", 2)``."""
    task: Task


@dataclass(frozen=True)
class WorkItem:
    """What a report follows: a task, or each product row of a task that has them (each row has
    its own deadline). A product row's key is the task's key and its row number: ``NV05.2``."""

    key: str
    position: str
    path: tuple
    """YAML path of the task's mapping, or of the product's (``… "san_pham", 1``)."""
    task: Task
    """For a product row, the task as that row reads: content with the product, the row's own
    deadline and units, else the task's."""
    entry: TaskEntry


class Plan(DocumentBase):
    """Kế hoạch (type KH), laid out as ND30 Mẫu 1.4; the shared fields come from ``DocumentBase``."""

    kind: Literal["ke_hoach"] = Field(alias="loai")
    year: Year = Field(alias="nam", ge=1900, le=2200)
    subject: NonEmptyText = Field(alias="trich_yeu")
    opening: TextList = Field(default_factory=list, alias="mo_dau")
    body: list[BodyNode] = Field(default_factory=list, alias="noi_dung")
    appendices: list[Appendix] = Field(default_factory=list, alias="phu_luc")
    unplaced: TextList = Field(default_factory=list, alias="chua_xu_ly")
    """Paragraphs ``import`` could not place; kept so nothing is lost, never rendered."""

    def task_entries(self) -> list[TaskEntry]:
        """Every task of the task appendices in print order, with its key, number and place."""
        several = sum(1 for a in self.appendices if a.kind == "nhiem_vu") > 1
        out = []
        for a_index, appendix in enumerate(self.appendices):
            running = 0
            for g_index, group, tasks in appendix.sections():
                per_group = group is not None and appendix.numbering == "theo_nhom"
                group_number = appendix.group_number(g_index) if per_group else ""
                for t_index, task in enumerate(tasks):
                    running += 1
                    number = str(t_index + 1) if per_group else str(running)
                    position = f"{group_number}.{number}" if per_group else number
                    position = f"{a_index + 1}.{position}" if several else position
                    path = ("phu_luc", a_index) + (("nhom", g_index) if group is not None else ()) \
                        + ("nhiem_vu", t_index)
                    out.append(TaskEntry(task.id or position, position, number, a_index, g_index, group,
                                         path, task))
        return out


def _product_work(entry: TaskEntry, index: int, product: Product) -> WorkItem:
    task = entry.task
    suffix = f".{index + 1}"
    as_task = Task(
        noi_dung=f"{task.content} ({product.name})" if product.name else task.content,
        chu_tri=product.lead_units or task.lead_units, phoi_hop=product.partner_units or task.partner_units,
        thoi_gian=product.schedule or task.schedule, chuyen_tiep_tu=task.carried_from)
    return WorkItem(entry.key + suffix, entry.position + suffix, entry.path + ("san_pham", index), as_task, entry)


def work_items(plan: Plan) -> list[WorkItem]:
    """Every task, or every product row of a task that has them, in print order."""
    out = []
    for entry in plan.task_entries():
        rows = entry.task.product_rows
        if rows:
            out.extend(_product_work(entry, index, product) for index, product in enumerate(rows))
        else:
            out.append(WorkItem(entry.key, entry.position, entry.path, entry.task, entry))
    return out


MAX_NUMBERED_LEVELS = 3
"""ND30 numbers the body I. / 1. / a); deeper structure is written as "- " and "+ " paragraphs."""


def structure_problems(plan: Plan, locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    """What the schema cannot say: body depth, table shapes, appendix kinds and unique task ids."""
    problems: list[Problem] = []

    def walk(nodes: list, path: tuple, level: int) -> None:
        for index, node in enumerate(nodes):
            if isinstance(node, BodyTable):
                problems.extend(_row_problems(node.table.columns, node.table.rows, path + (index, "bang"), locate))
            elif isinstance(node, BodyItem):
                if level > MAX_NUMBERED_LEVELS:
                    problems.append(Problem(
                        "Nội dung chỉ đánh số tối đa 3 cấp (I., 1., a)); cấp sâu hơn hãy viết thành "
                        "đoạn văn bắt đầu bằng '- ' hoặc '+ '", locate(path + (index,))))
                    continue
                walk(node.children, path + (index, "noi_dung"), level + 1)

    walk(plan.body, ("noi_dung",), 1)
    problems.extend(archive_problems(plan.archive, locate))
    for a_index, appendix in enumerate(plan.appendices):
        problems.extend(_appendix_problems(appendix, ("phu_luc", a_index), locate))
    seen: dict[str, tuple] = {}
    for entry in plan.task_entries():
        if entry.task.id is None:
            continue
        path = entry.path + ("ma",)
        if entry.task.id in seen:
            problems.append(Problem(
                f"Mã nhiệm vụ '{entry.task.id}' bị trùng; mỗi nhiệm vụ cần một mã riêng", locate(path)))
        seen[entry.task.id] = path
    return problems


def _row_problems(columns: list[TableColumn], rows: list[list[str]], path: tuple,
                  locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    problems = []
    for index, column in enumerate(columns):
        if column.heading is None:  # an explicit "" is a blank heading cell, as real tables have
            problems.append(Problem("Cột của bảng cần tiêu đề 'ten' (ô tiêu đề để trống thì ghi ten: \"\")",
                                    locate(path + ("cot", index))))
    for index, row in enumerate(rows):
        if len(row) != len(columns):
            problems.append(Problem(
                f"Dòng {index + 1} của bảng có {len(row)} ô nhưng bảng có {len(columns)} cột; mỗi dòng cần "
                f"đúng {len(columns)} ô (ô trống viết \"\")", locate(path + ("dong", index))))
    return problems


def _appendix_problems(appendix: Appendix, path: tuple, locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    """A table appendix has ``cot`` and ``dong`` only; a task appendix ``nhiem_vu`` or ``nhom``, not both."""
    if appendix.kind == "bang":
        wrong = [key for key, value in (("nhiem_vu", appendix.tasks), ("nhom", appendix.groups)) if value]
        problems = [Problem(
            f"Phụ lục dạng bảng (loai: bang) không dùng '{key}'; hãy ghi từng dòng của bảng trong 'dong'",
            locate(path + (key,))) for key in wrong]
        if not appendix.columns:
            problems.append(Problem("Phụ lục dạng bảng (loai: bang) cần danh sách cột 'cot'", locate(path)))
        return problems + _row_problems(appendix.columns, appendix.rows, path, locate)
    problems = []
    if appendix.rows:
        problems.append(Problem(
            "'dong' chỉ dùng cho phụ lục dạng bảng; hãy thêm 'loai: bang' hoặc ghi các nhiệm vụ trong 'nhiem_vu'",
            locate(path + ("dong",))))
    if appendix.tasks and appendix.groups:
        problems.append(Problem(
            "Phụ lục có cả 'nhiem_vu' và 'nhom'; khi chia nhóm, hãy đưa mọi nhiệm vụ vào 'nhiem_vu' của từng nhóm",
            locate(path + ("nhiem_vu",))))
    keys: set[str] = set()
    for index, column in enumerate(appendix.columns):
        where = locate(path + ("cot", index))
        if column.key is None:
            problems.append(Problem(
                "Mỗi cột của bảng nhiệm vụ cần 'khoa': một trong " + ", ".join(STANDARD_TASK_COLUMNS)
                + " hoặc một khóa riêng (ví dụ theo_doi) kèm 'ten'", where))
            continue
        if column.key in keys:
            problems.append(Problem(f"Cột '{column.key}' được khai báo hai lần", where))
        keys.add(column.key)
        if column.key not in STANDARD_TASK_COLUMNS and not column.heading:
            close = difflib.get_close_matches(column.key, list(STANDARD_TASK_COLUMNS), n=1)
            hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
            problems.append(Problem(
                f"Cột riêng '{column.key}' cần tiêu đề 'ten' (ví dụ ten: \"Theo dõi, kiểm tra, đôn đốc\").{hint}",
                where))
    return problems


def archive_problems(archive: list[str], locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    """ND30 ô 9b: "Lưu: VT, <drafting unit>"; without the unit the document fails the check."""
    units = [a.strip() for a in archive if a.strip()]
    if len(units) >= 2 and units[0] == "VT":
        return []
    return [Problem(
        "Dòng 'Lưu' nên có 'VT' (văn thư) rồi đến tên viết tắt đơn vị soạn thảo, ví dụ luu: [VT, VP]",
        locate(("luu",)), severity="warning")]
