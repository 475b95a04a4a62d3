"""Reading a file the user names as input: a regular file, bounded in size, errors in Vietnamese.

``/dev/zero``, a FIFO or a device would be read forever (or block): only regular files are read,
and never more than ``max_bytes`` plus one byte, so an oversized file is refused, not loaded.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from hanhchinh_docs.errors import DataFileError, HanhChinhError, SourceLocation, os_reason


def read_input_file(path: str | Path, max_bytes: int, what: str = "tệp dữ liệu",
                    error: type[HanhChinhError] = DataFileError) -> bytes:
    """The bytes of ``path``; ``error`` (naming the file and ``what`` it is) when it cannot be read."""
    name = str(path)
    where = SourceLocation(name.replace("\x00", ""))
    if "\x00" in name:
        raise error(f"Tên {what} chứa ký tự không hợp lệ (mã U+0000); hãy gõ lại tên tệp", where)
    try:
        info = os.stat(name)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise error(f"Không tìm thấy tệp '{name}'. Hãy kiểm tra lại đường dẫn", where) from exc
        raise error(f"Không đọc được {what} '{name}': {os_reason(exc)}", where) from exc
    if stat.S_ISDIR(info.st_mode):
        raise error(f"'{name}' là một thư mục, không phải {what}", where)
    if not stat.S_ISREG(info.st_mode):
        raise error(f"'{name}' không phải tệp thường (thiết bị, đường ống hay ổ cắm); hãy chọn {what} "
                    "lưu trên ổ đĩa", where)
    if info.st_size > max_bytes:
        raise error(_too_large(name, what, max_bytes), where)
    try:
        with open(name, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(f"Không đọc được {what} '{name}': {os_reason(exc)}", where) from exc
    if len(data) > max_bytes:
        raise error(_too_large(name, what, max_bytes), where)
    return data


def _too_large(name: str, what: str, max_bytes: int) -> str:
    return f"{what[:1].upper()}{what[1:]} '{name}' quá lớn (tối đa {max_bytes // (1024 * 1024)} MB)"
