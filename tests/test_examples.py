"""Every example in examples/ renders, validates as OOXML, converts in LibreOffice and passes `check`."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdfplumber
import pytest
import yaml
from openxml_audit import OpenXmlValidator

from tests.conftest import EXAMPLE_FILES, EXAMPLES, convert_to_pdf


def kind_of(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["loai"]


def test_examples_cover_plans_reports_and_decisions():
    kinds = {kind_of(p) for p in EXAMPLE_FILES}
    assert {"ke_hoach", "bao_cao", "quyet_dinh", "cong_van"} <= kinds


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_is_valid_ooxml(rendered_examples, name):
    result = OpenXmlValidator().validate(str(rendered_examples[name]))
    assert result.is_valid, [str(e) for e in result.errors][:5]


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_passes_the_conformance_check(rendered_examples, name):
    from hanhchinh_docs.checker import check_document

    report = check_document(rendered_examples[name])
    failures = [r for r in report.results if r.outcome == "khong_dat"]
    assert not report.failed, failures


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_converts_in_libreoffice(rendered_examples, name, tmp_path):
    pdf = convert_to_pdf(rendered_examples[name], tmp_path)
    with pdfplumber.open(str(pdf)) as document:
        first = document.pages[0]
        assert first.width < first.height
        landscape = [p for p in document.pages if p.width > p.height]
        if kind_of(EXAMPLES / name) == "ke_hoach":
            assert landscape, "the appendix page is landscape"
        if landscape:   # only appendices are landscape
            assert "Phụ lục" in unicodedata.normalize("NFC", landscape[0].extract_text())
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in unicodedata.normalize("NFC", first.extract_text())


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_saved_again_by_libreoffice_still_passes_the_check(resaved_examples, name):
    from hanhchinh_docs.checker import check_document

    report = check_document(resaved_examples[name])
    assert not report.failed, [r for r in report.results if r.outcome == "khong_dat"]
