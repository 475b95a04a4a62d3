"""The tool's own output is the checker's first test: the rendered example passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.report import Outcome

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("rendered") / "ke_hoach.docx"
    render_plan(EXAMPLE, out)
    return check_document(out)


def test_rendered_example_passes_every_rule(report) -> None:
    assert report.failed_rules() == [], [(r.rule_id, [f.message for f in r.findings])
                                         for r in report.results if r.outcome is Outcome.FAILED]


def test_rendered_example_elements_are_all_found(report) -> None:
    not_checked = {r.rule_id for r in report.results if r.outcome is Outcome.NOT_CHECKED}
    assert not_checked == {"TL04", "BD03", "NN04"}, "only what a kế hoạch does not have"
    assert "Section 2 là trang ngang" in " ".join(report.result("PG03").notes)
