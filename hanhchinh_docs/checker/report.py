"""Results of a check as values: findings, one result per rule, the report and its two renderings.

Rules return data and never print. The report renders itself as plain Vietnamese text grouped by
component (for people) or as a dict (for ``--json`` and other programs); both carry the same facts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

MAX_SHOWN_FINDINGS = 5
"""Text output shows this many findings per rule, then says how many more there are."""


class Outcome(str, enum.Enum):
    """A rule's outcome. "không áp dụng": the document has nothing the rule is about (no appendix,
    no "V/v" in a plan); "không kiểm tra được": the rule applies but could not be evaluated."""

    PASSED = "dat"
    FAILED = "khong_dat"
    NOT_CHECKED = "khong_kiem_tra_duoc"
    NOT_APPLICABLE = "khong_ap_dung"

    @property
    def label(self) -> str:
        return {"dat": "đạt", "khong_dat": "không đạt", "khong_kiem_tra_duoc": "không kiểm tra được",
                "khong_ap_dung": "không áp dụng"}[self.value]


class Component(enum.Enum):
    """The parts of a document findings are grouped by, in reading order; value = (code, title)."""

    PAGE = ("trang", "Trang giấy, lề, số trang")
    FONT = ("phong_chu", "Phông chữ")
    HEADER = ("phan_dau", "Phần đầu văn bản")
    NATIONAL_TITLE = ("quoc_hieu_tieu_ngu", "Quốc hiệu, Tiêu ngữ")
    AGENCY = ("co_quan", "Tên cơ quan ban hành")
    NUMBER = ("so_ky_hieu", "Số, ký hiệu")
    DATE = ("dia_danh_ngay", "Địa danh, ngày tháng năm")
    TITLE = ("ten_loai_trich_yeu", "Tên loại, trích yếu")
    BODY = ("noi_dung", "Nội dung")
    SIGNATURE = ("chu_ky", "Chức vụ, họ tên người ký")
    RECIPIENTS = ("noi_nhan", "Nơi nhận")
    APPENDIX = ("phu_luc", "Phụ lục")

    @property
    def code(self) -> str:
        return self.value[0]

    @property
    def title(self) -> str:
        return self.value[1]


@dataclass(frozen=True)
class Finding:
    """One place where the document breaks a rule.

    ``paragraph`` is the 1-based paragraph number in reading order (None for page settings and
    page headers); ``message`` is the whole story in plain Vietnamese: what, expected, how to fix.
    """

    message: str
    found: str
    expected: str
    paragraph: int | None = None
    quote: str = ""

    def to_dict(self) -> dict:
        return {"paragraph": self.paragraph, "quote": self.quote, "found": self.found,
                "expected": self.expected, "message": self.message}


@dataclass(frozen=True)
class Note:
    """A part of a rule that was not checked, and why (the rest of the rule was)."""

    message: str


class NotCheckable(Exception):
    """Raised by a rule that applies but cannot be evaluated; the message says why, in Vietnamese."""


class NotApplicable(Exception):
    """Raised by a rule whose subject the document does not have; the message says what is absent."""


@dataclass(frozen=True)
class RuleResult:
    rule_id: str
    name: str
    title: str
    component: Component
    legal_ref: str
    outcome: Outcome
    findings: tuple[Finding, ...] = ()
    reason: str | None = None           # why the rule could not be checked, or does not apply
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "rule": self.rule_id, "name": self.name, "title": self.title,
            "component": self.component.code, "component_title": self.component.title,
            "legal_ref": self.legal_ref, "outcome": self.outcome.value, "reason": self.reason,
            "notes": list(self.notes), "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class CheckReport:
    """Every rule's result for one document."""

    file: str
    results: list[RuleResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(r.outcome is Outcome.FAILED for r in self.results)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)

    def result(self, rule_id: str) -> RuleResult:
        return next(r for r in self.results if r.rule_id == rule_id)

    def failed_rules(self) -> list[str]:
        return [r.rule_id for r in self.results if r.outcome is Outcome.FAILED]

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(o)} {o.label}" for o in Outcome)
        return f"Kết quả: {counts}"

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "failed": self.failed,
            "summary": {o.value: self.count(o) for o in Outcome},
            "results": [r.to_dict() for r in self.results],
        }

    def to_text(self) -> str:
        """Grouped by component in reading order; ends with the one-line summary."""
        lines = [f"Kiểm tra thể thức văn bản theo Nghị định 30/2020/NĐ-CP: {self.file}"]
        for component in Component:
            results = [r for r in self.results if r.component is component]
            if not results:
                continue
            lines += ["", component.title]
            for result in results:
                lines += _result_lines(result)
        lines += ["", self.summary()]
        return "\n".join(lines)


_MARKS = {Outcome.PASSED: "[đạt]", Outcome.FAILED: "[KHÔNG ĐẠT]", Outcome.NOT_CHECKED: "[không kiểm tra được]",
          Outcome.NOT_APPLICABLE: "[không áp dụng]"}


def _result_lines(result: RuleResult) -> list[str]:
    lines = [f"  {_MARKS[result.outcome]} {result.rule_id} {result.title} ({result.legal_ref})"]
    if result.reason:
        lines.append(f"      Lý do: {result.reason}")
    for finding in result.findings[:MAX_SHOWN_FINDINGS]:
        lines.append(f"      - {_where(finding)}{finding.message}")
    hidden = len(result.findings) - MAX_SHOWN_FINDINGS
    if hidden > 0:
        lines.append(f"      ... và {hidden} chỗ khác tương tự (xem đầy đủ với --json)")
    lines += [f"      Ghi chú: {note}" for note in result.notes]
    return lines


def _where(finding: Finding) -> str:
    if finding.paragraph is None:
        return f"«{finding.quote}»: " if finding.quote else ""
    return f"Đoạn {finding.paragraph} «{finding.quote}»: " if finding.quote else f"Đoạn {finding.paragraph}: "

