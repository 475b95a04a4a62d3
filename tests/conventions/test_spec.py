"""The one ND30 spec: pure (no python-docx), read by the renderer and the checker alike."""

from __future__ import annotations

import ast
from pathlib import Path

import docx.shared

from hanhchinh_docs.conventions.spec import load_spec
from hanhchinh_docs.conventions.units import Cm, Length, Mm, Pt, Twips
from hanhchinh_docs.render import template_builder

CONVENTIONS = Path(__file__).resolve().parents[2] / "hanhchinh_docs" / "conventions"


def test_conventions_do_not_import_python_docx():
    for path in CONVENTIONS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        modules |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        assert not any(m == "docx" or m.startswith(("docx.", "docxtpl")) for m in modules), path.name


def test_lengths_equal_python_docx_lengths():
    assert Mm(20) == docx.shared.Mm(20) == 720000
    assert Cm(1.27) == docx.shared.Cm(1.27) == 457200
    assert Pt(14) == docx.shared.Pt(14) == 177800
    assert Twips(108) == docx.shared.Twips(108) == 68580
    assert Mm(20).mm == 20.0 and Cm(1).cm == 1.0 and Pt(13).pt == 13.0 and Twips(1134).twips == 1134


def test_spec_values_from_the_data_file():
    spec = load_spec()
    assert spec.paper == (Mm(210), Mm(297))
    assert isinstance(spec.paper[0], Length)
    assert (spec.margins["left"].low, spec.margins["left"].high) == (30.0, 35.0)
    assert spec.first_line_indents == (Cm(1), Cm(1.27))
    assert spec.element("trich_yeu_cong_van").sample_size == 12


def test_renderer_takes_margins_and_sizes_from_the_spec():
    assert template_builder.PORTRAIT_MARGINS == {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
    sizes = {s.style_id: s.size for s in template_builder.STYLES}
    assert sizes["ND30QuocHieu"] == 13 and sizes["ND30TieuNgu"] == 14 and sizes["ND30NoiNhan"] == 11
