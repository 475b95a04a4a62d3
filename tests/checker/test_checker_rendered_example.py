"""The tool's own output is the checker's first test: the rendered example passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.report import Outcome

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


def _renderer_capitalises_the_appendix_label() -> bool:
    """Known renderer issue, reported to its owners: "PHỤ LỤC" where ND30 III.1.b wants "Phụ lục"."""
    from hanhchinh_docs.render import context

    label = getattr(context, "appendix_label", None)
    return label is not None and label(0, 1) == "PHỤ LỤC"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("rendered") / "ke_hoach.docx"
    render_plan(EXAMPLE, out)
    return check_document(out)


@pytest.mark.xfail(_renderer_capitalises_the_appendix_label(), strict=True,
                   reason="render.context.appendix_label writes 'PHỤ LỤC'; ND30 Phụ lục I, mục III.1.b: 'Phụ lục'")
def test_rendered_example_passes_every_rule(report) -> None:
    assert report.failed_rules() == []


def test_rendered_example_breaks_no_rule_but_the_reported_one(report) -> None:
    known = {"PL01"} if _renderer_capitalises_the_appendix_label() else set()
    assert set(report.failed_rules()) <= known, [(r.rule_id, [f.message for f in r.findings])
                                                 for r in report.results if r.outcome is Outcome.FAILED]


def test_rendered_example_elements_are_all_found(report) -> None:
    not_checked = {r.rule_id for r in report.results if r.outcome is Outcome.NOT_CHECKED}
    assert not_checked == {"TL04", "BD03", "NN04"}, "only what a kế hoạch does not have"
    assert "Section 2 là trang ngang" in " ".join(report.result("PG03").notes)
