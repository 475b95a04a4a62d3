"""Rollover of a grouped plan: groups, the office's columns and product rows survive, with their
comments; a task with product rows is carried over unless every row is reported done."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.rollover import roll_over
from tests.conftest import EXAMPLES

PLAN = EXAMPLES / "ke_hoach_cai_cach_hanh_chinh_2025.yaml"

YEAR_REPORT = """\
loai: bao_cao
ke_hoach: ke_hoach.yaml
ky_bao_cao: nam
ngay: 2025-12-15
ket_qua:
  TC01: {trang_thai: hoan_thanh, ket_qua: Xong}
  TC02.1: {trang_thai: hoan_thanh, ket_qua: Đã công bố}
  TC02.2: {trang_thai: dang_thuc_hien, ket_qua: Đang rà soát}
  TC03: {trang_thai: hoan_thanh, ket_qua: Xong}
  TT01: {trang_thai: hoan_thanh, ket_qua: Xong}
  TT02: {trang_thai: hoan_thanh, ket_qua: Xong}
"""


def test_groups_columns_and_product_rows_survive_rollover(tmp_path: Path):
    plan = tmp_path / "ke_hoach.yaml"
    shutil.copy(PLAN, plan)
    report = tmp_path / "bao_cao.yaml"
    report.write_text(YEAR_REPORT, encoding="utf-8")
    result = roll_over(plan, 2026, year_end_report=report)
    assert result.carried_over == ["TC02"]
    assert result.done == ["TC01", "TC03", "TT01", "TT02"]

    before = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    after = yaml.safe_load(result.yaml_text)
    old, new = before["phu_luc"][0], after["phu_luc"][0]
    assert new["cot"] == old["cot"]
    assert [g["ten"] for g in new["nhom"]] == ["Cải cách thể chế", "Cải cách thủ tục hành chính"]
    carried = new["nhom"][0]["nhiem_vu"][1]
    assert carried["chuyen_tiep_tu"] == 2025
    assert carried["san_pham"] == old["nhom"][0]["nhiem_vu"][1]["san_pham"]
    assert carried["theo_doi"] == "Sở Tư pháp"
    assert after["phu_luc"][1]["dong"] == before["phu_luc"][1]["dong"]
    assert after["noi_dung"][0]["noi_dung"][1] == before["noi_dung"][0]["noi_dung"][1]  # the body table
    lines = result.yaml_text.splitlines()
    assert "#   Ở đây chỉ chép hai nhóm đầu; kế hoạch thật có bảy nhóm (I-VII)." in lines
    assert "            chuyen_tiep_tu: 2025  # theo báo cáo: Đang thực hiện" in lines

    rolled = tmp_path / "ke_hoach_2026.yaml"
    rolled.write_text(result.yaml_text, encoding="utf-8")
    document = load_plan(rolled).document
    assert document.year == 2026
    assert [e.key for e in document.task_entries()] == ["TC01", "TC02", "TC03", "TT01", "TT02"]
    assert document.appendices[0].groups[0].tasks[1].carried_from == 2025
