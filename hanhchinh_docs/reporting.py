"""Báo cáo định kỳ on a plan: which tasks were due, how far each got, what comes next.

Pure computation, so every number a report states can be tested without Word: a validated
``Report``, its ``Plan`` and the progress of each task go in; a ``ReportContent`` (texts, the
body tree, the appendix rows, warnings) comes out. ``render.context.report_context`` turns it
into the template context.

Which tasks a period covers is read from each task's "Thời gian thực hiện" text; a text that is
not understood is never guessed: the task is left out of the figures, listed, and warned about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Protocol

from babel.numbers import format_decimal, format_percent

from hanhchinh_docs.conventions.dates import PartialDate, short_date
from hanhchinh_docs.conventions.numbering import number_and_symbol
from hanhchinh_docs.conventions.periods import ReportingPeriod, next_period, parse_period
from hanhchinh_docs.conventions.schedule import Schedule, impossible_date, parse_schedule
from hanhchinh_docs.conventions.text import strip_item_punctuation
from hanhchinh_docs.errors import Problem, SourceLocation
from hanhchinh_docs.model.common import BodyItem, BodyNode, BodyTable, Issuer, Signer, Table
from hanhchinh_docs.model.plan import Plan, Task, TaskEntry, WorkItem, work_items
from hanhchinh_docs.model.report import NOT_REPORTED_LABEL, Progress, Report
from hanhchinh_docs.model.yaml_source import FieldPath, format_path
from hanhchinh_docs.conventions.abbreviations import PLAN_TYPE

LOCALE = "vi_VN"
PERCENT_FORMAT = "#,##0.#%"
"""One decimal at most, Vietnamese decimal comma: 6/7 -> "85,7%", 1 -> "100%"."""

NOT_DUE_LABEL = "Chưa đến kỳ thực hiện"
"""Status shown for a task not due in the period that nobody reported on."""

OVERDUE_LABEL = "Chưa báo cáo kết quả, đã quá thời hạn"
"""Status of a task whose time ended before the period and that nobody reported on."""

NO_EVENT_LABEL = "Chưa phát sinh trong kỳ"
"""Status of an event-driven task ("Khi có thiên tai") with nothing reported: the event did not occur."""

_GROUP_TITLES = {
    Progress.DONE: "Nhiệm vụ đã hoàn thành",
    Progress.IN_PROGRESS: "Nhiệm vụ đang thực hiện",
    Progress.NOT_STARTED: "Nhiệm vụ chưa thực hiện",
    None: "Nhiệm vụ chưa báo cáo kết quả",
    OVERDUE_LABEL: "Nhiệm vụ đã quá thời hạn nhưng chưa báo cáo kết quả",
}
"""Section I groups the counted tasks by status, in this order; ``None`` is "not reported" (due
in the period), ``OVERDUE_LABEL`` "not reported and its time has passed"."""

OTHER_TASKS_TITLE = "Các nhiệm vụ khác"
"""Reported tasks outside the figures: not due in the period, or with a time not understood."""


class TaskProgressLike(Protocol):
    """What the report needs of one task's progress (``TaskProgress`` or the loader's entry)."""

    status: Progress
    result: str


Locate = Callable[[FieldPath], SourceLocation]


def _field_only(path: FieldPath) -> SourceLocation:
    return SourceLocation(field=format_path(path) or None)


@dataclass(frozen=True)
class TaskStatus:
    """One plan task as the report sees it."""

    key: str
    position: str
    """TT in the report's appendix: the task's position in the plan ("3", "II.3", or "2.3"; a
    product row adds its number: "II.3.2")."""
    task: Task
    schedule: Schedule | None
    due: bool
    due_next: bool
    status: Progress | None
    result: str
    overdue: bool = False
    """Its time ended before the period began and it was not reported done: still owed."""
    plan_group: tuple[str, str] | None = None
    """(number, title) of the plan's task group ("II", "Cải cách thủ tục hành chính"), if grouped."""

    @property
    def counted(self) -> bool:
        """In the period's figures: due in the period, or overdue from an earlier one."""
        return self.due or self.overdue

    @property
    def group(self) -> Progress | str | None:
        """Key of ``_GROUP_TITLES``: the status, or not reported (``None``/``OVERDUE_LABEL``)."""
        if self.status is None and self.overdue:
            return OVERDUE_LABEL
        return self.status

    @property
    def unfinished(self) -> bool:
        """Counted in the period and not reported done: it stays a focus of the next period."""
        return self.counted and self.status is not Progress.DONE

    @property
    def next_focus(self) -> bool:
        """Listed under "Nhiệm vụ trọng tâm" of the next period: due then, or unfinished now."""
        return self.due_next or self.unfinished

    @property
    def status_label(self) -> str:
        if self.status is not None:
            return self.status.label
        if self.overdue:
            return OVERDUE_LABEL
        if self.schedule is not None and self.schedule.on_event:
            return NO_EVENT_LABEL
        return NOT_DUE_LABEL if self.schedule is not None and not self.due else NOT_REPORTED_LABEL


@dataclass(frozen=True)
class StatusCount:
    """How many due tasks have one status, and their share of the due tasks ("85,7%")."""

    label: str
    count: int
    percent: str


@dataclass(frozen=True)
class ReportContent:
    """Everything the report says, computed; the renderer only lays it out."""

    period: ReportingPeriod
    next_period: ReportingPeriod
    issuer: Issuer
    number: int | None
    place: str
    issue_date: PartialDate
    subject: str
    addressees: list[str]
    signer: Signer
    recipients: list[str]
    archive: list[str]
    plan_citation: str
    tasks: list[TaskStatus]
    counts: list[StatusCount]
    opening: list[str]
    body: list[BodyNode]
    appendix_title: str
    warnings: list[Problem] = field(default_factory=list)

    @property
    def due_tasks(self) -> list[TaskStatus]:
        return [t for t in self.tasks if t.due]

    @property
    def overdue_tasks(self) -> list[TaskStatus]:
        return [t for t in self.tasks if t.overdue]

    @property
    def next_tasks(self) -> list[TaskStatus]:
        """Focus of the next period: its due tasks plus this period's unfinished ones, in plan order."""
        return [t for t in self.tasks if t.next_focus]


@lru_cache(maxsize=4096)
def number_text(value: int) -> str:
    """``number_text(1234)`` -> ``"1.234"`` (kept per process: babel formats slowly, a batch repeats)."""
    return format_decimal(value, locale=LOCALE)


@lru_cache(maxsize=4096)
def percent_text(part: int, whole: int) -> str:
    """``percent_text(6, 7)`` -> ``"85,7%"``."""
    return format_percent(part / whole, format=PERCENT_FORMAT, locale=LOCALE)


def plan_citation(plan: Plan) -> str:
    """``Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường``."""
    type_name, type_abbreviation = PLAN_TYPE
    number = number_and_symbol(plan.number, type_abbreviation, plan.issuer.abbreviation)
    return f"{type_name} số {number} ngày {short_date(plan.issue_date)} của {plan.issuer.name_in_text}"


def lower_first(text: str) -> str:
    """A plan subject read inside a sentence ("về tuyên truyền ..."); an acronym (PCI) keeps its case."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def default_subject(plan: Plan, period: ReportingPeriod) -> str:
    """``Kết quả thực hiện Kế hoạch <plan subject> quý I năm 2024``.

    A plan subject that already ends with the period's year ("... năm 2024") loses it, so the
    title does not read "... năm 2024 quý I năm 2024".
    """
    subject = re.sub(rf"\s+năm\s+{period.year}\s*$", "", plan.subject, flags=re.IGNORECASE)
    return f"Kết quả thực hiện {PLAN_TYPE[0]} {lower_first(subject)} {period.label}"


def _sentence(text: str) -> str:
    text = re.sub(r"[\s;,:]+$", "", text.strip())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _bullet(text: str) -> str:
    return f"- {_sentence(strip_item_punctuation(text))}"


def _task_head(task: Task, notes: list[str]) -> str:
    """``<task> (<lead unit> chủ trì; <notes>)``: how the body names a task."""
    lead = ", ".join(strip_item_punctuation(unit) for unit in task.lead_units if unit.strip())
    notes = ([f"{lead} chủ trì"] if lead else []) + notes
    return strip_item_punctuation(task.content) + (f" ({'; '.join(notes)})" if notes else "")


def _result_line(item: TaskStatus, with_status: bool) -> str:
    """``- <task> (<lead unit> chủ trì): <result>``; an overdue task also says when it was due."""
    notes = [item.status_label.lower()] if with_status else []
    if item.overdue and item.task.schedule:
        notes.append(f"thời gian: {item.task.schedule}")
    head = _task_head(item.task, notes)
    return f"- {head}: {_sentence(item.result)}" if item.result.strip() else f"- {_sentence(head)}"


def _next_line(item: TaskStatus, period: ReportingPeriod) -> str:
    """``- <task> (<lead unit> chủ trì; thời gian: <schedule>)``, saying why a task carries over."""
    notes = [f"thời gian: {item.task.schedule}"] if item.task.schedule else []
    if item.overdue:
        notes.append("đã quá thời hạn, chưa hoàn thành")
    elif item.unfinished and not item.due_next:
        notes.append(f"chưa hoàn thành trong {period.label}")
    return f"- {_sentence(_task_head(item.task, notes))}"


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def _plan_group(plan: Plan, entry: TaskEntry) -> tuple[str, str] | None:
    if entry.group is None:
        return None
    return plan.appendices[entry.appendix_index].group_number(entry.group_index), entry.group.title


_schedule = lru_cache(maxsize=8192)(parse_schedule)
"""``parse_schedule`` once per text and year in a process: every report of a batch reads the same plan."""


def _task_statuses(plan: Plan, items: list[WorkItem], period: ReportingPeriod, following: ReportingPeriod,
                   progress: Mapping[str, TaskProgressLike]) -> list[TaskStatus]:
    period_start = date(period.year, period.first_month, 1)
    out = []
    for item in items:
        key, task, plan_entry = item.key, item.task, item.entry
        schedule = _schedule(task.schedule, plan.year) if task.schedule else None
        entry = progress.get(key) or progress.get(plan_entry.key)
        status = entry.status if entry else None
        due = schedule is not None and schedule.is_due_in(period.year, period.months)
        if schedule is not None and schedule.on_event and status is None:
            due = False  # the event did not occur in the period: nothing to count or to chase
        overdue = (not due and schedule is not None and schedule.deadline is not None
                   and schedule.deadline < period_start and status is not Progress.DONE)
        out.append(TaskStatus(
            key=key,
            position=item.position,
            task=task,
            schedule=schedule,
            due=due,
            due_next=schedule is not None and schedule.is_due_in(following.year, following.months),
            status=status,
            result=entry.result if entry else "",
            overdue=overdue,
            plan_group=_plan_group(plan, plan_entry),
        ))
    return out


def _schedule_warnings(plan: Plan, items: list[WorkItem], tasks: list[TaskStatus], period: ReportingPeriod,
                       locate: Locate) -> list[Problem]:
    places = {item.key: item.path for item in items}
    problems = []
    for item in tasks:
        if item.schedule is not None:
            continue
        what = (f"Không hiểu thời gian thực hiện '{item.task.schedule}'" if item.task.schedule
                else "Không ghi thời gian thực hiện ('thoi_gian')")
        bad_date = impossible_date(item.task.schedule, plan.year) if item.task.schedule else None
        if bad_date:
            what = f"Thời gian thực hiện '{item.task.schedule}' ghi {bad_date}"
        problems.append(Problem(
            f"{what} của nhiệm vụ '{item.key}', nên không biết nhiệm vụ có đến kỳ trong {period.label} "
            "hay không; nhiệm vụ vẫn được liệt kê nhưng không tính vào số liệu. Hãy ghi theo dạng "
            "'Thường xuyên trong năm', 'Quý II, IV', 'Tháng 3/2024', 'Trước ngày 30/9/2024', "
            "'Khi có yêu cầu'",
            locate(places[item.key] + ("thoi_gian",)), severity="warning"))
    return problems


def status_counts(counted: list[TaskStatus]) -> list[StatusCount]:
    """Counts by status among the counted tasks, in report order, leaving out statuses nobody has."""
    counts = []
    for group in _GROUP_TITLES:
        count = sum(1 for t in counted if t.group == group)
        if count:
            label = group.label if isinstance(group, Progress) else group or NOT_REPORTED_LABEL
            counts.append(StatusCount(label, count, percent_text(count, len(counted))))
    return counts


def _summary(tasks: list[TaskStatus], counts: list[StatusCount], period: ReportingPeriod) -> list[str]:
    counted = [t for t in tasks if t.counted]
    overdue = sum(1 for t in counted if t.overdue)
    first = f"Kế hoạch có {number_text(len(tasks))} nhiệm vụ; "
    if not counted:
        first += f"trong {period.label} không có nhiệm vụ nào đến kỳ thực hiện."
    else:
        parts = [f"{number_text(c.count)} nhiệm vụ {c.label[:1].lower() + c.label[1:]} ({c.percent})"
                 for c in counts]
        due = len(counted) - overdue
        if not overdue:
            first += f"trong {period.label} có {number_text(due)} nhiệm vụ đến kỳ thực hiện, trong đó: "
        else:
            first += f"trong {period.label} " + (
                f"có {number_text(due)} nhiệm vụ đến kỳ thực hiện và " if due
                else "không có nhiệm vụ nào đến kỳ thực hiện, có ")
            first += (f"{number_text(overdue)} nhiệm vụ đã quá thời hạn từ kỳ trước nhưng chưa hoàn thành; "
                      f"trong {number_text(len(counted))} nhiệm vụ này: ")
        first += f"{', '.join(parts)}. Kết quả từng nhiệm vụ tại Phụ lục kèm theo."
    paragraphs = [first]
    unknown = sum(1 for t in tasks if t.schedule is None)
    if unknown:
        paragraphs.append(f"Có {number_text(unknown)} nhiệm vụ chưa xác định được thời gian thực hiện "
                          "nên chưa tính vào số liệu trên.")
    return paragraphs


GROUP_TABLE_INTRO = "Kết quả theo từng nhóm nhiệm vụ của Kế hoạch:"
_GROUP_TABLE_COLUMNS = [
    ("TT", 10), ("Nhóm nhiệm vụ", 45), ("Tính trong kỳ", 16), ("Hoàn thành", 19), ("Đang thực hiện", 19),
    ("Chưa thực hiện", 19), ("Chưa báo cáo", 18), ("Quá hạn, chưa báo cáo", 19)]
_COUNTED_STATUSES = (Progress.DONE, Progress.IN_PROGRESS, Progress.NOT_STARTED, None, OVERDUE_LABEL)


def _count_cell(count: int, whole: int) -> str:
    return f"{number_text(count)}\n({percent_text(count, whole)})" if count else "0"


def group_table(tasks: list[TaskStatus]) -> BodyTable | None:
    """Counts and percentages of the counted tasks per task group of the plan, and in total; None
    when the plan has no groups. "Chưa báo cáo" and "Quá hạn, chưa báo cáo" show, per group, what
    is still owed."""
    groups = list(dict.fromkeys(t.plan_group for t in tasks if t.plan_group is not None))
    if not groups:
        return None
    rows = []
    for number, title in [*groups, ("", "Tổng cộng")]:
        counted = [t for t in tasks if t.counted and (t.plan_group == (number, title) or not number)]
        rows.append([number, title, number_text(len(counted)),
                     *(_count_cell(sum(1 for t in counted if t.group == status), len(counted))
                       for status in _COUNTED_STATUSES)])
    return BodyTable(bang=Table(cot=[{"ten": h, "rong": w} for h, w in _GROUP_TABLE_COLUMNS], dong=rows))


def _result_groups(tasks: list[TaskStatus]) -> list[BodyItem]:
    groups = []
    for group, title in _GROUP_TITLES.items():
        lines = [_result_line(t, with_status=False) for t in tasks if t.counted and t.group == group]
        if lines:
            groups.append(BodyItem(title=title, children=lines))
    others = [_result_line(t, with_status=True) for t in tasks if not t.counted and t.status is not None]
    if others:
        groups.append(BodyItem(title=OTHER_TASKS_TITLE, children=others))
    return groups


def _body(report: Report, tasks: list[TaskStatus], counts: list[StatusCount], period: ReportingPeriod,
          following: ReportingPeriod, issuer_name: str) -> list[BodyNode]:
    """Sections I-IV and the closing; a section with nothing to say is left out (II, IV) or says so (III)."""
    by_group = group_table(tasks)
    body: list[BodyNode] = [BodyItem(title="Kết quả thực hiện", children=[
        *_summary(tasks, counts, period), *([GROUP_TABLE_INTRO, by_group] if by_group else []),
        *_result_groups(tasks)])]
    if report.shortcomings:
        body.append(BodyItem(title="Tồn tại, hạn chế", children=[_bullet(s) for s in report.shortcomings]))
    next_lines = [_next_line(t, period) for t in tasks if t.next_focus]
    body.append(BodyItem(title=f"Nhiệm vụ trọng tâm {following.label}", children=next_lines or [
        f"Kế hoạch không còn nhiệm vụ nào phải thực hiện trong {following.label}."]))
    if report.recommendations:
        body.append(BodyItem(title="Đề xuất, kiến nghị", children=[_bullet(r) for r in report.recommendations]))
    closing = f"Trên đây là báo cáo kết quả thực hiện {PLAN_TYPE[0]} trong {period.label} của {issuer_name}"
    if report.addressees:
        closing += f", kính báo cáo {_and_list([strip_item_punctuation(a) for a in report.addressees])}"
    body.append(closing + ".")
    return body


def _citation_warnings(plan: Plan, locate: Locate) -> list[Problem]:
    """The report cites the plan by number and date: blanks there mean the plan file lacks them."""
    missing = []
    if plan.number is None:
        missing.append(("so", "số ('so', ví dụ so: 5)"))
    if plan.issue_date.as_date() is None:
        missing.append(("ngay", "ngày ban hành đầy đủ ('ngay', ví dụ ngay: 2024-01-05)"))
    if not missing:
        return []
    return [Problem(
        f"Kế hoạch được trích dẫn chưa có {' và '.join(what for _, what in missing)}, nên báo cáo ghi "
        f"'{plan_citation(plan)}' với chỗ trống. Hãy ghi số và ngày của kế hoạch đã ban hành vào tệp kế hoạch",
        locate((missing[0][0],)), severity="warning")]


def compute_report(report: Report, plan: Plan, progress: Mapping[str, TaskProgressLike], *,
                   plan_locate: Locate = _field_only, report_locate: Locate = _field_only) -> ReportContent:
    """The report's content; ``*_locate`` place the warnings in the YAML files (the loader's sources)."""
    year = report.year or plan.year
    period = parse_period(report.period_code, year)
    following = next_period(period)
    issuer = report.issuer or plan.issuer
    issuer_name = issuer.name_in_text
    items = work_items(plan)
    tasks = _task_statuses(plan, items, period, following, progress)
    counts = status_counts([t for t in tasks if t.counted])
    warnings = _schedule_warnings(plan, items, tasks, period, plan_locate)
    late = [t.key for t in tasks if t.overdue and t.status is None]
    if late:
        warnings.append(Problem(
            f"{len(late)} nhiệm vụ đã quá thời hạn thực hiện trước {period.label} mà chưa có kết quả, sẽ ghi "
            f"'{OVERDUE_LABEL}' và đưa vào nhiệm vụ trọng tâm kỳ tới: {', '.join(late)}. Nếu đã làm, "
            "hãy bổ sung kết quả vào 'ket_qua' hoặc bảng tiến độ",
            report_locate(("ket_qua",)), severity="warning"))
    warnings.extend(_citation_warnings(plan, plan_locate))
    missing = [t.key for t in tasks if t.due and t.status is None]
    if missing:
        warnings.append(Problem(
            f"{len(missing)} nhiệm vụ đến kỳ trong {period.label} chưa có kết quả, sẽ ghi "
            f"'{NOT_REPORTED_LABEL}': {', '.join(missing)}. Hãy bổ sung vào 'ket_qua' hoặc bảng tiến độ",
            report_locate(("ket_qua",)), severity="warning"))
    citation = plan_citation(plan)
    opening = list(report.opening) or [
        f"Thực hiện {citation} về {lower_first(plan.subject)}, {issuer_name} báo cáo kết quả thực hiện "
        f"trong {period.label} như sau:"]
    opening.append(f"Số liệu báo cáo tính {period.cutoff_text()}.")
    return ReportContent(
        period=period,
        next_period=following,
        issuer=issuer,
        number=report.number,
        place=report.place or plan.place,
        issue_date=report.issue_date,
        subject=report.subject or default_subject(plan, period),
        addressees=list(report.addressees),
        signer=report.signer or plan.signer,
        recipients=list(report.recipients),
        archive=list(report.archive or plan.archive),
        plan_citation=citation,
        tasks=tasks,
        counts=counts,
        opening=opening,
        body=_body(report, tasks, counts, period, following, issuer_name),
        appendix_title=f"KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾ HOẠCH {period.label.upper()}",
        warnings=warnings,
    )
