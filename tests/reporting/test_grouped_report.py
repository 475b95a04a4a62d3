"""A report on a grouped plan: figures per task group and in total, groups in the appendix,
results per product row (NV05.2), overdue and unreported tasks per group."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from hanhchinh_docs.api import render_report
from hanhchinh_docs.checker import check_document
from hanhchinh_docs.errors import InvalidDataError
from hanhchinh_docs.model.common import BodyTable
from hanhchinh_docs.model.loader import load_report
from hanhchinh_docs.reporting import GROUP_TABLE_INTRO, compute_report
from tests.conftest import EXAMPLES

PLAN = EXAMPLES / "ke_hoach_cai_cach_hanh_chinh_2025.yaml"


def write_report(tmp_path: Path, period: str, results: str) -> Path:
    shutil.copy(PLAN, tmp_path / "ke_hoach.yaml")
    path = tmp_path / "bao_cao.yaml"
    path.write_text(f"loai: bao_cao\nke_hoach: ke_hoach.yaml\nky_bao_cao: {period}\nngay: 2025-06-15\n"
                    f"ket_qua:\n{results}", encoding="utf-8")
    return path


def content_of(path: Path):
    loaded = load_report(path)
    return compute_report(loaded.report.document, loaded.plan.document, loaded.progress)


RESULTS = """\
  TC02.1: {trang_thai: hoan_thanh, ket_qua: Đã công bố danh mục}
  TC03: {trang_thai: dang_thuc_hien, ket_qua: Đang kiểm tra}
  TT01: {trang_thai: hoan_thanh, ket_qua: Đã công bố 3 quyết định}
  TT02: {trang_thai: chua_thuc_hien, ket_qua: ""}
"""


def group_rows(content) -> list[list[str]]:
    section = content.body[0]
    index = section.children.index(GROUP_TABLE_INTRO)
    table = section.children[index + 1]
    assert isinstance(table, BodyTable)
    assert [c.heading for c in table.table.columns] == [
        "TT", "Nhóm nhiệm vụ", "Tính trong kỳ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo",
        "Quá hạn, chưa báo cáo"]
    return table.table.rows


def test_figures_per_group_and_in_total(tmp_path):
    # Quý II 2025: TC02.1 (before 31/01) is past but reported done, TC02.2 (before 15/12) runs to
    # year end, TC03 is due in quý IV only; TT01 runs all year, TT02 is due in quý II.
    content = content_of(write_report(tmp_path, "quy_2", RESULTS))
    assert [(t.key, t.position, t.counted) for t in content.tasks] == [
        ("TC01", "I.1", False), ("TC02.1", "I.2.1", False), ("TC02.2", "I.2.2", True), ("TC03", "I.3", False),
        ("TT01", "II.1", True), ("TT02", "II.2", True)]
    assert group_rows(content) == [
        ["I", "Cải cách thể chế", "1", "0", "0", "0", "1\n(100%)", "0"],
        ["II", "Cải cách thủ tục hành chính", "2", "1\n(50%)", "0", "1\n(50%)", "0", "0"],
        ["", "Tổng cộng", "3", "1\n(33,3%)", "0", "1\n(33,3%)", "1\n(33,3%)", "0"],
    ]


def test_an_overdue_product_row_is_counted_in_its_group(tmp_path):
    results = RESULTS.replace("  TC02.1: {trang_thai: hoan_thanh, ket_qua: Đã công bố danh mục}\n", "")
    content = content_of(write_report(tmp_path, "quy_2", results))
    overdue = [t.key for t in content.tasks if t.overdue]
    assert overdue == ["TC02.1"]
    rows = group_rows(content)
    assert rows[0] == ["I", "Cải cách thể chế", "2", "0", "0", "0", "1\n(50%)", "1\n(50%)"]
    assert rows[-1][-1] == "1\n(25%)"


def test_one_result_for_a_task_stands_for_all_its_product_rows(tmp_path):
    results = RESULTS.replace("TC02.1:", "TC02:")
    content = content_of(write_report(tmp_path, "quy_2", results))
    statuses = {t.key: (t.status.label if t.status else None) for t in content.tasks}
    assert statuses["TC02.1"] == statuses["TC02.2"] == "Hoàn thành"


def test_an_unknown_product_row_is_named_with_a_hint(tmp_path):
    path = write_report(tmp_path, "quy_2", RESULTS.replace("TC02.1:", "TC02.3:"))
    with pytest.raises(InvalidDataError) as info:
        load_report(path)
    assert [p.message for p in info.value.problems] == [
        "Nhiệm vụ 'TC02.3' không có trong kế hoạch. Có phải ý bạn là 'TC02.2'?"]


def test_report_appendix_shows_the_groups_and_passes_check(tmp_path):
    out = render_report(write_report(tmp_path, "quy_2", RESULTS), tmp_path / "bao_cao.docx").output
    document = docx.Document(str(out))
    appendix = document.tables[-1]
    first_cells = [row._tr.findall(qn("w:tc"))[0].xpath("string(.)") for row in appendix.rows]
    assert first_cells == ["TT", "I", "I.1", "I.2.1", "I.2.2", "I.3", "II", "II.1", "II.2"]
    group = appendix.rows[6]._tr.findall(qn("w:tc"))
    assert [tc.xpath("string(.)") for tc in group] == ["II", "Cải cách thủ tục hành chính"]
    assert group[1].find(qn("w:tcPr") + "/" + qn("w:gridSpan")).get(qn("w:val")) == "5"
    by_group = document.tables[1]
    assert [c.text for c in by_group.rows[-1].cells][:3] == ["", "Tổng cộng", "3"]
    report = check_document(out)
    assert not report.failed, [r for r in report.results if r.outcome == "khong_dat"]
