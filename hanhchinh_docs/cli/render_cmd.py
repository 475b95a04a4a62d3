"""``hanhchinh-docs render``: a document of any kind (kế hoạch, quyết định, công văn ...) from its YAML file."""

from __future__ import annotations

from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("render")
@click.argument("plan", metavar="VAN_BAN.yaml", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (mặc định: cùng tên với tệp YAML).")
@click.option("--template", type=click.Path(dir_okay=False), help="Tệp mẫu .docx đã chỉnh sửa (mặc định: mẫu có sẵn).")
@click.option("--pdf", "pdf", is_flag=True, help="Tạo thêm tệp .pdf cùng tên (cần LibreOffice).")
@click.option("--pdfa", "pdfa", is_flag=True, help="Tạo thêm tệp .pdf dạng PDF/A để lưu trữ (cần LibreOffice).")
@reports_errors
def render_command(plan: str, output: str | None, template: str | None,
                   pdf: bool, pdfa: bool) -> None:
    """Tạo văn bản (.docx) từ tệp dữ liệu YAML, theo loại ghi ở trường 'loai'.

    Mọi loại văn bản hành chính của Nghị định 30 (kế hoạch, quyết định, công văn, tờ trình, giấy mời...);
    xem danh sách các loại bằng lệnh 'hanhchinh-docs new --danh-sach'.
    """
    from hanhchinh_docs.api import render_document

    target = output if output is not None else str(Path(plan).with_suffix(".docx"))
    result = render_document(plan, target, template, pdf=pdf, pdfa=pdfa)
    print_problems(result.warnings)
    click.echo(f"Đã tạo {result.output}")
    if result.pdf:
        click.echo(f"Đã tạo {result.pdf}")
