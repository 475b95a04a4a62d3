"""``hanhchinh-docs rollover``: the review list and summary on stdout; bad input -> exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.rollover.rollover_helpers import PLAN, YEAR_END_REPORT, line_of

EARLIER = "giữ nguyên: tệp cũ\n"


def run(*args: str):
    return CliRunner().invoke(cli, ["rollover", *args])


def test_prints_review_and_summary_and_writes_the_file(plan_file: Path, report_file: Path) -> None:
    out = plan_file.with_name("moi.yaml")

    result = run(str(plan_file), "--nam", "2025", "-o", str(out), "--bao-cao", str(report_file))

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"Cần xem lại trong {out} (12 chỗ):"
    assert f"  - dòng {line_of(PLAN, 'trich_yeu:')}, trường 'trich_yeu': “…cải cách hành chính năm 2024”: " \
           "chưa đổi; dùng --thay-nam để đổi thành 2025, hoặc viết “năm {{ nam }}” nếu đây là năm của chính kế hoạch" \
           in lines
    assert "Nhiệm vụ chuyển tiếp từ năm 2024: NV02, NV03." in lines
    assert lines[-1] == f"Đã tạo {out}"
    assert "nam: 2025" in out.read_text(encoding="utf-8")


def test_replace_years_flag_and_default_output_name(plan_file: Path) -> None:
    result = run(str(plan_file), "--nam", "2025", "--thay-nam")

    assert result.exit_code == 0, result.output
    written = plan_file.with_name("ke_hoach_2025.yaml").read_text(encoding="utf-8")
    assert 'ten: "NHIỆM VỤ NĂM 2025"' in written
    assert "ngày 08/01/2024" in written and "Luật Đất đai năm 2024" in written
    assert "trường 'phu_luc[0].ten': “NHIỆM VỤ NĂM 2024”: 2024 → 2025" in result.stdout


def test_a_quarter_report_is_used_with_a_warning_on_stderr(plan_file: Path, report_file: Path) -> None:
    report_file.write_text(YEAR_END_REPORT.format(period="quy_4"), encoding="utf-8")

    result = run(str(plan_file), "--nam", "2025", "--bao-cao", str(report_file))

    assert result.exit_code == 0, result.output
    assert "Cảnh báo: Báo cáo là báo cáo quý IV năm 2024, không phải báo cáo năm" in result.stderr


def _other_plan_report(plan_file: Path) -> Path:
    plan_file.with_name("khac.yaml").write_text(PLAN, encoding="utf-8")
    report = plan_file.with_name("bao_cao_khac.yaml")
    report.write_text(YEAR_END_REPORT.format(period="nam").replace("ke_hoach_2024.yaml", "khac.yaml"),
                      encoding="utf-8")
    return report


BAD_INPUTS = {
    "missing plan": (lambda plan: ["khong_co.yaml", "--nam", "2025"], "Không tìm thấy tệp 'khong_co.yaml'"),
    "invalid plan": (lambda plan: [str(plan.with_name("hong.yaml")), "--nam", "2025"],
                     "Thiếu trường bắt buộc 'trich_yeu'"),
    "same year": (lambda plan: [str(plan), "--nam", "2024"],
                  "Năm mới (2024) phải sau năm của kế hoạch (2024); ví dụ --nam 2025"),
    "earlier year": (lambda plan: [str(plan), "--nam", "2023"], "Năm mới (2023) phải sau năm của kế hoạch (2024)"),
    "year out of range": (lambda plan: [str(plan), "--nam", "2300"], "không được quá 2200"),
    "year not a number": (lambda plan: [str(plan), "--nam", "năm sau"], "ví dụ --nam 2025"),
    "no year": (lambda plan: [str(plan)], "Cần ghi năm mới của kế hoạch bằng số"),
    "report on another plan": (lambda plan: [str(plan), "--nam", "2025", "--bao-cao", str(_other_plan_report(plan))],
                               "không phải kế hoạch đang chuyển năm"),
    "missing report": (lambda plan: [str(plan), "--nam", "2025", "--bao-cao", "khong_co_bao_cao.yaml"],
                       "Không tìm thấy tệp 'khong_co_bao_cao.yaml'"),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
@pytest.mark.parametrize("output_exists", [False, True], ids=["no-output", "output-exists"])
def test_bad_input_exits_2_with_a_clear_message_and_writes_nothing(
        case: str, output_exists: bool, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(plan_file.parent)
    plan_file.with_name("hong.yaml").write_text(PLAN.replace("trich_yeu:", "tom_tat:"), encoding="utf-8")
    out = plan_file.with_name("ket_qua.yaml")
    if output_exists:
        out.write_text(EARLIER, encoding="utf-8")
    args, message = BAD_INPUTS[case]

    result = run(*args(plan_file), "-o", str(out))

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Lỗi: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
    if output_exists:
        assert out.read_text(encoding="utf-8") == EARLIER
    else:
        assert not out.exists()
    assert sorted(p.name for p in plan_file.parent.iterdir() if p.name.startswith(".")) == []  # no temp file


def test_output_over_the_plan_is_refused(plan_file: Path) -> None:
    result = run(str(plan_file), "--nam", "2025", "-o", str(plan_file))

    assert result.exit_code == 2
    assert "trùng với tệp đầu vào" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN
