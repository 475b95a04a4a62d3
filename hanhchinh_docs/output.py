"""Writing result files safely: an existing file is replaced only by a complete new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from hanhchinh_docs.errors import OutputError, SourceLocation


def write_atomically(target: str | Path, write: Callable[[Path], None],
                     protect: tuple[str | Path, ...] = ()) -> Path:
    """Write through a temporary file in the same folder, then rename: an existing ``target`` is
    replaced only by a complete file, and a failure leaves nothing behind."""
    target = Path(target)
    for path in protect:
        if Path(path).resolve() == target.resolve():
            raise OutputError(f"Tệp kết quả '{target}' trùng với tệp đầu vào; hãy chọn tên khác với -o",
                              SourceLocation(str(target)))
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Thư mục '{folder}' không tồn tại; hãy tạo thư mục hoặc chọn chỗ lưu khác",
                          SourceLocation(str(target)))
    if target.is_dir():
        raise OutputError(f"'{target}' là một thư mục; hãy ghi tên tệp kết quả", SourceLocation(str(target)))
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    temp = Path(temp_name)
    try:
        write(temp)
        os.chmod(temp, _file_mode(target))
        os.replace(temp, target)
    except PermissionError as exc:
        raise OutputError(f"Không có quyền ghi tệp '{target}' (tệp đang mở trong Word?)",
                          SourceLocation(str(target))) from exc
    finally:
        if temp.exists():
            temp.unlink()
    return target


def _file_mode(target: Path) -> int:
    """The mode a normally created file would get (mkstemp's is private to the owner)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
