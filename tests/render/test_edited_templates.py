"""Templates saved again by LibreOffice (which rewrites every style id) still render right, with no warning;
a template that lost one of our styles is warned about."""

from __future__ import annotations

import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from hanhchinh_docs import api
from tests.conftest import EXAMPLES, ROOT, soffice

TEMPLATE_DIR = ROOT / "templates"

PLAN = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml"
REPORT = EXAMPLES / "bao_cao_quy_1_2024.yaml"


@pytest.fixture(scope="module")
def round_tripped(tmp_path_factory) -> dict[str, Path]:
    """The shipped templates opened and saved unchanged by LibreOffice (private profile)."""
    folder = tmp_path_factory.mktemp("round_trip")
    out = folder / "out"
    for name in ("ke_hoach.docx", "bao_cao.docx"):
        subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{folder / 'profile'}",
                        "--convert-to", "docx", "--outdir", str(out), str(TEMPLATE_DIR / name)],
                       capture_output=True, timeout=180, check=False)
    return {name: out / name for name in ("ke_hoach.docx", "bao_cao.docx")}


def short_line_indents(path: Path) -> list[int]:
    """Left indents (twips) of the short-line paragraphs ("ND30 Đường kẻ ...") of a rendered document."""
    document = docx.Document(str(path))
    indents = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")).startswith("ND30DuongKe") and \
                style.get(qn("w:val")) != "ND30DuongKe":
            ind = p.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            indents.append(int(ind.get(qn("w:left"))) if ind is not None else 0)
    return indents


def test_libreoffice_renames_the_style_ids_but_keeps_the_names(round_tripped):
    styles = {s.name: s.style_id for s in docx.Document(str(round_tripped["ke_hoach.docx"])).styles
              if s.name.startswith("ND30")}
    assert styles["ND30 Cơ quan chủ quản"] != "ND30CoQuanChuQuan"  # what the renderer must cope with


def test_round_tripped_plan_template_renders_like_the_shipped_one(round_tripped, tmp_path):
    shipped = api.render_plan(PLAN, tmp_path / "shipped.docx")
    edited = api.render_plan(PLAN, tmp_path / "edited.docx", round_tripped["ke_hoach.docx"])
    assert [w for w in edited.warnings if "kiểu đoạn" in w.message] == []
    assert [str(w) for w in edited.warnings] == [str(w) for w in shipped.warnings]
    indents = short_line_indents(edited.output)
    assert len(indents) == 4 and all(indent > 500 for indent in indents)  # sized, not full width
    assert indents == short_line_indents(shipped.output)
    assert not api.check_docx(edited.output).failed


def test_round_tripped_report_template_renders_and_passes_check(round_tripped, tmp_path):
    result = api.render_report(REPORT, tmp_path / "bao_cao.docx", template=round_tripped["bao_cao.docx"])
    assert [w for w in result.warnings if "kiểu đoạn" in w.message] == []
    assert all(indent > 500 for indent in short_line_indents(result.output))
    assert not api.check_docx(result.output).failed


def test_a_template_without_one_of_our_styles_is_warned_about(tmp_path):
    document = docx.Document(str(TEMPLATE_DIR / "ke_hoach.docx"))
    style = document.styles["ND30 Đường kẻ dưới trích yếu"]
    style.element.getparent().remove(style.element)
    template = tmp_path / "mau.docx"
    document.save(str(template))
    result = api.render_plan(PLAN, tmp_path / "ke_hoach.docx", template)
    [warning] = [w for w in result.warnings if "kiểu đoạn" in w.message]
    assert warning.message == (
        "Mẫu không còn kiểu đoạn «ND30 Đường kẻ dưới trích yếu» nên phần dùng kiểu này sẽ theo định dạng mặc định "
        "của Word; hãy dùng lại mẫu có sẵn hoặc tạo lại kiểu đoạn đúng tên này trong mẫu")
    assert warning.location.file == str(template)
