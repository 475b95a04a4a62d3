"""Every real document (sweep, judged files, reproducers) goes through ``check`` and ``import``:
a report or a message, never an unexpected exception. Bounds (≤ 5 s, ≤ 500 MB per file) are
measured by the benchmark, not asserted here."""

from __future__ import annotations

from pathlib import Path

import pytest

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.errors import HanhChinhError
from hanhchinh_docs.importer import import_plan
from tests.realdocs import realdocs_files, realdocs_folder

FILES = [path for folder in ("sweep", "files", "repro") for path in realdocs_files(folder)] or [None]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name if path else "missing")
def test_check_and_import_finish_on_a_real_document(path: Path | None) -> None:
    if path is None:
        realdocs_folder("sweep")
    report = check_document(path)
    assert report.results and all(result.outcome for result in report.results)
    try:
        import_plan(path, force=True)
    except HanhChinhError as exc:
        assert exc.exit_code == 2 and exc.message
