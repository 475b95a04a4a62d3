"""Kiểm tra thể thức: check any .docx against Nghị định 30/2020 (the data lint is ``model.lint``).

    from hanhchinh_docs.checker import check_document
    report = check_document("ke_hoach.docx")      # raises DocxReadError for unreadable files
    print(report.to_text()); report.failed; report.to_dict()
"""

from hanhchinh_docs.checker.engine import check_document
from hanhchinh_docs.checker.report import CheckReport, Finding, Outcome, RuleResult

__all__ = ["CheckReport", "Finding", "Outcome", "RuleResult", "check_document"]
