"""``hanhchinh-docs report``: a periodic report (báo cáo) on a plan, from the plan and the progress."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("report")
@click.argument("report", metavar="BAO_CAO.yaml", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Tệp .docx kết quả (mặc định: cùng tên với tệp YAML).")
@click.option("--tien-do", "progress_sheets", type=click.Path(), multiple=True,
              help="Bảng tiến độ .xlsx hoặc .csv (cột \"TT\" hoặc \"Mã\", \"Tình trạng\", \"Kết quả\"); "
                   "ghi đè kết quả cùng nhiệm vụ trong 'ket_qua'. Ghi nhiều lần, hoặc một thư mục, để gộp bảng "
                   "của nhiều đơn vị.")
@click.option("--template", type=click.Path(dir_okay=False), help="Tệp mẫu .docx đã chỉnh sửa (mặc định: mẫu có sẵn).")
@click.option("--pdf", "pdf", is_flag=True, help="Tạo thêm tệp .pdf cùng tên (cần LibreOffice).")
@click.option("--pdfa", "pdfa", is_flag=True, help="Tạo thêm tệp .pdf dạng PDF/A để lưu trữ (cần LibreOffice).")
@reports_errors
def report_command(report: str, output: str | None, progress_sheets: tuple[str, ...], template: str | None,
                   pdf: bool, pdfa: bool) -> None:
    """Tạo báo cáo định kỳ (.docx) về một kế hoạch từ tệp dữ liệu YAML."""
    from pathlib import Path

    from hanhchinh_docs.api import render_report

    target = output if output is not None else str(Path(report).with_suffix(".docx"))
    sheets = progress_sheets[0] if len(progress_sheets) == 1 else (list(progress_sheets) or None)
    result = render_report(report, target, sheets, template, pdf=pdf, pdfa=pdfa)
    print_problems(result.warnings)
    click.echo(f"Đã tạo {result.output}")
    if result.pdf:
        click.echo(f"Đã tạo {result.pdf}")
