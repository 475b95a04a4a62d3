"""Runs every registered rule on one document and collects the results into a report."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.checker.registry import Context, Rule, all_rules
from hanhchinh_docs.checker.report import (
    CheckReport, Component, Finding, NotApplicable, Note, NotCheckable, Outcome, RuleResult,
)
from hanhchinh_docs.checker.rules.font.fn03_diacritics import text_lacks_diacritics
from hanhchinh_docs.checker.roles import detect_layout
from hanhchinh_docs.collector import collector_paused
from hanhchinh_docs.conventions.spec import load_spec


def evaluate(rule: Rule, ctx: Context) -> RuleResult:
    """One rule's outcome: failed when it found anything, not checked / not applicable when it said so."""
    common = dict(rule_id=rule.id, name=rule.name, title=rule.title, component=rule.component,
                  legal_ref=rule.legal_ref)
    try:
        items = list(rule.check(ctx))
    except NotCheckable as exc:
        return RuleResult(**common, outcome=Outcome.NOT_CHECKED, reason=str(exc))
    except NotApplicable as exc:
        return RuleResult(**common, outcome=Outcome.NOT_APPLICABLE, reason=str(exc))
    findings = tuple(item for item in items if isinstance(item, Finding))
    notes = tuple(item.message for item in items if isinstance(item, Note))
    return RuleResult(**common, outcome=Outcome.FAILED if findings else Outcome.PASSED,
                      findings=findings, notes=notes)


def check_document(path: str | Path | BinaryIO) -> CheckReport:
    """Check any .docx against ND30's format rules.

    Raises ``DocxReadError`` (plain Vietnamese) when the file is not a readable .docx.
    """
    with collector_paused():
        spec = load_spec()
        view = open_document(path, spec)
        ctx = Context(view, detect_layout(view), spec)
        unmarked = text_lacks_diacritics(view)
        return CheckReport(view.name, [_unrecognisable(rule) if unmarked and rule.component not in READ_WITHOUT_WORDS
                                       else evaluate(rule, ctx) for rule in all_rules()])


READ_WITHOUT_WORDS = frozenset({Component.PAGE, Component.FONT})
"""Rules that judge pages and fonts without recognising any element by its words."""


def _unrecognisable(rule: Rule) -> RuleResult:
    """One clear finding (FN03) instead of a cascade: elements found by their Vietnamese words are
    not looked for in text typed without diacritics."""
    return RuleResult(rule_id=rule.id, name=rule.name, title=rule.title, component=rule.component,
                      legal_ref=rule.legal_ref, outcome=Outcome.NOT_CHECKED,
                      reason="Văn bản gõ tiếng Việt không dấu nên không nhận ra thành phần này (xem FN03)")
