"""Imports go one way: cli -> api -> {render, checker, importer, rollover, reporting} -> model -> conventions.

checker and importer read .docx files through docx_reading, which sits just above conventions.

render and checker never import each other; the pure conventions layer imports nothing above it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hanhchinh_docs"

ALLOWED = {  # layer -> the project layers it may import (errors and data are shared by all)
    "conventions": {"conventions"},
    "model": {"model", "conventions"},
    "reporting": {"reporting", "model", "conventions"},
    "render": {"render", "reporting", "model", "conventions", "docx_reading"},
    "docx_reading": {"docx_reading", "conventions"},
    "checker": {"checker", "docx_reading", "model", "conventions"},
    "importer": {"importer", "docx_reading", "model", "conventions", "output"},
    "rollover": {"rollover", "model", "conventions"},
    "output": {"output"},
    "pdf": {"pdf", "output"},
    "api": {"api", "render", "checker", "reporting", "model", "conventions", "output", "pdf"},
}
SHARED = {"errors", "data", "templates"}


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hanhchinh_docs."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names |= {a.name.split(".")[1] for a in node.names if a.name.startswith("hanhchinh_docs.")}
    return names - SHARED


MODULES = [p for p in PACKAGE.rglob("*.py") if layer_of(p) in ALLOWED]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_lower_layers(path):
    layer = layer_of(path)
    assert imported_layers(path) <= ALLOWED[layer], f"{layer} may import only {sorted(ALLOWED[layer])}"
