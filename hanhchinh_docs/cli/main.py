"""The ``hanhchinh-docs`` command: a thin layer over ``hanhchinh_docs.api`` and friends.

Heavy libraries (python-docx, docxtpl, pydantic) are imported inside the commands, so
``hanhchinh-docs --help`` starts fast. This is the one place that turns a ``HanhChinhError``
into a Vietnamese message and an exit code: 0 ok, 1 ``check`` found failures, 2 bad input.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from hanhchinh_docs import __version__


def print_problems(problems, prefix: str = "Cảnh báo") -> None:
    """Warnings go to stderr, one per line, each with file, line and field."""
    for problem in problems:
        click.echo(f"{prefix}: {problem}", err=True)


def reports_errors(command: Callable) -> Callable:
    """Run a command body; a user error becomes 'Lỗi: ...' on stderr and its exit code, no traceback."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        from hanhchinh_docs.errors import HanhChinhError

        try:
            return command(*args, **kwargs)
        except HanhChinhError as exc:
            click.echo(f"Lỗi: {exc}", err=True)
            sys.exit(exc.exit_code)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hanhchinh-docs", message="%(prog)s %(version)s")
def cli() -> None:
    """Soạn văn bản hành chính (.docx) đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp dữ liệu YAML."""


@cli.command("render")
@click.argument("plan", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Tệp .docx kết quả (mặc định: cùng tên với tệp YAML).")
@click.option("--template", type=click.Path(dir_okay=False), help="Tệp mẫu .docx đã chỉnh sửa (mặc định: mẫu có sẵn).")
@reports_errors
def render_command(plan: str, output: str | None, template: str | None) -> None:
    """Tạo kế hoạch .docx từ tệp YAML PLAN."""
    from pathlib import Path

    from hanhchinh_docs.api import render_plan

    target = output or str(Path(plan).with_suffix(".docx"))
    result = render_plan(plan, target, template)
    print_problems(result.warnings)
    click.echo(f"Đã tạo {result.output}")


from hanhchinh_docs.cli.report_cmd import report_command  # noqa: E402
cli.add_command(report_command)


from hanhchinh_docs.cli.import_cmd import import_command  # noqa: E402
cli.add_command(import_command)


from hanhchinh_docs.cli.check_cmd import check_command  # noqa: E402
cli.add_command(check_command)


def main() -> None:
    cli(prog_name="hanhchinh-docs")


if __name__ == "__main__":
    main()
