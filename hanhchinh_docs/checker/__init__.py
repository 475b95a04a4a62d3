"""Kiểm tra thể thức: check any .docx against Nghị định 30/2020, and lint a plan's data.

    from hanhchinh_docs.checker import check_document, lint_plan
    report = check_document("ke_hoach.docx")      # raises DocxReadError for unreadable files
    print(report.to_text()); report.failed; report.to_dict()
"""

from hanhchinh_docs.checker.engine import check_document
from hanhchinh_docs.checker.lint import lint_plan
from hanhchinh_docs.checker.report import CheckReport, Finding, Outcome, RuleResult

__all__ = ["CheckReport", "Finding", "Outcome", "RuleResult", "check_document", "lint_plan"]
