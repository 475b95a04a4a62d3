"""Shared fixtures: rendered example documents and their PDFs (LibreOffice)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_PLAN = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


def soffice() -> str:
    """LibreOffice's binary; missing it fails in CI (where .ci/run installs it) and skips elsewhere."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI; .ci/run should have installed it")
        pytest.skip("LibreOffice is not installed")
    return path


def convert_to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert with a private LibreOffice profile (shared profiles fail silently in parallel)."""
    profile = out_dir / "lo_profile"
    result = subprocess.run(
        [soffice(), "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = out_dir / (docx.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice wrote no PDF (rc={result.returncode}): {result.stderr[-500:]}"
    return pdf


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory) -> Path:
    from hanhchinh_docs.api import render_plan

    out = tmp_path_factory.mktemp("seed") / "ke_hoach.docx"
    render_plan(SEED_PLAN, out)
    return out


@pytest.fixture(scope="session")
def seed_pdf(seed_docx, tmp_path_factory) -> Path:
    return convert_to_pdf(seed_docx, tmp_path_factory.mktemp("seed_pdf"))
