"""Imports go one way: cli -> api -> {render, checker, importer, rollover, reporting} -> model -> conventions.

cli imports only api (and the shared errors); conventions is pure Python (no python-docx, lxml,
spreadsheet or template library; its ND30 spec reads a packaged YAML table).

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
    "batch": {"batch"},
    "api": {"api", "render", "checker", "reporting", "model", "conventions", "output", "pdf", "importer",
            "rollover", "batch"},
    "cli": {"cli", "api"},
}

FORBIDDEN_LIBRARIES = {  # layer -> third-party libraries it must not import
    "conventions": {"docx", "docxtpl", "lxml", "openpyxl", "jinja2", "ruamel", "pydantic", "click"},
    "model": {"docx", "docxtpl", "lxml", "click"},
    "cli": {"docx", "docxtpl", "lxml", "openpyxl", "jinja2", "yaml", "ruamel", "pydantic"},
}
SHARED = {"errors", "data", "templates", "collector"}


def layer_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "hanhchinh_docs":
            names |= {a.name for a in node.names if a.name != "__version__"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("hanhchinh_docs."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names |= {a.name.split(".")[1] for a in node.names if a.name.startswith("hanhchinh_docs.")}
    return names - SHARED


MODULES = [p for p in PACKAGE.rglob("*.py") if layer_of(p) in ALLOWED]


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_lower_layers(path):
    layer = layer_of(path)
    assert imported_layers(path) <= ALLOWED[layer], f"{layer} may import only {sorted(ALLOWED[layer])}"


def imported_libraries(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
    return names


@pytest.mark.parametrize("path", [p for p in MODULES if layer_of(p) in FORBIDDEN_LIBRARIES],
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_no_forbidden_library(path):
    assert imported_libraries(path) & FORBIDDEN_LIBRARIES[layer_of(path)] == set()
