"""Hostile and broken YAML: refused before anything is built, every message in Vietnamese with
the file, the line and the fix; dates are read by one parser, in every field and every command."""

from __future__ import annotations

import os
import re

import pytest
import yaml
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.model import yaml_source
from tests.hostile.hostile_support import plan_yaml_text, refused, render_text, rendered_text, run_limited
from tests.support.cli import EXISTING

ENGLISH = re.compile(r"\b(found|expected|mapping|scalar|while|could not|Error|alias|token|stream)\b")


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request, monkeypatch):
    """Every case with libyaml's parser (used when PyYAML has it) and with PyYAML's own (the fallback);
    nothing parsed earlier is reused."""
    monkeypatch.setattr(yaml_source, "_parsed", {})
    if request.param == "python":
        monkeypatch.setattr(yaml_source, "_StrictLoader", yaml_source.strict_loader(yaml.SafeLoader))
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")
    return request.param


def refused_in_vietnamese(result, out, *fragments):
    refused(result, out, "plan.yaml", *fragments)
    assert not ENGLISH.search(result.output), result.output


BILLION_LAUGHS = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]) + "\n"


@pytest.mark.parametrize("text, fragments", [
    (plan_yaml_text() + BILLION_LAUGHS, ("nở ra",)),
    ("loai: ke_hoach\nmo_dau: &x [a, *x]\n", ("vòng lặp", "dòng 2")),
    ("loai: ke_hoach\nmo_dau: &x {a: [b, *x]}\n", ("vòng lặp", "dòng 2")),
    ("loai: ke_hoach\nmo_dau: *x\n", ("chưa được khai báo", "dòng 2")),
    ("loai: ke_hoach\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" if i else "a0: &a0 [x]\n" for i in range(60)),
     ("lồng nhau quá 40 cấp",)),
])
def test_alias_bombs_and_self_references_are_refused(tmp_path, text, fragments):
    result, out = render_text(tmp_path, text)
    refused_in_vietnamese(result, out, "danh", *fragments)


def test_an_alias_for_a_repeated_list_is_expanded_once_per_place(tmp_path):
    """PyYAML's own dumper writes aliases for a list used twice; each place is checked and
    substituted once (a raw block stays raw in both)."""
    text = plan_yaml_text().replace(
        "nguoi_ky:", "kinh_gui: &ds\n- 'UBND {% raw %}{{ x }}{% endraw %} năm {{ nam }}'\n- Sở Tài chính\nnguoi_ky:").replace(
        "noi_nhan:\n- UBND tỉnh (để b/c)\n- GĐ, PGĐ Sở\n", "noi_nhan: *ds\n")
    assert "noi_nhan: *ds" in text
    result, out = render_text(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert rendered_text(out).count("UBND {{ x }} năm 2024") == 2


def test_the_billion_laughs_stays_small_in_a_child_process(tmp_path):
    source = tmp_path / "bom.yaml"
    source.write_text(plan_yaml_text() + BILLION_LAUGHS, encoding="utf-8")
    child = run_limited("render", str(source), "-o", str(tmp_path / "a.docx"), cwd=tmp_path)
    assert child.returncode == 2 and "nở ra" in child.stderr and "Traceback" not in child.stderr


@pytest.mark.parametrize("tag", ["!!binary AGFiYw==", "!!python/object/apply:os.system ['true']",
                                 "!ten_rieng abc", "!!str abc", "!!timestamp 2024-02-30"])
def test_explicit_tags_are_refused(tmp_path, tag):
    result, out = render_text(tmp_path, plan_yaml_text().replace("dia_danh: Hà Tĩnh", f"dia_danh: {tag}"))
    refused_in_vietnamese(result, out, "thẻ kiểu YAML", "dòng ")


@pytest.mark.parametrize("escape, code", [("\\0", "U+0000"), ("\\x07", "U+0007"), ("\\uFFFE", "U+FFFE"),
                                          ("\\uFFFF", "U+FFFF"), ("\\x85", "U+0085"), ("\\U0001FFFF", "U+1FFFF")])
def test_characters_word_cannot_hold_name_the_field(tmp_path, escape, code):
    text = plan_yaml_text().replace("dia_danh: Hà Tĩnh", f'dia_danh: "Hà{escape}Tĩnh"')
    result, out = render_text(tmp_path, text)
    refused(result, out, code, "trường 'dia_danh'", "dòng ")


def test_a_raw_control_byte_in_the_file_names_the_line(tmp_path):
    result, out = render_text(tmp_path, plan_yaml_text().replace("dia_danh: Hà Tĩnh", "dia_danh: Hà\x00Tĩnh"))
    refused_in_vietnamese(result, out, "U+0000", "dòng ")


@pytest.mark.parametrize("name, text, fragments", [
    ("straight quotes", 'trich_yeu: "Kế hoạch "Tuyên truyền" năm 2024"', ("“ ”", "nháy đơn")),
    ("colon", "trich_yeu: Kế hoạch: tuyên truyền", ("dấu hai chấm", "ngoặc kép")),
    ("tab", "co_quan:\n\tban_hanh: SỞ", ("Tab",)),
    ("bracket", "noi_nhan: [UBND tỉnh, Sở Nội vụ\nluu: [VT]", ("']'",)),
    ("brace", "co_quan: {ban_hanh: SỞ, viet_tat: SNV", ("'}'",)),
    ("unclosed quote", 'trich_yeu: "Kế hoạch năm 2024', ("không đóng",)),
    ("bad escape", 'trich_yeu: "C:\\q"', ("'\\'",)),
    ("at sign", "trich_yeu: @ke_hoach", ("'@'",)),
    ("two documents", "trich_yeu: a\n---\nb: 1", ("'---'",)),
])
def test_yaml_syntax_errors_say_where_and_how_to_fix(tmp_path, name, text, fragments):
    result, out = render_text(tmp_path, "loai: ke_hoach\nnam: 2024\n" + text + "\n")
    refused_in_vietnamese(result, out, "Lỗi cú pháp YAML", "dòng ", *fragments)


def test_deep_nesting_and_too_many_values_are_refused(tmp_path):
    result, out = render_text(tmp_path, "loai: ke_hoach\nmo_dau: " + "[" * 5000 + "]" * 5000 + "\n")
    refused_in_vietnamese(result, out, "lồng nhau")
    result, out = render_text(tmp_path, "loai: ke_hoach\nmo_dau: [" + ", ".join(["a"] * 300_000) + "]\n")
    refused_in_vietnamese(result, out, "quá nhiều giá trị")


def test_an_oversized_file_is_refused_before_reading(tmp_path):
    result, out = render_text(tmp_path, plan_yaml_text() + "#" + "x" * (6 * 1024 * 1024) + "\n")
    refused(result, out, "quá lớn", "plan.yaml")


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "fifo"])
def test_special_files_are_refused_without_reading(tmp_path, special):
    if special == "fifo":
        special = str(tmp_path / "plan.yaml")
        os.mkfifo(special)
    out = tmp_path / "out.docx"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["render", special, "-o", str(out)])
    refused(result, out, "không phải tệp thường", special)


# Dates: one parser; YAML keeps dates as text.

IMPOSSIBLE = {"2024-02-30": "chỉ có 29 ngày", "2024-13-01": "từ 1 đến 12", "0000-01-01": "năm 0000",
              "2023-02-29": "chỉ có 28 ngày"}
DATE_FIELDS = {"ngay": ("ngay: 2024-01", "ngay: {d}"),
               "trich_yeu": ("trich_yeu: Cải cách hành chính năm {{{{ nam }}}}", "trich_yeu: {d}"),
               "dia_danh": ("dia_danh: Hà Tĩnh", "dia_danh: {d}"),
               "so": ("so: null", "so: {d}")}


@pytest.mark.parametrize("day", sorted(IMPOSSIBLE))
@pytest.mark.parametrize("field", sorted(DATE_FIELDS))
def test_an_unquoted_impossible_date_in_any_field(tmp_path, day, field):
    before, after = DATE_FIELDS[field]
    text = plan_yaml_text()
    assert before.replace("{{{{", "{{").replace("}}}}", "}}") in text
    text = text.replace(before.replace("{{{{", "{{").replace("}}}}", "}}"), after.format(d=day))
    result, out = render_text(tmp_path, text)
    refused_in_vietnamese(result, out, f"Ngày '{day}' không có thật", IMPOSSIBLE[day], f"trường '{field}'", "dòng ")
    assert result.output.count("không có thật") == 1


@pytest.mark.parametrize("day", ["'2024-02-30'", '"2023-02-29"'])
def test_a_quoted_impossible_issue_date(tmp_path, day):
    result, out = render_text(tmp_path, plan_yaml_text().replace("ngay: 2024-01", f"ngay: {day}"))
    refused_in_vietnamese(result, out, "không có thật", "trường 'ngay'")


def test_a_real_unquoted_date_is_still_a_date_and_text_stays_text(tmp_path):
    text = plan_yaml_text().replace("ngay: 2024-01", "ngay: 2024-02-29").replace(
        "dia_danh: Hà Tĩnh", "dia_danh: 2024-01-05")
    result, out = render_text(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert "2024-01-05, ngày 29 tháng 02 năm 2024" in rendered_text(out)


def _report(tmp_path, plan_text: str, report_extra: str = "") -> tuple:
    (tmp_path / "ke_hoach.yaml").write_text(plan_text, encoding="utf-8")
    report = tmp_path / "bao_cao.yaml"
    report.write_text("loai: bao_cao\nke_hoach: ke_hoach.yaml\nky_bao_cao: quy_1\n" + report_extra,
                      encoding="utf-8")
    return report


def test_impossible_dates_in_report_plan_rollover_and_check(tmp_path):
    bad_plan = plan_yaml_text().replace("ngay: 2024-01", "ngay: 2024-02-30")
    report = _report(tmp_path, bad_plan)
    out = tmp_path / "bao_cao.docx"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["report", str(report), "-o", str(out)])
    refused(result, out, "ke_hoach.yaml", "không có thật", "trường 'ngay'")

    good = plan_yaml_text()
    report = _report(tmp_path, good, "ngay: 2023-02-29\n")
    result = CliRunner().invoke(cli, ["report", str(report), "-o", str(out)])
    refused(result, out, "bao_cao.yaml", "chỉ có 28 ngày", "trường 'ngay'", "dòng 4")

    (tmp_path / "ke_hoach.yaml").write_text(bad_plan, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "ke_hoach.yaml")])
    assert result.exit_code == 2 and "không có thật" in result.output and "Traceback" not in result.output

    target = tmp_path / "ke_hoach_2025.yaml"
    result = CliRunner().invoke(cli, ["rollover", str(tmp_path / "ke_hoach.yaml"), "--nam", "2025",
                                      "-o", str(target)])
    assert result.exit_code == 2 and "không có thật" in result.output and "trường 'ngay'" in result.output
    assert not target.exists()

    (tmp_path / "ke_hoach.yaml").write_text(good, encoding="utf-8")
    year_end = _report(tmp_path, good, "ngay: 2024-13-01\n")
    result = CliRunner().invoke(cli, ["rollover", str(tmp_path / "ke_hoach.yaml"), "--nam", "2025",
                                      "--bao-cao", str(year_end), "-o", str(target)])
    assert result.exit_code == 2 and "từ 1 đến 12" in result.output and "bao_cao.yaml" in result.output
    assert not target.exists()


def test_messages_never_pass_terminal_control_characters_through(tmp_path):
    text = plan_yaml_text().replace("dia_danh: Hà Tĩnh", 'dia_danh: Hà Tĩnh\n"\\e[2J\\u202ekhoa": 1')
    result, out = render_text(tmp_path, text)
    refused(result, out, "<U+001B>[2J<U+202E>khoa")
    assert "\x1b" not in result.output and "\u202e" not in result.output
