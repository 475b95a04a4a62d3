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
EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.yaml"))


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


@pytest.fixture(scope="session")
def rendered_examples(tmp_path_factory) -> dict[str, Path]:
    """Every example rendered once for the session, by file name."""
    from hanhchinh_docs import api

    folder = tmp_path_factory.mktemp("examples")
    return {path.name: api.render_document(path, folder / f"{path.stem}.docx").output for path in EXAMPLE_FILES}


@pytest.fixture(scope="session")
def resaved_examples(rendered_examples, tmp_path_factory) -> dict[str, Path]:
    """Every rendered example opened and saved again as .docx by LibreOffice Writer, as a clerk who edits
    there does (one soffice run): LibreOffice rewrites style ids ("ND30NoiDung" -> "ND30Nidung"), drops the
    first-page header of one-page sections and restructures runs."""
    folder = tmp_path_factory.mktemp("resaved")
    subprocess.run([soffice(), "--headless", f"-env:UserInstallation=file://{folder / 'profile'}",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder),
                    *map(str, rendered_examples.values())], capture_output=True, timeout=600, check=True)
    return {name: folder / path.name for name, path in rendered_examples.items()}
