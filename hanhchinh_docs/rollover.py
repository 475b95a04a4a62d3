"""Roll a plan over to the next year: the same YAML file, a new ``nam``, a draft again.

The plan is the user's own file, with their comments and key order, so it is edited in place
with ruamel.yaml's round-trip mode rather than loaded and dumped again: the new file reads as if
the clerk had changed it by hand. Texts written with ``{{ nam }}`` follow the new year by
themselves; a year typed as digits is never rewritten silently. Each one is sorted into:

- plain mentions ("năm 2024", "NĂM 2024"), which ``replace_years`` changes;
- years inside a citation of another document (its number, date or title: "Kế hoạch số
  08/KH-UBND ngày 08/01/2024 ... năm 2024", "Luật Đất đai năm 2024"), dates, and bare years,
  which are listed for review and never changed;
- ranges ("2021-2030", "2022 - 2025", "2021 - năm 2024"), which are left alone and not listed.

``conventions.years`` sorts them, the same way for the lint and the import.
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from hanhchinh_docs.conventions.years import YearRole, year_mentions
from hanhchinh_docs.errors import HanhChinhError, InvalidDataError, Problem, SourceLocation
from hanhchinh_docs.model.loader import (
    LoadedReport, replace_at, walk_strings, load_plan, load_report, raise_if_errors, validate_source, year_variable,
)
from hanhchinh_docs.model.plan import Plan, work_items
from hanhchinh_docs.model.report import NOT_REPORTED_LABEL, Progress
from hanhchinh_docs.model.yaml_source import FieldPath, YamlSource, parse_yaml

CARRIED_KEY = "chuyen_tiep_tu"
ANNUAL_PERIOD = "nam"


class NoteKind(enum.Enum):
    """What a change or a review item is about; the value is a short code for scripts and tests."""

    YEAR_SET = "nam"
    NUMBER_CLEARED = "so"
    DATE_CLEARED = "ngay"
    YEAR_REPLACED = "thay_nam"
    CARRIED_OVER = "chuyen_tiep"
    PLAIN_YEAR = "nam_ghi_so"
    CITATION = "trich_dan"
    DATE = "ngay_thang"
    BARE_YEAR = "so_nam"
    COMMENT = "chu_thich"
    OLD_CARRY_MARK = "dau_chuyen_tiep_cu"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    NoteKind.YEAR_SET: "năm của kế hoạch",
    NoteKind.NUMBER_CLEARED: "số văn bản",
    NoteKind.DATE_CLEARED: "ngày ban hành",
    NoteKind.YEAR_REPLACED: "năm đã thay",
    NoteKind.CARRIED_OVER: "nhiệm vụ chuyển tiếp",
    NoteKind.PLAIN_YEAR: "năm ghi bằng số",
    NoteKind.CITATION: "trích dẫn văn bản",
    NoteKind.DATE: "ngày tháng",
    NoteKind.BARE_YEAR: "số năm đứng riêng",
    NoteKind.COMMENT: "chú thích",
    NoteKind.OLD_CARRY_MARK: "dấu chuyển tiếp cũ",
}


@dataclass(frozen=True)
class RolloverNote:
    """One change made, or one place to review, located in the new file (line and field)."""

    kind: NoteKind
    message: str
    location: SourceLocation

    def __str__(self) -> str:
        where = self.location.describe()
        return f"{where}: {self.message}" if where else self.message


@dataclass
class RolloverResult:
    """The new plan's YAML text and what the user should know about it."""

    yaml_text: str
    old_year: int
    new_year: int
    changes: list[RolloverNote] = field(default_factory=list)
    review: list[RolloverNote] = field(default_factory=list)
    carried_over: list[str] = field(default_factory=list)
    """Keys (``ma`` or position) of the tasks marked ``chuyen_tiep_tu``."""
    done: list[str] = field(default_factory=list)
    """Keys of the tasks the year-end report gives as done; they stay as they were."""
    template_texts: int = 0
    """How many texts use ``{{ nam }}`` and so follow the new year by themselves."""
    warnings: list[Problem] = field(default_factory=list)

    def summary_text(self) -> str:
        """What changed and what to review, in a few Vietnamese lines."""
        lines = [f"Đã chuyển kế hoạch năm {self.old_year} sang năm {self.new_year} (bản nháp):"]
        lines += [f"  - {note}" for note in self.changes]
        if self.template_texts:
            lines.append(f"  - {self.template_texts} đoạn viết {{{{ nam }}}} tự theo năm {self.new_year}.")
        if self.carried_over:
            lines.append(f"Nhiệm vụ chuyển tiếp từ năm {self.old_year}: {', '.join(self.carried_over)}.")
        if self.done:
            lines.append(f"Nhiệm vụ đã hoàn thành, giữ nguyên trong kế hoạch mới: {', '.join(self.done)}.")
        if not self.review:
            lines.append("Không có chỗ nào cần xem lại.")
            return "\n".join(lines)
        counts = Counter(note.kind for note in self.review)
        kinds = ", ".join(f"{n} {kind.label}" for kind, n in counts.items())
        lines.append(f"Cần xem lại {len(self.review)} chỗ ({kinds}); công cụ không tự sửa các chỗ này.")
        if counts[NoteKind.PLAIN_YEAR]:
            lines.append(f"Muốn đổi các chỗ “năm {self.old_year}” ghi bằng số thành “năm {self.new_year}”, "
                         "chạy lại lệnh với --thay-nam (trích dẫn, ngày tháng và giai đoạn vẫn giữ nguyên).")
        return "\n".join(lines)


_CHANGE_KINDS = {NoteKind.YEAR_SET, NoteKind.NUMBER_CLEARED, NoteKind.DATE_CLEARED,
                 NoteKind.YEAR_REPLACED, NoteKind.CARRIED_OVER}

_Pending = list[tuple[NoteKind, str, FieldPath]]
"""Notes gathered by field path; located once the new text exists, so lines are the new file's."""


def roll_over(plan_path: str | Path, new_year: int, *, replace_years: bool = False,
              year_end_report: str | Path | None = None) -> RolloverResult:
    """The plan at ``plan_path`` rolled over to ``new_year``; raises ``HanhChinhError`` on bad input.

    ``replace_years`` replaces plain "năm <old year>" mentions; ``year_end_report`` (a report on
    this same plan) marks every task not reported done as carried over from the old year.
    """
    loaded = load_plan(plan_path)
    plan = loaded.document
    old_year = plan.year
    if new_year <= old_year:
        raise HanhChinhError(
            f"Năm mới ({new_year}) phải sau năm của kế hoạch ({old_year}); ví dụ --nam {old_year + 1}",
            loaded.source.locate(("nam",)))
    latest = next(rule.le for rule in Plan.model_fields["year"].metadata if hasattr(rule, "le"))
    if new_year > latest:
        raise HanhChinhError(f"Năm mới ({new_year}) không hợp lệ: năm của kế hoạch không được quá {latest}")
    warnings = list(loaded.warnings)
    report = None
    if year_end_report is not None:
        report = _read_year_end_report(year_end_report, plan_path, old_year)
        warnings += report.warnings

    text = Path(plan_path).read_text(encoding="utf-8-sig")
    rt = _round_trip_yaml()
    data = rt.load(text)
    _set_layout(rt, data, text)

    pending: _Pending = []
    _start_new_year(data, old_year, new_year, pending)
    carried, done = _carry_over(data, plan, report, old_year, pending) if report else ([], [])
    for entry in plan.task_entries():
        if entry.task.carried_from is not None and entry.key not in carried:
            pending.append((NoteKind.OLD_CARRY_MARK,
                            f"Nhiệm vụ {entry.key} còn ghi '{CARRIED_KEY}: {entry.task.carried_from}' từ kế hoạch "
                            "cũ; nếu năm nay không còn là nhiệm vụ chuyển tiếp thì xóa dòng này",
                            entry.path + (CARRIED_KEY,)))
    template_texts = 0
    for path, value in list(walk_strings(data, ())):
        template_texts += bool(_YEAR_VARIABLE.search(value))
        replaced = _review_years(value, path, old_year, new_year, replace_years, pending)
        if replaced is not None:
            replace_at(data, path, _same_style(value, replaced))

    out = io.StringIO()
    rt.dump(data, out)
    yaml_text = out.getvalue()
    source = _check_output(yaml_text, new_year)
    notes = [RolloverNote(kind, message, _line_and_field(source, path)) for kind, message, path in pending]
    notes += _comment_notes(yaml_text, old_year)
    notes.sort(key=lambda note: note.location.line or 0)
    return RolloverResult(
        yaml_text=yaml_text, old_year=old_year, new_year=new_year,
        changes=[n for n in notes if n.kind in _CHANGE_KINDS],
        review=[n for n in notes if n.kind not in _CHANGE_KINDS],
        carried_over=carried, done=done, template_texts=template_texts, warnings=warnings)


def _read_year_end_report(report_path: str | Path, plan_path: str | Path, old_year: int) -> LoadedReport:
    """The report, which must be on this very plan: its task keys are this plan's positions and ``ma``."""
    from hanhchinh_docs.conventions.periods import parse_period

    report = load_report(report_path)
    source = report.report.source
    if report.plan.path.resolve() != Path(plan_path).resolve():
        raise InvalidDataError([Problem(
            f"Báo cáo này là báo cáo về kế hoạch '{report.plan.path}', không phải kế hoạch đang chuyển năm "
            f"'{plan_path}'; hãy dùng báo cáo năm của chính kế hoạch này",
            source.locate(("ke_hoach",)))], file=str(report_path))
    period = report.report.document.period_code
    if period != ANNUAL_PERIOD:
        label = parse_period(period, report.report.document.year or old_year).label
        report.warnings.append(Problem(
            f"Báo cáo là báo cáo {label}, không phải báo cáo năm (ky_bao_cao: nam): nhiệm vụ chưa hoàn thành "
            "được tính theo tiến độ đến kỳ đó", source.locate(("ky_bao_cao",)), severity="warning"))
    return report


class _ExplicitNull:
    """Stands for ``null`` written out: ruamel writes a bare None as nothing after the key."""


class _Representer(RoundTripRepresenter):
    pass


_Representer.add_representer(
    _ExplicitNull, lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null"))


def _round_trip_yaml() -> YAML:
    rt = YAML(typ="rt")
    rt.Representer = _Representer
    rt.preserve_quotes = True
    return rt


def _set_layout(rt: YAML, data: Any, text: str) -> None:
    """Indentation and line width as the source has them (ruamel applies one of each to the file).

    The width is the longest source line, so no text the user kept on one line gets folded.
    """
    mapping, sequence, offset = 2, 2, 0
    found_map = found_seq = False
    queue = [data]
    while queue and not (found_map and found_seq):
        node = queue.pop(0)
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                key_column = node.lc.key(key)[1]
                block = isinstance(value, (CommentedMap, CommentedSeq)) and not value.fa.flow_style()
                if block and isinstance(value, CommentedMap) and not found_map:
                    mapping, found_map = value.lc.col - key_column, True
                elif block and isinstance(value, CommentedSeq) and value and not found_seq:
                    offset, sequence, found_seq = value.lc.col - key_column, value.lc.item(0)[1] - key_column, True
                queue.append(value)
        elif isinstance(node, CommentedSeq):
            queue.extend(node)
    rt.indent(mapping=mapping, sequence=sequence, offset=offset)
    rt.width = max((len(line) for line in text.splitlines()), default=80)


def _start_new_year(data: CommentedMap, old_year: int, new_year: int,
                    pending: _Pending) -> None:
    """``nam`` set; ``so`` emptied and ``ngay`` the new year alone (``ngay: 2025``): a draft prints
    "ngày ... tháng ... năm 2025" and "(Kèm theo ... ngày .../.../2025 ...)" for the văn thư to fill."""
    data["nam"] = new_year
    pending.append((NoteKind.YEAR_SET, f"{old_year} → {new_year}", ("nam",)))
    if "so" in data:
        if data["so"] not in (None, ""):
            pending.append((NoteKind.NUMBER_CLEARED,
                            f"bỏ số {data['so']} của năm cũ, để null cho văn thư cấp số mới", ("so",)))
        data["so"] = _ExplicitNull()
    if "ngay" in data:
        if data["ngay"] not in (None, ""):
            pending.append((NoteKind.DATE_CLEARED,
                            f"bỏ ngày {data['ngay']} của năm cũ, chỉ ghi năm {new_year} (ngày, tháng để trống "
                            "đến khi ký ban hành)", ("ngay",)))
        data["ngay"] = new_year


def _carry_over(data: CommentedMap, plan: Plan, report: LoadedReport, old_year: int,
                pending: _Pending) -> tuple[list[str], list[str]]:
    """Mark every task the report does not give as done; the task stays where it is in the file.

    The report is on this same plan, so each unfinished task is already in the new appendix
    (the plan is reused): marking it in place keeps its row and comments, with no duplicate.
    """
    carried, done = [], []
    rows_of: dict[str, list[str]] = {}
    for item in work_items(plan):
        rows_of.setdefault(item.entry.key, []).append(item.key)
    for task_entry in plan.task_entries():
        key = task_entry.key
        # A task with product rows is done when every row is (each reported alone or all at once).
        entries = [report.progress.get(row) or report.progress.get(key) for row in rows_of[key]]
        if all(e is not None and e.status is Progress.DONE for e in entries):
            done.append(key)
            continue
        entry = next((e for e in entries if e is not None and e.status is not Progress.DONE), None)
        status = entry.status.label if entry is not None else NOT_REPORTED_LABEL
        task_map = data
        for part in task_entry.path:
            task_map = task_map[part]
        if CARRIED_KEY in task_map:
            task_map[CARRIED_KEY] = old_year
        else:
            _insert_after(task_map, "noi_dung", CARRIED_KEY, old_year, f"theo báo cáo: {status}")
        carried.append(key)
        pending.append((NoteKind.CARRIED_OVER,
                        f"nhiệm vụ {key} chưa hoàn thành ({status}): đánh dấu chuyển tiếp từ năm {old_year}",
                        task_entry.path + (CARRIED_KEY,)))
    return carried, done


def _insert_after(mapping: CommentedMap, after: str, key: str, value: Any, note: str) -> None:
    """Insert ``key: value  # note`` after ``after``.

    ruamel keeps the blank lines and comment lines that follow a value with that value; they
    belong before the next key, so they move below the new one.
    """
    tail = ""
    slot = mapping.ca.items.get(after)
    if slot and slot[2] is not None:
        text = slot[2].value
        # After a block scalar the token holds only the lines below it; otherwise its first
        # line is the end of the value's own line (an end-of-line comment, or nothing).
        cut = 0 if isinstance(mapping[after], (LiteralScalarString, FoldedScalarString)) else text.find("\n") + 1
        head, tail = text[:cut], text[cut:]
        if head.strip():
            slot[2].value = head
        else:
            slot[2] = None
    mapping.insert(list(mapping).index(after) + 1, key, value)
    mapping.yaml_add_eol_comment(note, key, column=mapping.lc.col + len(f"{key}: {value}") + 2)
    if tail:
        token = mapping.ca.items[key][2]
        token.value = token.value + "\n" + tail


_YEAR_VARIABLE = re.compile(r"\{\{\s*nam\b")


def _review_years(value: str, path: FieldPath, old_year: int, new_year: int, replace: bool,
                  pending: _Pending) -> str | None:
    """Sort each old-year digit group of one text; the text with the plain ones replaced, if asked
    and there are any."""
    text = unicodedata.normalize("NFC", value)
    year = str(old_year)
    replaced = []
    for mention in year_mentions(text):
        if mention.year != old_year or mention.role is YearRole.RANGE:
            continue
        start = mention.start
        snippet = _snippet(text, start, mention.end)
        if mention.role is YearRole.CITATION:
            pending.append((NoteKind.CITATION,
                            f"“{snippet}”: năm {year} thuộc trích dẫn “{mention.citation}” nên giữ nguyên; "
                            f"nếu năm {new_year} có văn bản mới thay thế thì sửa tay", path))
        elif mention.role in (YearRole.DATE, YearRole.MONTH):
            pending.append((NoteKind.DATE,
                            f"“{snippet}”: ngày tháng của năm {year}, giữ nguyên; hãy sửa tay nếu cần", path))
        elif mention.role is not YearRole.OWN:
            pending.append((NoteKind.BARE_YEAR,
                            f"“{snippet}”: số {year} không đi sau chữ “năm” nên không tự thay; hãy kiểm tra", path))
        elif replace:
            replaced.append(start)
            pending.append((NoteKind.YEAR_REPLACED, f"“{snippet}”: {year} → {new_year}", path))
        else:
            pending.append((NoteKind.PLAIN_YEAR,
                            f"“{snippet}”: chưa đổi; dùng --thay-nam để đổi thành {new_year}, hoặc viết "
                            "“năm {{ nam }}” nếu đây là năm của chính kế hoạch", path))
    if not replaced:
        return None
    for start in reversed(replaced):
        text = text[:start] + str(new_year) + text[start + len(year):]
    return text


def _snippet(text: str, start: int, end: int, reach: int = 30) -> str:
    """The words around ``text[start:end]``, enough to find the place in the file."""
    left, right = max(0, start - reach), min(len(text), end + reach)
    if left > 0:
        left = text.find(" ", left, start) + 1 or left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space > 0 else right
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


def _same_style(old: str, text: str) -> str:
    """``text`` written the way ``old`` was (plain, quoted, literal or folded block)."""
    if type(old) is str:
        return text
    new = type(old)(text)
    if isinstance(old, FoldedScalarString) and hasattr(old, "fold_pos"):
        new.fold_pos = old.fold_pos
    return new


def _check_output(yaml_text: str, new_year: int) -> YamlSource:
    """Validate the new text as a plan (a bug here must not reach the user's file); its line marks
    locate the notes."""
    problems: list[Problem] = []
    source = parse_yaml(yaml_text, f"bản kế hoạch năm {new_year} vừa tạo")
    validate_source(Plan, source, year_variable(new_year), problems)
    raise_if_errors(problems, source)
    return source


def _line_and_field(source: YamlSource, path: FieldPath) -> SourceLocation:
    """Line and field only: the file is the new one, not written yet when this is worked out."""
    return dataclasses.replace(source.locate(path), file=None, column=None)


def _comment_notes(yaml_text: str, old_year: int) -> list[RolloverNote]:
    """Comments that still name the old year: kept as the user wrote them, so listed."""
    year = re.compile(rf"(?<!\d){old_year}(?!\d)")
    if not any(year.search(line, line.find("#")) for line in yaml_text.splitlines() if "#" in line):
        return []      # no '#' is followed by the year: no need to find which '#' are comments (slow)
    node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    spans = sorted(_scalar_spans(node))
    starts = [s for s, _ in spans]
    notes = []
    offset = 0
    for number, line in enumerate(yaml_text.splitlines(keepends=True), start=1):
        for hash_at in (m.start() for m in re.finditer("#", line)):
            index = offset + hash_at
            if hash_at and not line[hash_at - 1].isspace():
                continue
            before = bisect.bisect_right(starts, index) - 1
            if before >= 0 and spans[before][1] > index:
                continue
            comment = line[hash_at + 1:].strip()
            found = year.search(comment)
            if found:
                notes.append(RolloverNote(
                    NoteKind.COMMENT,
                    f"“{_snippet(comment, *found.span())}”: chú thích còn ghi năm {old_year}; "
                    "công cụ không sửa chú thích", SourceLocation(None, number)))
            break
        offset += len(line)
    return notes


def _scalar_spans(node: yaml.Node | None) -> Iterator[tuple[int, int]]:
    if isinstance(node, yaml.ScalarNode):
        yield node.start_mark.index, node.end_mark.index
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalar_spans(key)
            yield from _scalar_spans(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalar_spans(item)


def default_output(plan: Path, old_year: int, new_year: int) -> Path:
    """``ke_hoach_2024.yaml`` -> ``ke_hoach_2025.yaml``; a name without the year gets ``_2025``."""
    stem = plan.stem.replace(str(old_year), str(new_year))
    if stem == plan.stem:
        stem = f"{plan.stem}_{new_year}"
    return plan.with_name(stem + plan.suffix)
