"""``hanhchinh-docs check FILE [--json]``: check a .docx against ND30, or lint a plan's or report's YAML.

Exit codes: 0 nothing fails (YAML: warnings only), 1 a rule failed ("không đạt"), 2 the file
cannot be read, 3 an internal error of the tool (``cli.vietnamese.INTERNAL_ERROR_EXIT``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors

DATA_SUFFIXES = (".yaml", ".yml")


@click.command("check")
@click.argument("file", metavar="TỆP", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho chương trình khác đọc).")
@reports_errors
def check_command(file: str, as_json: bool) -> None:
    """Kiểm tra thể thức tệp Word (.docx) theo Nghị định 30/2020/NĐ-CP, hoặc soát dữ liệu tệp kế hoạch,
    báo cáo (.yaml).

    Mã thoát: 0 không có lỗi, 1 có quy tắc không đạt, 2 không đọc được tệp, 3 lỗi nội bộ của công cụ.
    """
    from hanhchinh_docs import api

    if Path(file).suffix.lower() in DATA_SUFFIXES:
        _lint(file, as_json)
        return
    report = api.check_docx(file)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text())
    sys.exit(1 if report.failed else 0)


def _lint(file: str, as_json: bool) -> None:
    from hanhchinh_docs import api

    warnings = api.lint_data_file(file)
    if as_json:
        click.echo(json.dumps([w.to_dict() for w in warnings], ensure_ascii=False, indent=2))
        return
    print_problems(warnings)
    click.echo(f"Dữ liệu {file}: {len(warnings)} cảnh báo" if warnings else f"Dữ liệu {file}: không có cảnh báo")
