"""The wheel ships every subpackage (a missing one only shows up after a non-editable install)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_in_pyproject():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on Python 3.10
    block = re.search(r"^packages = \[(.*?)^\]", pyproject, re.S | re.M)[1]
    listed = set(re.findall(r'"([\w.]+)"', block))
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "hanhchinh_docs").rglob("__init__.py")
    }
    assert listed == found | {"hanhchinh_docs.templates"}
