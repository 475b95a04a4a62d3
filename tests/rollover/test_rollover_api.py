"""``roll_over``: the user's file kept, the year moved on, literal years listed, tasks carried over."""

from __future__ import annotations

import difflib
from pathlib import Path

import docx
import pytest
import yaml

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.errors import HanhChinhError
from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.rollover import NoteKind, roll_over
from tests.rollover.rollover_helpers import (
    PLAN, REVIEW_EXAMPLE, ROLLED_EXAMPLE, SEED_PLAN, SEED_YEAR_REPORT, YEAR_END_REPORT,
    comment_lines, key_sequence, line_of, texts,
)

CARRIED_NOTE = "(Nhiệm vụ chuyển tiếp từ năm 2024)"


def write_rolled(plan: Path, yaml_text: str) -> Path:
    out = plan.with_name("ke_hoach_2025.yaml")
    out.write_text(yaml_text, encoding="utf-8")
    return out


def test_seed_keeps_comments_key_order_and_every_other_line(seed_copy: Path) -> None:
    source = seed_copy.read_text(encoding="utf-8")
    rolled = roll_over(seed_copy, 2025).yaml_text

    assert comment_lines(rolled) == comment_lines(source)
    assert key_sequence(rolled) == key_sequence(source)
    changed = [line for line in difflib.ndiff(source.splitlines(), rolled.splitlines()) if line[:1] in "+-"]
    assert changed == [
        "- nam: 2024            # năm của kế hoạch; thay vào mọi chỗ ghi {{ nam }}",
        "+ nam: 2025            # năm của kế hoạch; thay vào mọi chỗ ghi {{ nam }}",
        '- ngay: 2024-01        # bản gốc để trống ngày, chỉ ghi "tháng 01 năm 2024"',
        '+ ngay: 2025           # bản gốc để trống ngày, chỉ ghi "tháng 01 năm 2024"',
    ]


def test_year_set_number_and_date_cleared(plan_file: Path) -> None:
    result = roll_over(plan_file, 2025)

    assert "nam: 2025            # năm của kế hoạch" in result.yaml_text.splitlines()
    assert "so: null             # số đã cấp" in result.yaml_text.splitlines()
    assert "ngay: 2025" in result.yaml_text.splitlines()
    data = yaml.safe_load(result.yaml_text)
    assert (data["nam"], data["so"], data["ngay"]) == (2025, None, 2025)
    assert [(n.kind, n.location.field) for n in result.changes] == [
        (NoteKind.YEAR_SET, "nam"), (NoteKind.NUMBER_CLEARED, "so"), (NoteKind.DATE_CLEARED, "ngay")]
    plan = load_plan(write_rolled(plan_file, result.yaml_text)).document
    assert (plan.year, plan.number, plan.issue_date.to_text()) == (2025, None, "2025")
    assert plan.subject == "Tuyên truyền cải cách hành chính năm 2024"  # not replaced without --thay-nam


def test_each_kind_of_literal_year_is_listed_and_none_is_changed(plan_file: Path) -> None:
    result = roll_over(plan_file, 2025)

    purpose = "noi_dung[0].noi_dung"
    expected = [
        (NoteKind.COMMENT, None, line_of(PLAN, "# Kế hoạch thử của năm 2024")),
        (NoteKind.PLAIN_YEAR, "trich_yeu", line_of(PLAN, "trich_yeu:")),
        (NoteKind.COMMENT, None, line_of(PLAN, "# trích dẫn")),
        (NoteKind.CITATION, "mo_dau[0]", line_of(PLAN, "Kế hoạch số 08/KH-UBND")),   # ngày 08/01/2024
        (NoteKind.CITATION, "mo_dau[0]", line_of(PLAN, "Kế hoạch số 08/KH-UBND")),   # ... tuyên truyền năm 2024;
        (NoteKind.CITATION, f"{purpose}[1]", line_of(PLAN, "Luật Đất đai năm 2024")),
        (NoteKind.CITATION, f"{purpose}[1]", line_of(PLAN, "102/2024/NĐ-CP")),
        (NoteKind.DATE, f"{purpose}[2]", line_of(PLAN, "15/12/2024")),
        (NoteKind.BARE_YEAR, f"{purpose}[2]", line_of(PLAN, "PCI 2024")),
        (NoteKind.PLAIN_YEAR, f"{purpose}[3]", line_of(PLAN, "việc còn dở của năm 2024")),
        (NoteKind.PLAIN_YEAR, "phu_luc[0].ten", line_of(PLAN, "NHIỆM VỤ NĂM 2024")),
        (NoteKind.OLD_CARRY_MARK, "phu_luc[0].nhiem_vu[3].chuyen_tiep_tu", line_of(PLAN, "chuyen_tiep_tu: 2023")),
    ]
    assert [(n.kind, n.location.field, n.location.line) for n in result.review] == expected
    # Ranges ("2021-2030", "2022 - 2025", "2021 - 2024", "từ năm 2023 đến năm 2024") and {{ nam }}
    # texts are not listed.
    assert not [n for n in result.review if n.location.field == f"{purpose}[0]"]
    citation = next(n for n in result.review if n.kind is NoteKind.CITATION)
    assert "ngày 08/01/2024" in citation.message and "số 08/KH-UBND" in citation.message

    before, after = texts(PLAN), texts(result.yaml_text)
    changed = {path for path in before if before[path] != after.get(path)}
    assert changed == set()  # no text touched (ngay is a date, cleared above)


def test_replace_years_changes_only_plain_mentions(plan_file: Path) -> None:
    result = roll_over(plan_file, 2025, replace_years=True)

    before, after = texts(PLAN), texts(result.yaml_text)
    changed = {path: after[path] for path in before if path in after and before[path] != after[path]}
    assert changed == {
        ("trich_yeu",): "Tuyên truyền cải cách hành chính năm 2025",
        ("noi_dung", 0, "noi_dung", 3): "- Tiếp tục các việc còn dở của năm 2025.",
        ("phu_luc", 0, "ten"): "NHIỆM VỤ NĂM 2025",
    }
    assert 'trich_yeu: "Tuyên truyền cải cách hành chính năm 2025"' in result.yaml_text  # quotes kept
    assert comment_lines(result.yaml_text) == comment_lines(PLAN)
    replaced = [(n.location.field, n.location.line) for n in result.changes if n.kind is NoteKind.YEAR_REPLACED]
    assert replaced == [("trich_yeu", line_of(PLAN, "trich_yeu:")),
                        ("noi_dung[0].noi_dung[3]", line_of(PLAN, "việc còn dở")),
                        ("phu_luc[0].ten", line_of(PLAN, "NHIỆM VỤ NĂM"))]
    kinds = {n.kind for n in result.review}
    assert NoteKind.PLAIN_YEAR not in kinds
    assert {NoteKind.CITATION, NoteKind.DATE, NoteKind.BARE_YEAR} <= kinds
    assert "--thay-nam" not in result.summary_text()  # nothing left for it to do


def test_year_end_report_carries_unfinished_and_unreported_tasks(plan_file: Path, report_file: Path) -> None:
    result = roll_over(plan_file, 2025, year_end_report=report_file)

    assert result.carried_over == ["NV02", "NV03"]  # in progress; not reported
    assert result.done == ["NV01", "4"]
    tasks = yaml.safe_load(result.yaml_text)["phu_luc"][0]["nhiem_vu"]
    assert [task.get("chuyen_tiep_tu") for task in tasks] == [None, 2024, 2024, 2023]  # done ones untouched
    assert texts(result.yaml_text)[("phu_luc", 0, "nhiem_vu", 2, "noi_dung")] == "Tập huấn nghiệp vụ\n"
    # The mark goes right under noi_dung; the comment and blank lines that followed stay above the next key.
    lines = result.yaml_text.splitlines()
    at = lines.index('        noi_dung: "Đối thoại với doanh nghiệp"   # hai lần một năm')
    assert lines[at:at + 4] == [
        '        noi_dung: "Đối thoại với doanh nghiệp"   # hai lần một năm',
        "        chuyen_tiep_tu: 2024  # theo báo cáo: Đang thực hiện",
        "        # đơn vị chủ trì",
        "        chu_tri: Văn phòng",
    ]
    at = lines.index("          Tập huấn nghiệp vụ")
    assert lines[at + 1:at + 5] == [
        "        chuyen_tiep_tu: 2024  # theo báo cáo: Chưa báo cáo",
        "",
        "      # nhiệm vụ thứ tư không có mã",
        '      - noi_dung: "Khảo sát mức độ hài lòng"',
    ]
    assert comment_lines(result.yaml_text) == comment_lines(PLAN)
    carried = [(n.location.field, n.location.line) for n in result.changes if n.kind is NoteKind.CARRIED_OVER]
    assert carried == [
        ("phu_luc[0].nhiem_vu[1].chuyen_tiep_tu", line_of(result.yaml_text, "theo báo cáo: Đang thực hiện")),
        ("phu_luc[0].nhiem_vu[2].chuyen_tiep_tu", line_of(result.yaml_text, "theo báo cáo: Chưa báo cáo"))]
    assert "Nhiệm vụ chuyển tiếp từ năm 2024: NV02, NV03." in result.summary_text()
    # The task already marked 2023 and reported done keeps its mark, listed for review.
    assert [n.location.field for n in result.review if n.kind is NoteKind.OLD_CARRY_MARK] == [
        "phu_luc[0].nhiem_vu[3].chuyen_tiep_tu"]

    plan = load_plan(write_rolled(plan_file, result.yaml_text)).document
    assert [task.carried_from for task in plan.appendices[0].tasks] == [None, 2024, 2024, 2023]


def test_a_report_that_is_not_annual_is_used_with_a_warning(plan_file: Path, report_file: Path) -> None:
    report_file.write_text(YEAR_END_REPORT.format(period="quy_3"), encoding="utf-8")

    result = roll_over(plan_file, 2025, year_end_report=report_file)

    assert result.carried_over == ["NV02", "NV03"]
    warning = next(w for w in result.warnings if "không phải báo cáo năm" in w.message)
    assert "quý III năm 2024" in warning.message
    assert (warning.severity, warning.location.field, warning.location.line) == ("warning", "ky_bao_cao", 3)


def test_new_year_must_come_after_the_old_one(plan_file: Path) -> None:
    with pytest.raises(HanhChinhError, match=r"Năm mới \(2024\) phải sau năm của kế hoạch \(2024\)"):
        roll_over(plan_file, 2024)


def test_rolled_seed_renders_carried_tasks(seed_copy: Path) -> None:
    result = roll_over(seed_copy, 2025, year_end_report=seed_copy.with_name(SEED_YEAR_REPORT.name))
    rolled = write_rolled(seed_copy, result.yaml_text)

    render_plan(rolled, rolled.with_suffix(".docx"))

    document = docx.Document(str(rolled.with_suffix(".docx")))
    rows = {row.cells[1].text.split("\n")[0][:30]: row.cells[1].text
            for table in document.tables for row in table.rows if len(row.cells) > 1}
    carried = sorted(text for text in rows.values() if text.endswith(CARRIED_NOTE))
    assert len(carried) == 2
    assert carried[0].startswith("Duy trì các chuyên trang") and carried[1].startswith("Tổ chức các buổi gặp mặt")
    assert sum(CARRIED_NOTE in text for text in rows.values()) == 2
    assert any("năm 2025" in p.text for p in document.paragraphs)


def test_committed_example_is_what_the_command_produces() -> None:
    result = roll_over(SEED_PLAN, 2025, year_end_report=SEED_YEAR_REPORT)

    assert ROLLED_EXAMPLE.read_text(encoding="utf-8") == result.yaml_text, (
        "examples/ke_hoach_tuyen_truyen_cchc_2025.yaml is stale; regenerate it with "
        "hanhchinh-docs rollover examples/ke_hoach_tuyen_truyen_cchc_2024.yaml --nam 2025 "
        "--bao-cao examples/bao_cao_nam_2024.yaml -o examples/ke_hoach_tuyen_truyen_cchc_2025.yaml")
    printed = REVIEW_EXAMPLE.read_text(encoding="utf-8")
    assert result.review and all(f"  - {note}\n" in printed for note in result.review)
    assert result.summary_text() in printed
