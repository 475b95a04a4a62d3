"""``hanhchinh-docs check FILE [--json]``: check a .docx against ND30, or lint a plan's YAML.

Exit codes: 0 nothing fails (YAML: warnings only), 1 a rule failed, 2 the file cannot be read.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from hanhchinh_docs.cli.common import print_problems, reports_errors

DATA_SUFFIXES = (".yaml", ".yml")


@click.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho chương trình khác đọc).")
@reports_errors
def check_command(file: str, as_json: bool) -> None:
    """Kiểm tra thể thức tệp .docx theo Nghị định 30/2020/NĐ-CP, hoặc kiểm tra dữ liệu tệp kế hoạch .yaml."""
    if Path(file).suffix.lower() in DATA_SUFFIXES:
        _lint(file, as_json)
        return
    from hanhchinh_docs.checker import check_document

    report = check_document(file)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_text())
    sys.exit(1 if report.failed else 0)


def _lint(file: str, as_json: bool) -> None:
    from hanhchinh_docs.checker import lint_plan
    from hanhchinh_docs.model.loader import load_plan

    loaded = load_plan(file)
    warnings = loaded.warnings + lint_plan(loaded)
    if as_json:
        click.echo(json.dumps([w.to_dict() for w in warnings], ensure_ascii=False, indent=2))
        return
    print_problems(warnings)
    click.echo(f"Dữ liệu {file}: {len(warnings)} cảnh báo" if warnings else f"Dữ liệu {file}: không có cảnh báo")
