"""Kế hoạch: the plan document and its appendix tables of tasks."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from pydantic import Field, field_validator

from hanhchinh_docs.conventions.dates import PartialDate
from hanhchinh_docs.errors import Problem, SourceLocation
from hanhchinh_docs.model.common import (
    BodyItem, BodyNode, DocumentNumberValue, IssueDate, Issuer, Model, NonEmptyText, Signer, TextList,
)


class Task(Model):
    """One row of an appendix table (nhiệm vụ)."""

    id: str | None = Field(None, alias="ma")
    content: NonEmptyText = Field(alias="noi_dung")
    products: TextList = Field(default_factory=list, alias="san_pham")
    lead_units: TextList = Field(default_factory=list, alias="chu_tri")
    partner_units: TextList = Field(default_factory=list, alias="phoi_hop")
    schedule: str | None = Field(None, alias="thoi_gian")
    carried_from: int | None = Field(None, alias="chuyen_tiep_tu", ge=1900, le=2200)
    """Year of the plan this unfinished task was carried over from (set by ``rollover``)."""

    @field_validator("id")
    @classmethod
    def _id_chars(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_.\-]+", value):
            raise ValueError("task_id")
        return value


class Appendix(Model):
    """Phụ lục: a landscape section with a title and a task table."""

    title: NonEmptyText = Field(alias="ten")
    tasks: list[Task] = Field(default_factory=list, alias="nhiem_vu")


class Plan(Model):
    """Kế hoạch (type KH), laid out as ND30 Mẫu 1.4."""

    kind: Literal["ke_hoach"] = Field(alias="loai")
    year: int = Field(alias="nam", ge=1900, le=2200)
    issuer: Issuer = Field(alias="co_quan")
    number: DocumentNumberValue = Field(None, alias="so")
    place: NonEmptyText = Field(alias="dia_danh")
    issue_date: IssueDate = Field(default_factory=PartialDate, alias="ngay")
    subject: NonEmptyText = Field(alias="trich_yeu")
    addressees: TextList = Field(default_factory=list, alias="kinh_gui")
    opening: TextList = Field(default_factory=list, alias="mo_dau")
    body: list[BodyNode] = Field(default_factory=list, alias="noi_dung")
    signer: Signer = Field(alias="nguoi_ky")
    recipients: TextList = Field(default_factory=list, alias="noi_nhan")
    archive: TextList = Field(default_factory=lambda: ["VT"], alias="luu")
    appendices: list[Appendix] = Field(default_factory=list, alias="phu_luc")
    unplaced: TextList = Field(default_factory=list, alias="chua_xu_ly")
    """Paragraphs ``import`` could not place; kept so nothing is lost, never rendered."""

    def task_keys(self) -> list[tuple[str, int, int, Task]]:
        """Every task with the id reports use: its ``ma``, else its position (``"3"``, or ``"2.3"``
        in the second of several appendices); also the appendix and row index."""
        several = len(self.appendices) > 1
        out = []
        for a_index, appendix in enumerate(self.appendices):
            for t_index, task in enumerate(appendix.tasks):
                position = f"{a_index + 1}.{t_index + 1}" if several else str(t_index + 1)
                out.append((task.id or position, a_index, t_index, task))
        return out


MAX_NUMBERED_LEVELS = 3
"""ND30 numbers the body I. / 1. / a); deeper structure is written as "- " and "+ " paragraphs."""


def structure_problems(plan: Plan, locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    """What the schema cannot say: body depth and unique task ids."""
    problems: list[Problem] = []

    def walk(nodes: list, path: tuple, level: int) -> None:
        for index, node in enumerate(nodes):
            if isinstance(node, BodyItem):
                if level > MAX_NUMBERED_LEVELS:
                    problems.append(Problem(
                        "Nội dung chỉ đánh số tối đa 3 cấp (I., 1., a)); cấp sâu hơn hãy viết thành "
                        "đoạn văn bắt đầu bằng '- ' hoặc '+ '", locate(path + (index,))))
                    continue
                walk(node.children, path + (index, "noi_dung"), level + 1)

    walk(plan.body, ("noi_dung",), 1)
    problems.extend(archive_problems(plan.archive, locate))
    seen: dict[str, tuple] = {}
    for a_index, appendix in enumerate(plan.appendices):
        for t_index, task in enumerate(appendix.tasks):
            if task.id is None:
                continue
            path = ("phu_luc", a_index, "nhiem_vu", t_index, "ma")
            if task.id in seen:
                problems.append(Problem(
                    f"Mã nhiệm vụ '{task.id}' bị trùng; mỗi nhiệm vụ cần một mã riêng", locate(path)))
            seen[task.id] = path
    return problems


def archive_problems(archive: list[str], locate: Callable[[tuple], SourceLocation]) -> list[Problem]:
    """ND30 ô 9b: "Lưu: VT, <drafting unit>"; without the unit the document fails the check."""
    units = [a.strip() for a in archive if a.strip()]
    if len(units) >= 2 and units[0] == "VT":
        return []
    return [Problem(
        "Dòng 'Lưu' nên có 'VT' (văn thư) rồi đến tên viết tắt đơn vị soạn thảo, ví dụ luu: [VT, VP]",
        locate(("luu",)), severity="warning")]
