"""Realistic long and odd text lays out; numbers only in ASCII digits."""

from __future__ import annotations

import subprocess
import unicodedata

import docx
import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.conftest import convert_to_pdf
from tests.hostile.hostile_support import refused, render_data, rendered_text, write_yaml
from tests.support.cli import EXISTING
from tests.support.plans import plan_data

LONG_SUBJECT = ("Tuyên truyền, phổ biến và thực hiện công tác cải cách hành chính, chuyển đổi số, "
                "xây dựng chính quyền điện tử, nâng cao chất lượng phục vụ người dân và doanh nghiệp "
                "trên địa bàn tỉnh, gắn với thực hiện Đề án 06 của Chính phủ và kế hoạch của Ủy ban "
                "nhân dân tỉnh năm {{ nam }}, bảo đảm đúng tiến độ đề ra")


def test_a_long_subject_lays_out_in_full_and_only_the_metadata_is_shortened(tmp_path):
    result, out = render_data(tmp_path, trich_yeu=LONG_SUBJECT)
    assert result.exit_code == 0, result.output
    subject = LONG_SUBJECT.replace("{{ nam }}", "2024")
    assert len(subject) == 298
    assert subject in rendered_text(out)
    title = docx.Document(str(out)).core_properties.title
    assert len(title) <= 255 and title.endswith("…")
    assert subject.startswith(title[:-1])
    pdf = convert_to_pdf(out, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert " ".join(subject.split()) in " ".join(text.split())


def test_a_report_on_a_plan_with_a_long_subject(tmp_path):
    write_yaml(tmp_path / "ke_hoach.yaml", plan_data(trich_yeu=LONG_SUBJECT))
    report = tmp_path / "bao_cao.yaml"
    report.write_text("loai: bao_cao\nke_hoach: ke_hoach.yaml\nky_bao_cao: quy_1\nngay: 2024-03-15\n"
                      "ket_qua:\n  NV01: {trang_thai: hoan_thanh, ket_qua: Đã đăng 25 tin}\n", encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    result = CliRunner().invoke(cli, ["report", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(docx.Document(str(out)).core_properties.title) <= 255
    assert "Đề án 06" in rendered_text(out)


@pytest.mark.parametrize("text", [
    "Kế hoạch a" + "\u0301" * 3000,
    "Kế" + "\u0300\u0301\u0303\u0309\u0323" * 200 + " hoạch",
    "a\u200d" * 400,
    "Z̴̡̛͎̣̹̈́͑a̶̧͔̓l̷̡̨̛͜g̴o" * 40,
])
def test_stacks_of_combining_marks_render(tmp_path, text):
    result, out = render_data(tmp_path, trich_yeu=text)
    assert result.exit_code == 0, result.output
    assert unicodedata.normalize("NFC", text) in rendered_text(out)


@pytest.mark.parametrize("year", ["²", "٢٠٢٥", "２０２５", "2025.0", "9" * 5000, "-2025", ""])
def test_rollover_year_in_other_digits_is_refused(tmp_path, year):
    source = write_yaml(tmp_path / "ke_hoach_2024.yaml", plan_data())
    out = tmp_path / "moi.yaml"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["rollover", str(source), "--nam", year, "-o", str(out)])
    refused(result, out, "chữ số 0-9")
