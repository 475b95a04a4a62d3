"""``hanhchinh-docs pdf``: Word files to PDF, all in one LibreOffice run."""

from __future__ import annotations

import sys

import click

from hanhchinh_docs.cli.common import reports_errors


@click.command("pdf")
@click.argument("files", metavar="TỆP.docx...", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--outdir", metavar="THƯ_MỤC", type=click.Path(file_okay=False), help="Thư mục ghi các tệp .pdf (mặc định: cạnh tệp .docx).")
@click.option("--pdfa", is_flag=True, help="Tạo PDF/A (PDF/A-2b) để lưu trữ.")
@reports_errors
def pdf_command(files: tuple[str, ...], outdir: str | None, pdfa: bool) -> None:
    """Chuyển các tệp Word (.docx) sang PDF bằng LibreOffice."""
    from hanhchinh_docs.api import convert_pdfs

    failed = 0
    for outcome in convert_pdfs(files, outdir, pdfa=pdfa):
        if outcome.error:
            failed += 1
            click.echo(f"Lỗi: {outcome.error}", err=True)
        else:
            click.echo(f"Đã tạo {outcome.job.target}")
    if failed:
        click.echo(f"Không chuyển được {failed}/{len(files)} tệp", err=True)
        sys.exit(2)
