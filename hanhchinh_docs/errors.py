"""Errors and problems shown to the user, always in plain Vietnamese.

The library never prints: it raises a ``HanhChinhError`` (or returns ``Problem`` warnings) and
the CLI decides how to show them. Every message names the file, the line and the field when
they are known, and says how to fix the problem.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass


_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control and bidirectional-override characters: a file name or key holding them must not drive
the user's terminal (clear it, recolour it, reorder the line) when a message quotes it."""


def shown(text: str) -> str:
    """``text`` safe to print: each such character written as ``<U+001B>``."""
    return _UNSHOWABLE.sub(lambda found: f"<U+{ord(found[0]):04X}>", text)


@dataclass(frozen=True)
class SourceLocation:
    """Where a problem is: a file, optionally a 1-based line/column and a field path.

    ``field`` is written the way the user wrote the YAML keys, e.g. ``phu_luc[0].nhiem_vu[2].chu_tri``
    (indices are 0-based, as in the file order).
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def describe(self) -> str:
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"dòng {self.line}" + (f", cột {self.column}" if self.column else ""))
        if self.field:
            parts.append(f"trường '{self.field}'")
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """One finding about the user's input: an error, or a warning that does not stop the work."""

    message: str
    location: SourceLocation | None = None
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        where = self.location.describe() if self.location else ""
        return shown(f"{self.message} ({where})" if where else self.message)

    def to_dict(self) -> dict:
        loc = self.location
        return {
            "severity": self.severity,
            "message": self.message,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "field": loc.field if loc else None,
        }


class HanhChinhError(Exception):
    """Base of every error the user can cause; ``exit_code`` is what the CLI exits with."""

    exit_code = 2

    def __init__(self, message: str, location: SourceLocation | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        where = self.location.describe() if self.location else ""
        return shown(f"{self.message} ({where})" if where else self.message)


class DataFileError(HanhChinhError):
    """The data file is missing, unreadable, or not valid YAML/CSV/XLSX."""


class InvalidDataError(HanhChinhError):
    """The data file was read but its content breaks the input contract; holds every problem."""

    def __init__(self, problems: list[Problem], file: str | None = None):
        self.problems = list(problems)
        n = len(self.problems)
        head = f"Tệp dữ liệu {file} có {n} lỗi" if file else f"Dữ liệu có {n} lỗi"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in self.problems))


class TextError(HanhChinhError):
    """A text cannot be used as written: a character Word cannot store, or a ``{{ }}``/``{% %}`` tag
    that is not one of the documented variables. Raised without a location: the caller knows it."""


class TemplateError(HanhChinhError):
    """The .docx template is missing, damaged, or uses a placeholder the data does not provide."""


class DocxReadError(HanhChinhError):
    """A .docx file cannot be read: not a Word document, encrypted, truncated or corrupt."""


class OutputError(HanhChinhError):
    """The output file cannot be written."""


class PdfError(HanhChinhError):
    """PDF cannot be made: LibreOffice is missing or cannot start."""


_OS_REASONS = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã dùng hết dung lượng được cấp trên ổ đĩa",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc, không cho ghi",
    errno.EFBIG: "tệp vượt quá kích thước tối đa hệ thống cho phép",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.ELOOP: "đường dẫn có liên kết vòng",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ETXTBSY: "tệp đang được chương trình khác dùng",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EINVAL: "tên tệp không hợp lệ",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in plain Vietnamese (never the system's English ``strerror``)."""
    return _OS_REASONS.get(exc.errno, f"lỗi hệ thống (mã {exc.errno})" if exc.errno else "lỗi hệ thống")
