"""``hanhchinh-docs rollover``: a plan file for the next year, and the list of what to review."""

from __future__ import annotations

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("rollover")
@click.argument("plan", metavar="KE_HOACH.yaml", type=click.Path(dir_okay=False))
@click.option("--nam", "year", metavar="NĂM", help="Năm của kế hoạch mới, ví dụ 2025 (bắt buộc).")
@click.option("-o", "--output", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Tệp YAML kết quả (mặc định: tên tệp cũ với năm mới).")
@click.option("--thay-nam", "replace_years", is_flag=True,
              help="Đổi các chỗ 'năm <năm cũ>' ghi bằng số thành năm mới "
                   "(không đổi trích dẫn văn bản, ngày tháng và giai đoạn).")
@click.option("--bao-cao", "report", metavar="TỆP", type=click.Path(dir_okay=False),
              help="Báo cáo năm của kế hoạch: nhiệm vụ chưa hoàn thành được đánh dấu chuyển tiếp.")
@click.option("--ghi-de", "overwrite", is_flag=True,
              help="Ghi đè tệp kết quả nếu đã có (mặc định: không ghi đè, để khỏi mất phần đã sửa).")
@reports_errors
def rollover_command(plan: str, year: str | None, output: str | None, replace_years: bool,
                     report: str | None, overwrite: bool) -> None:
    """Chuyển kế hoạch sang năm mới: bản nháp giữ nguyên chú thích và thứ tự các trường."""
    from hanhchinh_docs import api

    outcome = api.roll_over_plan(plan, year, output, replace_years=replace_years,
                                 year_end_report=report, overwrite=overwrite)
    result = outcome.result
    print_problems(result.warnings)
    if result.review:
        click.echo(f"Cần xem lại trong {outcome.output} ({len(result.review)} chỗ):")
        for note in result.review:
            click.echo(f"  - {note}")
    click.echo(result.summary_text())
    click.echo(f"Đã tạo {outcome.output}")
