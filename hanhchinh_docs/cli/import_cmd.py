"""``hanhchinh-docs import OLD.docx -o PLAN.yaml``: last year's plan in Word -> a YAML plan to edit."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("import")
@click.argument("docx_file", metavar="KE_HOACH_CU.docx", type=click.Path(dir_okay=False))
@click.option("-o", "--output", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Tệp YAML kết quả (mặc định: cùng tên với tệp .docx).")
@click.option("--force", is_flag=True,
              help="Vẫn ghi tệp YAML khi chỉ đọc được một phần; tệp được đánh dấu là chưa đầy đủ.")
@click.option("--ghi-de", "overwrite", is_flag=True,
              help="Ghi đè tệp YAML kết quả nếu đã có (mặc định: không ghi đè, để khỏi mất phần đã sửa).")
@reports_errors
def import_command(docx_file: str, output: str | None, force: bool, overwrite: bool) -> None:
    """Đọc kế hoạch Word (.docx) theo thể thức Nghị định 30 và tạo tệp dữ liệu YAML."""
    from hanhchinh_docs import api

    outcome = api.import_docx(docx_file, output, force=force, overwrite=overwrite)
    result = outcome.result
    print_problems(result.warnings)
    print_problems(result.errors, prefix="Lỗi (vẫn ghi vì có --force)")
    summary = f"{result.section_count} mục, {result.task_count} nhiệm vụ"
    if result.unplaced_count:
        summary += f"; {result.unplaced_count} đoạn chưa xếp được (chua_xu_ly)"
    state = " (CHƯA ĐẦY ĐỦ: xem ghi chú ở đầu tệp)" if result.partial else ""
    click.echo(f"Đã tạo {outcome.output}{state}: {summary}")
