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
    not_applicable = {r.rule_id for r in report.results if r.outcome is Outcome.NOT_APPLICABLE}
    assert not_checked == set()
    assert not_applicable == {"TL04", "BD03", "NN04", "TL05", "BD04", "NN05", "PG07"}, \
        "only what a kế hoạch does not have (its 5-task table fits one page)"
    assert "Phần 2 của văn bản là trang ngang" in " ".join(report.result("PG03").notes)


def test_rules_that_do_not_apply_are_told_apart_in_text_and_json(report) -> None:
    text = report.to_text()
    assert "  [không áp dụng] TL04 Trích yếu công văn (V/v)" in text
    assert "Lý do: Văn bản không phải công văn" in text
    assert text.splitlines()[-1].endswith("0 không đạt, 0 không kiểm tra được, 7 không áp dụng")
    data = report.to_dict()
    assert data["summary"]["khong_ap_dung"] == 7 and data["summary"]["khong_kiem_tra_duoc"] == 0
    assert next(r for r in data["results"] if r["rule"] == "NN04")["outcome"] == "khong_ap_dung"


def test_a_long_rendered_task_table_repeats_its_heading_row(tmp_path) -> None:
    """60 tasks cannot fit one landscape page: the renderer marks the heading row, and PG07 sees it."""
    from tests.support.plans import plan_data, write_plan

    tasks = [{"noi_dung": f"Nhiệm vụ số {n}", "chu_tri": "Văn phòng", "thoi_gian": "Quý I"} for n in range(1, 61)]
    data = plan_data()
    data["phu_luc"][0]["nhiem_vu"] = tasks
    out = tmp_path / "ke_hoach.docx"
    render_plan(write_plan(tmp_path / "ke_hoach.yaml", data), out)
    report = check_document(out)
    assert report.result("PG07").outcome is Outcome.PASSED
    assert report.failed_rules() == []
