"""Where the real documents are: ``shared/realdocs`` beside the clone (CI puts it there)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REALDOCS = Path(__file__).resolve().parent.parent.parent / "shared" / "realdocs"


def realdocs_folder(name: str) -> Path:
    """``shared/realdocs/<name>``; missing it fails in CI and skips elsewhere."""
    folder = REALDOCS / name
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{folder} is required in CI (shared/ beside the clone)")
        pytest.skip(f"{folder} is not here")
    return folder


def realdocs_files(name: str) -> list[Path]:
    """The .docx files of ``shared/realdocs/<name>``, sorted (empty when the folder is missing)."""
    folder = REALDOCS / name
    return sorted(folder.glob("*.docx")) if folder.is_dir() else []
