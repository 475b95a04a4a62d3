"""PDF through LibreOffice: the text of the .docx, fonts embedded, PDF/A when asked, one run for many
files, and a clear message when LibreOffice is missing."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
from docx import Document

from hanhchinh_docs import api
from hanhchinh_docs.errors import PdfError

from conftest import SEED_PLAN, soffice

REPORT = SEED_PLAN.parent / "bao_cao_quy_1_2024.yaml"


def words(text: str) -> list[str]:
    return unicodedata.normalize("NFC", text).split()


def pdf_text(path: Path) -> str:
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def embedded_flags(path: Path) -> list[str]:
    """The 'emb' column of poppler's pdffonts, one entry per font."""
    header, rule, *rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                                         check=True).stdout.splitlines()
    start = header.index("emb")
    return [row[start:start + 3].strip() for row in rows]


@pytest.fixture(scope="module")
def plan_pdfa(tmp_path_factory):
    soffice()
    out = tmp_path_factory.mktemp("pdfa") / "ke_hoach.docx"
    result = api.render_plan(SEED_PLAN, out, pdfa=True)
    return result


def test_render_with_pdfa_writes_docx_and_pdf_beside_it(plan_pdfa):
    assert plan_pdfa.pdf == plan_pdfa.output.with_suffix(".pdf")
    assert plan_pdfa.output.is_file() and plan_pdfa.pdf.is_file()


def test_pdf_shows_every_word_of_the_docx_body(plan_pdfa):
    document = Document(str(plan_pdfa.output))
    docx_words = [w for p in document.paragraphs for w in words(p.text)]
    pdf_words = set(words(pdf_text(plan_pdfa.pdf)))
    missing = [w for w in docx_words if w not in pdf_words]
    assert len(docx_words) > 150
    assert missing == []
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH"):
        assert line in unicodedata.normalize("NFC", pdf_text(plan_pdfa.pdf))


def test_every_font_is_embedded(plan_pdfa):
    flags = embedded_flags(plan_pdfa.pdf)
    assert flags and set(flags) == {"yes"}


def test_pdfa_identification_only_when_asked(plan_pdfa, tmp_path):
    assert b"<pdfaid:part>2</pdfaid:part>" in plan_pdfa.pdf.read_bytes()
    plain = api.convert_pdfs([plan_pdfa.output], tmp_path)
    assert plain[0].error is None
    assert b"pdfaid:part" not in (tmp_path / "ke_hoach.pdf").read_bytes()


def test_one_run_converts_many_files_and_a_broken_one_fails_alone(tmp_path):
    soffice()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    plan = api.render_plan(SEED_PLAN, tmp_path / "a" / "van_ban.docx").output
    report = api.render_report(REPORT, tmp_path / "b" / "van_ban.docx").output  # same name, other folder
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "hong.pdf").write_bytes(b"old pdf")
    done = []
    outcomes = api.convert_pdfs([plan, broken, report], on_done=done.append)
    assert [o.job.source for o in done] == [plan, broken, report]
    assert outcomes[0].error is None and outcomes[2].error is None
    assert "hong.docx" in outcomes[1].error and "LibreOffice" in outcomes[1].error
    assert (tmp_path / "hong.pdf").read_bytes() == b"old pdf"  # an existing file is left as it was
    assert "KẾ HOẠCH" in unicodedata.normalize("NFC", pdf_text(tmp_path / "a" / "van_ban.pdf"))
    assert "BÁO CÁO" in unicodedata.normalize("NFC", pdf_text(tmp_path / "b" / "van_ban.pdf"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "hong.docx", "hong.pdf"]


def test_missing_libreoffice_names_how_to_install_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfError) as caught:
        api.render_plan(SEED_PLAN, tmp_path / "kh.docx", pdf=True)
    message = str(caught.value)
    assert "libreoffice.org" in message and "PATH" in message
    assert "sudo apt install libreoffice-writer-nogui" in message
    assert list(tmp_path.iterdir()) == []


def test_pdf_command_reports_each_file(tmp_path):
    soffice()
    from click.testing import CliRunner

    from hanhchinh_docs.cli.main import cli

    docx = api.render_plan(SEED_PLAN, tmp_path / "kh.docx").output
    result = CliRunner().invoke(cli, ["pdf", str(docx), str(tmp_path / "khong_co.docx"), "--outdir",
                                      str(tmp_path / "pdf")])
    assert result.exit_code == 2
    assert "Không tìm thấy tệp Word" in result.output
