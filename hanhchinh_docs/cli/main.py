"""The ``hanhchinh-docs`` command group: a thin layer over ``hanhchinh_docs.api`` and friends."""

from __future__ import annotations

import click

from hanhchinh_docs import __version__
from hanhchinh_docs.cli.vietnamese import VietnameseGroup, install, use_replacing_console
from hanhchinh_docs.cli.batch_cmd import batch_command
from hanhchinh_docs.cli.check_cmd import check_command
from hanhchinh_docs.cli.export_tasks_cmd import export_tasks_command
from hanhchinh_docs.cli.import_cmd import import_command
from hanhchinh_docs.cli.new_cmd import new_command
from hanhchinh_docs.cli.pdf_cmd import pdf_command
from hanhchinh_docs.cli.render_cmd import render_command
from hanhchinh_docs.cli.report_cmd import report_command
from hanhchinh_docs.cli.rollover_cmd import rollover_command
from hanhchinh_docs.cli.schema_cmd import schema_command


install()


@click.group("hanhchinh-docs", cls=VietnameseGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="hanhchinh-docs", message="%(prog)s %(version)s")
def cli() -> None:
    """Soạn văn bản hành chính (.docx) đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp dữ liệu YAML."""


for command in (new_command, render_command, report_command, check_command, rollover_command, import_command,
                pdf_command, batch_command, schema_command, export_tasks_command):
    cli.add_command(command)


def main() -> None:
    use_replacing_console()
    cli(prog_name="hanhchinh-docs")


if __name__ == "__main__":
    main()
