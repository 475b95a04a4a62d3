"""Every example in examples/ renders, validates as OOXML, converts in LibreOffice and passes `check`."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
import yaml
from openxml_audit import OpenXmlValidator

from tests.conftest import EXAMPLES, convert_to_pdf, soffice

EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.yaml"))


def kind_of(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["loai"]


def render_example(path: Path, out: Path) -> None:
    from hanhchinh_docs import api

    api.render_document(path, out)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("examples")
    outputs = {}
    for path in EXAMPLE_FILES:
        out = folder / f"{path.stem}.docx"
        render_example(path, out)
        outputs[path.name] = out
    return outputs


def test_examples_cover_plans_reports_and_decisions():
    kinds = {kind_of(p) for p in EXAMPLE_FILES}
    assert {"ke_hoach", "bao_cao", "quyet_dinh", "cong_van"} <= kinds


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_is_valid_ooxml(rendered, name):
    result = OpenXmlValidator().validate(str(rendered[name]))
    assert result.is_valid, [str(e) for e in result.errors][:5]


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_passes_the_conformance_check(rendered, name):
    from hanhchinh_docs.checker import check_document

    report = check_document(rendered[name])
    failures = [r for r in report.results if r.outcome == "khong_dat"]
    assert not report.failed, failures


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_converts_in_libreoffice(rendered, name, tmp_path):
    pdf = convert_to_pdf(rendered[name], tmp_path)
    with pdfplumber.open(str(pdf)) as document:
        first = document.pages[0]
        assert first.width < first.height
        landscape = [p for p in document.pages if p.width > p.height]
        if kind_of(EXAMPLES / name) == "ke_hoach":
            assert landscape, "the appendix page is landscape"
        if landscape:   # only appendices are landscape
            assert "Phụ lục" in unicodedata.normalize("NFC", landscape[0].extract_text())
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in unicodedata.normalize("NFC", first.extract_text())


@pytest.fixture(scope="module")
def resaved(rendered, tmp_path_factory) -> dict[str, Path]:
    """Every example opened and saved again as .docx by LibreOffice Writer, as a clerk who edits there does:
    LibreOffice rewrites style ids, drops the first-page header of one-page sections, restructures runs."""
    folder = tmp_path_factory.mktemp("resaved")
    subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{folder / 'profile'}",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), *map(str, rendered.values())],
                   capture_output=True, timeout=600, check=True)
    return {name: folder / path.name for name, path in rendered.items()}


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_saved_again_by_libreoffice_still_passes_the_check(resaved, name):
    from hanhchinh_docs.checker import check_document

    report = check_document(resaved[name])
    assert not report.failed, [r for r in report.results if r.outcome == "khong_dat"]
