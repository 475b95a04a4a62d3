"""Data text is never a template, and a user's --template may use only a bounded part of Jinja.

Data: ``{{ nam }}`` (any spaces inside) is substituted, ``{% raw %}…{% endraw %}`` is printed as
written, anything else that looks like a tag is refused with the file, line and field.
"""

from __future__ import annotations

import docx
import pytest

from tests.hostile.hostile_support import (
    plan_yaml_text, refused, render_data, render_text, rendered_text, run_limited, write_yaml,
)
from tests.support.plans import plan_data

HOSTILE_TAGS = [
    "{{ 7*7 }}",
    "{{ 9**(9**9) }}",
    "{{ 'A'*100000000 }}",
    "{{ nam|center(1000000000) }}",
    "{{ 1/0 }}",
    "{% include 'ke_hoach.yaml' %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
    "{# chú thích #}",
    "{{ nam.__class__.__mro__ }}",
    "{{- nam -}}",
    "{{ nam + 1 }}",
]


def _set_field(data: dict, field: str, text: str) -> None:
    if field == "trich_yeu":
        data["trich_yeu"] = text
    elif field == "nhiem_vu":
        data["phu_luc"][0]["nhiem_vu"][0]["noi_dung"] = text
    elif field == "noi_nhan":
        data["noi_nhan"] = ["UBND tỉnh", text]
    elif field == "ho_ten":
        data["nguoi_ky"]["ho_ten"] = text


FIELD_PATHS = {"trich_yeu": "trich_yeu", "nhiem_vu": "phu_luc[0].nhiem_vu[0].noi_dung",
               "noi_nhan": "noi_nhan[1]", "ho_ten": "nguoi_ky.ho_ten"}


@pytest.mark.parametrize("tag", HOSTILE_TAGS)
@pytest.mark.parametrize("field", sorted(FIELD_PATHS))
def test_a_tag_in_any_text_is_refused_with_file_line_and_field(tmp_path, tag, field):
    data = plan_data()
    _set_field(data, field, f"Tuyên truyền {tag} năm {{{{ nam }}}}")
    result, out = render_data(tmp_path, data)
    refused(result, out, "plan.yaml", "dòng ", f"trường '{FIELD_PATHS[field]}'", "{{ nam }}")
    assert "49" not in result.output.replace(str(tmp_path), "")    # the temp folder may be pytest-497


def test_the_refusal_shows_the_tag_and_the_way_to_print_it(tmp_path):
    result, out = render_data(tmp_path, trich_yeu="Kết quả {{ 7*7 }} lần")
    refused(result, out, "“{{ 7*7 }}” không được phép", "{% raw %}", "trường 'trich_yeu'")


def test_an_unclosed_tag_says_what_is_missing(tmp_path):
    result, out = render_data(tmp_path, trich_yeu="Kế hoạch {% if nam")
    refused(result, out, "thiếu '%}' để đóng", "trường 'trich_yeu'")


@pytest.mark.parametrize("written", ["{{ nam }}", "{{nam}}", "{{   nam }}", "{{\tnam\t}}"])
def test_the_year_variable_in_its_spacing_variants(tmp_path, written):
    result, out = render_data(tmp_path, trich_yeu=f"Cải cách hành chính năm {written}")
    assert result.exit_code == 0, result.output
    assert "Cải cách hành chính năm 2024" in rendered_text(out)


def test_raw_text_is_printed_as_written_and_never_reparsed_by_docxtpl(tmp_path):
    data = plan_data(trich_yeu="Cú pháp {% raw %}{{ 7*7 }} và {% if x %}{% endraw %} năm {{ nam }}")
    data["phu_luc"][0]["nhiem_vu"][0]["noi_dung"] = "{% raw %}{{ nam }}{% endraw %} {_{ a }_} {_% b %_}"
    result, out = render_data(tmp_path, data)
    assert result.exit_code == 0, result.output
    text = rendered_text(out)
    assert "Cú pháp {{ 7*7 }} và {% if x %} năm 2024" in text
    assert "49" not in text
    assert "{{ nam }} {_{ a }_} {_% b %_}" in text  # raw kept as written; docxtpl's own escapes untouched


@pytest.mark.parametrize("year", ["2024", "'2024'", '"2024"', "' 2024 '"])
def test_a_quoted_year_is_the_same_year(tmp_path, year):
    text = plan_yaml_text().replace("nam: 2024", f"nam: {year}")
    assert f"nam: {year}" in text
    result, out = render_text(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert "Cải cách hành chính năm 2024" in rendered_text(out)
    assert "{{" not in rendered_text(out)


@pytest.mark.parametrize("year", ["'٢٠٢٤'", "'²⁰²⁴'", "'２０２４'", "'2_024'"])
def test_a_year_in_other_digits_is_refused(tmp_path, year):
    result, out = render_text(tmp_path, plan_yaml_text().replace("nam: 2024", f"nam: {year}"))
    refused(result, out, "chữ số 0-9", "trường 'nam'", "dòng 2")


@pytest.mark.parametrize("number", ["'٥'", "'²'", "'５'"])
def test_a_number_in_other_digits_is_refused(tmp_path, number):
    result, out = render_text(tmp_path, plan_yaml_text().replace("so: null", f"so: {number}"))
    refused(result, out, "chữ số 0-9", "trường 'so'")


# --template: a user's template may hold anything; it is checked before anything runs.

def _template(tmp_path, *paragraphs: str):
    path = tmp_path / "mau.docx"
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


HOSTILE_TEMPLATES = {
    "broken tag": ("{{ trich_yeu ", "không có '}}' đóng"),
    "broken expression": ("{{ trich_yeu + }}", "viết sai"),
    "unknown tag": ("{% bogus %}", "viết sai"),
    "unclosed for": ("{% for x in noi_nhan %}{{ x }}", "chưa đóng"),
    "include": ("{% include 'ke_hoach.docx' %}", "{% include %}"),
    "import": ("{% import 'x' as y %}", "{% import %}"),
    "extends": ("{% extends 'x' %}", "{% extends %}"),
    "range": ("{% for i in range(10**9) %}x{% endfor %}", "gọi hàm"),
    "division": ("{{ 1/0 }}", "phép chia"),
    "power": ("{{ 9**(9**9) }}", "lũy thừa"),
    "repeat": ("{{ 'A'*100000000 }}", "phép nhân"),
    "center": ("{{ trich_yeu|center(1000000000) }}", "'|center'"),
    "macro": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{% macro %}"),
    "lipsum": ("{{ lipsum(10**6) }}", "gọi hàm"),
    "set": ("{% set x = trich_yeu %}{{ x }}", "{% set %}"),
    "autoescape": ("{% autoescape false %}{{ trich_yeu }}{% endautoescape %}", "{% autoescape %}"),
    "internals": ("{{ trich_yeu.__class__ }}", "nội bộ"),
    "attribute call": ("{{ trich_yeu.upper() }}", "gọi hàm"),
    "compare types": ("{% if nam < 'a' %}x{% endif %}", "không đúng kiểu"),
    "unknown name": ("{{ ten_khong_co }}", "'ten_khong_co'"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEMPLATES))
def test_a_hostile_template_is_refused_with_its_name(tmp_path, name):
    tag, fragment = HOSTILE_TEMPLATES[name]
    template = _template(tmp_path, "Trích yếu: {{ trich_yeu }}", tag)
    result, out = render_data(tmp_path, None, "--template", str(template))
    refused(result, out, "mau.docx", fragment)
    for english in ("undefined", "unexpected", "Encountered", "Traceback", "Error"):
        assert english not in result.output


def test_nested_loops_over_the_data_are_bounded(tmp_path):
    """100 recipients, five loops deep: 10^10 steps if it ran; refused after the loop budget."""
    data = plan_data(noi_nhan=[f"Đơn vị {i}" for i in range(100)])
    loops = "".join(f"{{% for a{i} in noi_nhan %}}" for i in range(5)) + "x" + "{% endfor %}" * 5
    template = _template(tmp_path, loops)
    result, out = render_data(tmp_path, data, "--template", str(template))
    refused(result, out, "mau.docx", "lặp quá nhiều lần")


def test_a_template_using_only_the_allowed_part_renders(tmp_path):
    template = _template(
        tmp_path, "{{ trich_yeu|upper }}",
        "{% for dong in noi_nhan %}{% if not loop.last %}{{ loop.index }}. {{ dong }}{% endif %}{% endfor %}",
        "{{ nguoi_ky.ho_ten ~ ' (' ~ so_ky_hieu|default('') ~ ')' }}")
    result, out = render_data(tmp_path, None, "--template", str(template))
    assert result.exit_code == 0, result.output
    text = rendered_text(out)
    assert "CẢI CÁCH HÀNH CHÍNH NĂM 2024" in text
    assert "1. - UBND tỉnh (để b/c);" in text


def test_hostile_data_and_template_stay_within_time_and_memory(tmp_path):
    """The bombs of the issue, in a child process with 1 GB and 30 s."""
    data = plan_data(trich_yeu="{{ 'A'*100000000 }}{{ 9**(9**9) }}")
    source = write_yaml(tmp_path / "plan.yaml", data)
    child = run_limited("render", str(source), "-o", str(tmp_path / "a.docx"), cwd=tmp_path)
    assert child.returncode == 2 and "không được phép" in child.stderr and "Traceback" not in child.stderr
    template = _template(tmp_path, "{% for a in noi_nhan %}" * 8 + "{{ trich_yeu }}" + "{% endfor %}" * 8)
    many = write_yaml(tmp_path / "many.yaml", plan_data(noi_nhan=[f"Đơn vị {i}" for i in range(50)]))
    child = run_limited("render", str(many), "-o", str(tmp_path / "b.docx"), "--template", str(template),
                        cwd=tmp_path)
    assert child.returncode == 2 and "mau.docx" in child.stderr and "Traceback" not in child.stderr
    assert not (tmp_path / "a.docx").exists() and not (tmp_path / "b.docx").exists()


def test_a_template_full_of_unclosed_tags_is_refused_before_docxtpl_scans_it(tmp_path):
    """docxtpl's clean-up is quadratic in unclosed tags: 40,000 of them took two minutes."""
    template = _template(tmp_path, "{%" * 40_000)
    result, out = render_data(tmp_path, None, "--template", str(template))
    refused(result, out, "mau.docx", "không có '%}' đóng")


def test_a_template_with_too_many_long_tags_is_refused(tmp_path):
    template = _template(tmp_path, ("{{ " + " " * 2_000 + "trich_yeu }}") * 6_000)
    result, out = render_data(tmp_path, None, "--template", str(template))
    refused(result, out, "mau.docx", "quá nhiều thẻ")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
def test_a_template_that_is_not_a_regular_file_is_refused(tmp_path, special):
    import os

    if special == "fifo":
        special = str(tmp_path / "mau.docx")
        os.mkfifo(special)
    elif special == "folder":
        special = str(tmp_path / "thu_muc.docx")
        os.mkdir(special)
    result, out = render_data(tmp_path, None, "--template", special)
    refused(result, out, special)


def test_a_template_zip_bomb_is_refused(tmp_path):
    import zipfile

    template = tmp_path / "mau.docx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (300 << 20) + b"</w:document>")
    result, out = render_data(tmp_path, None, "--template", str(template))
    refused(result, out, "mau.docx", "quá lớn")


def test_a_progress_sheet_follows_the_same_text_rule(tmp_path):
    from click.testing import CliRunner

    from hanhchinh_docs.cli.main import cli
    from tests.support.cli import EXISTING

    write_yaml(tmp_path / "ke_hoach.yaml", plan_data())
    report = tmp_path / "bao_cao.yaml"
    report.write_text("loai: bao_cao\nke_hoach: ke_hoach.yaml\nky_bao_cao: quy_1\nngay: 2024-03-15\n",
                      encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    sheet = tmp_path / "tien_do.csv"
    sheet.write_text("Mã,Tình trạng,Kết quả\nNV01,Hoàn thành,Đăng 25 tin {{ 7*7 }}\n", encoding="utf-8")
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["report", str(report), "--tien-do", str(sheet), "-o", str(out)])
    refused(result, out, "tien_do.csv", "dòng 2", "“{{ 7*7 }}” không được phép")
    sheet.write_text("Mã,Tình trạng,Kết quả\nNV01,Hoàn thành,Đăng 25 tin trong năm {{nam}}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(report), "--tien-do", str(sheet), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Đăng 25 tin trong năm 2024" in rendered_text(out)
