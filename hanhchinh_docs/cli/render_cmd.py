"""``hanhchinh-docs render``: a plan (kế hoạch) from its YAML file."""

from __future__ import annotations

from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("render")
@click.argument("plan", metavar="KE_HOACH.yaml", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (mặc định: cùng tên với tệp YAML).")
@click.option("--template", type=click.Path(dir_okay=False), help="Tệp mẫu .docx đã chỉnh sửa (mặc định: mẫu có sẵn).")
@click.option("--pdf", "pdf", is_flag=True, help="Tạo thêm tệp .pdf cùng tên (cần LibreOffice).")
@click.option("--pdfa", "pdfa", is_flag=True, help="Tạo thêm tệp .pdf dạng PDF/A để lưu trữ (cần LibreOffice).")
@reports_errors
def render_command(plan: str, output: str | None, template: str | None,
                   pdf: bool, pdfa: bool) -> None:
    """Tạo kế hoạch (.docx) từ tệp dữ liệu YAML."""
    from hanhchinh_docs.api import render_plan

    target = output if output is not None else str(Path(plan).with_suffix(".docx"))
    result = render_plan(plan, target, template, pdf=pdf, pdfa=pdfa)
    print_problems(result.warnings)
    click.echo(f"Đã tạo {result.output}")
    if result.pdf:
        click.echo(f"Đã tạo {result.pdf}")
