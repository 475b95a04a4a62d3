"""``hanhchinh-docs render``: a plan (kế hoạch) from its YAML file."""

from __future__ import annotations

from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("render")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (mặc định: cùng tên với tệp YAML).")
@click.option("--template", type=click.Path(dir_okay=False), help="Tệp mẫu .docx đã chỉnh sửa (mặc định: mẫu có sẵn).")
@reports_errors
def render_command(plan: str, output: str | None, template: str | None) -> None:
    """Tạo kế hoạch .docx từ tệp YAML PLAN."""
    from hanhchinh_docs.api import render_plan

    target = output or str(Path(plan).with_suffix(".docx"))
    result = render_plan(plan, target, template)
    print_problems(result.warnings)
    click.echo(f"Đã tạo {result.output}")
