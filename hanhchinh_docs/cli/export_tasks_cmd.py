"""``hanhchinh-docs export-tasks``: the progress sheet of a plan's tasks, to hand out to units."""

from __future__ import annotations

from pathlib import Path

import click

from hanhchinh_docs.cli.common import reports_errors


@click.command("export-tasks")
@click.argument("plan", metavar="KE_HOACH.yaml", type=click.Path(dir_okay=False))
@click.option("-o", "--output", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Tệp .xlsx kết quả (mặc định: tên kế hoạch thêm '_tien_do.xlsx').")
@click.option("--don-vi", "unit", metavar="TÊN",
              help="Chỉ lấy nhiệm vụ đơn vị này chủ trì hoặc phối hợp, và ghi tên đơn vị vào bảng.")
@reports_errors
def export_tasks_command(plan: str, output: str | None, unit: str | None) -> None:
    """Lập bảng theo dõi tiến độ (.xlsx) gồm các nhiệm vụ của kế hoạch, có cột "Tình trạng" (chọn trong
    danh sách) và "Kết quả" để các đơn vị điền; lệnh report --tien-do đọc lại bảng này."""
    from hanhchinh_docs.api import export_tasks

    target = output or str(Path(plan).with_name(Path(plan).stem + "_tien_do.xlsx"))
    click.echo(f"Đã tạo {export_tasks(plan, target, unit)}")
