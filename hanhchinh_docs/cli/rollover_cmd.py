"""``hanhchinh-docs rollover``: a plan file for the next year, and the list of what to review."""

from __future__ import annotations

from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors


@click.command("rollover")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("--nam", "year", metavar="NĂM", help="Năm của kế hoạch mới, ví dụ 2025 (bắt buộc).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Tệp YAML kết quả (mặc định: tên tệp cũ với năm mới).")
@click.option("--thay-nam", "replace_years", is_flag=True,
              help="Đổi các chỗ 'năm <năm cũ>' ghi bằng số thành năm mới "
                   "(không đổi trích dẫn văn bản, ngày tháng và giai đoạn).")
@click.option("--bao-cao", "report", type=click.Path(dir_okay=False),
              help="Báo cáo năm của kế hoạch: nhiệm vụ chưa hoàn thành được đánh dấu chuyển tiếp.")
@reports_errors
def rollover_command(plan: str, year: str | None, output: str | None, replace_years: bool,
                     report: str | None) -> None:
    """Chuyển kế hoạch PLAN sang năm mới: bản nháp giữ nguyên chú thích và thứ tự trường."""
    from hanhchinh_docs.output import write_atomically
    from hanhchinh_docs.errors import HanhChinhError
    from hanhchinh_docs.rollover import roll_over

    if year is None or not year.strip().isdigit():
        raise HanhChinhError("Cần ghi năm mới của kế hoạch bằng số, ví dụ --nam 2025")
    result = roll_over(plan, int(year), replace_years=replace_years, year_end_report=report)
    target = Path(output) if output else _default_output(Path(plan), result.old_year, result.new_year)
    protect = (plan,) if report is None else (plan, report)
    write_atomically(target, lambda temp: temp.write_text(result.yaml_text, encoding="utf-8"), protect=protect)
    print_problems(result.warnings)
    if result.review:
        click.echo(f"Cần xem lại trong {target} ({len(result.review)} chỗ):")
        for note in result.review:
            click.echo(f"  - {note}")
    click.echo(result.summary_text())
    click.echo(f"Đã tạo {target}")


def _default_output(plan: Path, old_year: int, new_year: int) -> Path:
    """``ke_hoach_2024.yaml`` -> ``ke_hoach_2025.yaml``; a name without the year gets ``_2025``."""
    stem = plan.stem.replace(str(old_year), str(new_year))
    if stem == plan.stem:
        stem = f"{plan.stem}_{new_year}"
    return plan.with_name(stem + plan.suffix)
