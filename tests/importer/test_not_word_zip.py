"""A zip that is not a Word document (an Excel file, any archive) is refused with a clear message."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli


def test_zip_without_word_part_exits_2(tmp_path):
    source = tmp_path / "cu.docx"
    with zipfile.ZipFile(source, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    out = tmp_path / "cu.yaml"
    result = CliRunner().invoke(cli, ["import", str(source), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Lỗi: ") and "Traceback" not in result.output
    assert "cu.docx" in result.output
    assert not out.exists()
