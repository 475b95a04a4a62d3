"""``hanhchinh-docs import OLD.docx -o PLAN.yaml``: last year's plan in Word -> a YAML plan to edit."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("import")
@click.argument("docx_file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Tệp YAML kết quả (mặc định: cùng tên với tệp .docx).")
@click.option("--force", is_flag=True,
              help="Vẫn ghi tệp YAML khi chỉ đọc được một phần; tệp được đánh dấu là chưa đầy đủ.")
@reports_errors
def import_command(docx_file: str, output: str | None, force: bool) -> None:
    """Đọc kế hoạch Word (.docx) theo thể thức Nghị định 30 và tạo tệp dữ liệu YAML."""
    from pathlib import Path

    from hanhchinh_docs.importer import import_plan, write_import

    target = output or str(Path(docx_file).with_suffix(".yaml"))
    result = import_plan(docx_file, force=force)
    print_problems(result.warnings)
    print_problems(result.errors, prefix="Lỗi (vẫn ghi vì có --force)")
    written = write_import(result, target)
    summary = f"{result.section_count} mục, {result.task_count} nhiệm vụ"
    if result.unplaced_count:
        summary += f"; {result.unplaced_count} đoạn chưa xếp được (chua_xu_ly)"
    state = " (CHƯA ĐẦY ĐỦ: xem ghi chú ở đầu tệp)" if result.partial else ""
    click.echo(f"Đã tạo {written}{state}: {summary}")
