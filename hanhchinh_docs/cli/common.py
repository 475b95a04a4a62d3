"""What every command shares: turning a ``HanhChinhError`` into a message and an exit code.

This is the one place that does so: 0 ok, 1 ``check`` found failures, 2 bad input. Commands
import heavy libraries inside their bodies, so ``hanhchinh-docs --help`` starts fast.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click


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
