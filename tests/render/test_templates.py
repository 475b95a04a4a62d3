"""The committed templates are exactly what the builder script makes, and are valid Word files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from openxml_audit import OpenXmlValidator

from hanhchinh_docs.render.template_builder import KINDS, STYLES, build_template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_template_is_what_the_script_builds(kind):
    committed = (TEMPLATES / f"{kind}.docx").read_bytes()
    assert members(committed) == members(build_template(kind)), (
        f"templates/{kind}.docx is out of date: run python tools/build_templates.py")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_is_valid_and_editable(kind):
    path = TEMPLATES / f"{kind}.docx"
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [str(e) for e in result.errors][:5]
    document = docx.Document(str(path))
    names = {s.name for s in document.styles}
    assert {spec.name for spec in STYLES} <= names
    text = "\n".join(p.text for p in document.paragraphs)
    if kind == "cong_van":   # Mẫu 1.5: no type name; "V/v ..." under the number, in the header table
        assert "{{ trich_yeu }}" not in text
        assert "{{ trich_yeu_cong_van }}" in document.tables[0].cell(1, 0).text
    else:
        assert KINDS[kind].type_name in text and "{{ trich_yeu }}" in text


def test_build_is_deterministic():
    assert build_template("ke_hoach") == build_template("ke_hoach")


def test_installed_package_ships_the_templates():
    from importlib import resources

    for kind in KINDS:
        shipped = resources.files("hanhchinh_docs.templates").joinpath(f"{kind}.docx").read_bytes()
        assert shipped == (TEMPLATES / f"{kind}.docx").read_bytes()


def test_a_restyled_template_is_used_and_still_conforms(tmp_path):
    """A clerk opens the template, sets the body to 13 pt (legal) and passes it back with --template."""
    from docx.shared import Pt

    from hanhchinh_docs.api import render_plan
    from hanhchinh_docs.checker import check_document
    from tests.conftest import SEED_PLAN

    template = docx.Document(str(TEMPLATES / "ke_hoach.docx"))
    template.styles["ND30 Nội dung"].font.size = Pt(13)
    template.save(str(tmp_path / "mau.docx"))
    out = tmp_path / "ke_hoach.docx"
    render_plan(SEED_PLAN, out, tmp_path / "mau.docx")
    rendered = docx.Document(str(out))
    assert rendered.styles["ND30 Nội dung"].font.size == Pt(13)
    assert not check_document(out).failed
