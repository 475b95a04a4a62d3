"""Click in Vietnamese: usage, --help, usage errors, and the exit code of an internal error.

Click has no translations of its own: it passes every text through ``gettext`` imported into
each of its modules. A gettext catalogue would change the whole process's ``messages`` domain,
so instead the lookup in Click's own modules is swapped for ``_MESSAGES`` below (a text not
listed keeps Click's English, and the test of the CLI walks every command so a new one shows
up). ``VietnameseGroup`` also gives every command Vietnamese metavars and full-length summaries,
and turns an unexpected exception into a message and ``INTERNAL_ERROR_EXIT``, never a traceback.
"""

from __future__ import annotations

import sys

import click
from click import core, decorators, exceptions, formatting, parser, types

INTERNAL_ERROR_EXIT = 3
"""Exit code of a bug in the tool; 1 means "không đạt" (check), 2 a user error."""

INTERRUPTED_EXIT = 130
"""Ctrl+C, as shells report it (128 + SIGINT)."""

_MESSAGES: dict[str, str] = {
    # usage and help
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Tham số",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "(dynamic)": "(tùy trường hợp)",
    "env var: {var}": "biến môi trường: {var}",
    "deprecated": "không dùng nữa",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    # errors
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu tên lệnh. Các lệnh: xem '--help'.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} cần {nargs} giá trị.",
    "Takes {nargs} values but 1 was given.": "Cần {nargs} giá trị nhưng chỉ có 1.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc các giá trị {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} không nằm trong khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị có/không. Dùng: {states}",
    "{name} {filename!r} does not exist.": "Không tìm thấy {name} {filename!r}.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, không phải {name}.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, không phải {name}.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {name} {filename!r}.",
    "{name} {filename!r} is not executable.": "Không chạy được {name} {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Aborted!": "Đã dừng.",
    "unknown error": "lỗi không xác định",
}
"""Click's English text -> what the user reads. Plural forms are the same in Vietnamese."""

_PLURALS = {
    "Got unexpected extra arguments ({args})": "Got unexpected extra argument ({args})",
    "Takes {nargs} values but {len} were given.": "Takes {nargs} values but 1 was given.",
}


def _gettext(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, count: int) -> str:
    if plural == "Takes {nargs} values but {len} were given.":
        return "Cần {nargs} giá trị nhưng có {len}." if count != 1 else _gettext(singular)
    return _gettext(singular)


def install() -> None:
    """Swap the text lookup in Click's modules for the Vietnamese one (idempotent)."""
    for module in (core, decorators, exceptions, formatting, parser, types):
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


def use_replacing_console() -> None:
    """A Windows console (cp1252, cp437 ...) cannot show every Vietnamese letter: show '?' instead of
    failing with UnicodeEncodeError. UTF-8 consoles are untouched."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or detached stream: nothing to print to
                pass


_PATH_METAVARS = {True: "TỆP", False: "THƯ_MỤC"}


class VietnameseGroup(click.Group):
    """The command group: Vietnamese metavars, summaries never cut with "...", no traceback."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[TÙY CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM SỐ]...")
        super().__init__(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if cmd.options_metavar == "[OPTIONS]":
            cmd.options_metavar = "[TÙY CHỌN]"
        for param in cmd.params:
            if param.metavar is None and (isinstance(param, click.Argument) or isinstance(param.type, click.Path)):
                file_okay = not isinstance(param.type, click.Path) or param.type.file_okay
                param.metavar = _PATH_METAVARS[bool(file_okay)]
        super().add_command(cmd, name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command's whole first sentence: a summary cut with "..." tells a clerk nothing."""
        rows = [(name, command.get_short_help_str(limit=10_000))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(_gettext("Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        from hanhchinh_docs.errors import HanhChinhError, os_reason

        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:  # Click would say "Aborted!" and exit 1, which means "không đạt"
            click.echo("Đã dừng theo yêu cầu (Ctrl+C); tệp kết quả chưa được ghi.", err=True)
            sys.exit(INTERRUPTED_EXIT)
        except HanhChinhError as exc:
            click.echo(f"Lỗi: {exc}", err=True)
            sys.exit(exc.exit_code)
        except MemoryError:
            click.echo("Lỗi: không đủ bộ nhớ để xử lý tệp này (tệp quá lớn?).", err=True)
            sys.exit(INTERNAL_ERROR_EXIT)
        except Exception as exc:  # a bug: say so plainly, with an exit code scripts can tell apart
            if isinstance(exc, OSError) and exc.filename:
                # The system refused a path the user gave (too long, no permission, not a folder…): theirs to fix.
                click.echo(f"Lỗi: không đọc hoặc ghi được '{exc.filename}': {os_reason(exc)}. Hãy kiểm tra lại "
                           "đường dẫn (tên quá dài thì đặt tên ngắn hơn hoặc chép vào thư mục ngắn hơn) rồi chạy lại.",
                           err=True)
                sys.exit(HanhChinhError.exit_code)
            click.echo(
                "Lỗi nội bộ của công cụ (không phải lỗi của tệp dữ liệu): "
                f"{type(exc).__name__}. Hãy gửi lệnh đã chạy và tệp đầu vào cho người bảo trì.",
                err=True)
            sys.exit(INTERNAL_ERROR_EXIT)
