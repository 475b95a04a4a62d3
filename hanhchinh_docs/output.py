"""Writing result files safely: an existing file is replaced only by a complete new one.

The new content goes to a temporary file next to the target, named ``.NAME.hanhchinh-tmp-PID``,
which is renamed over the target only once complete. On any failure (full disk, read-only
folder, file-size limit, a name too long) the temporary file is removed and the target is left
as it was; SIGTERM/SIGHUP during the save remove it too, and a temporary file left by a process
that no longer exists (killed with SIGKILL, power cut) is removed by the next save in that folder.
Only a regular file (or a new name) is a valid target: a symlink, FIFO, device or folder is refused.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from hanhchinh_docs.errors import OutputError, SourceLocation, os_reason

TEMP_MARK = ".hanhchinh-tmp-"
"""Every temporary file this tool writes has this in its name, followed by the writer's PID."""

_STALE_TEMP = re.compile(r"\..*" + re.escape(TEMP_MARK) + r"(\d+)", re.DOTALL)
_NAME_MAX = 255
"""Bytes in one file name on Linux, macOS and Windows file systems."""

_HINTS = {
    errno.ENOSPC: "hãy giải phóng chỗ trống hoặc lưu sang ổ đĩa khác với -o",
    errno.EDQUOT: "hãy giải phóng chỗ trống hoặc lưu sang ổ đĩa khác với -o",
    errno.EROFS: "hãy chọn thư mục khác với -o",
    errno.EFBIG: "hãy lưu sang ổ đĩa khác hoặc hỏi người quản trị máy về giới hạn kích thước tệp",
    errno.ENAMETOOLONG: "hãy đặt tên tệp ngắn hơn với -o",
    errno.EACCES: "tệp đang mở trong Word, hoặc thư mục không cho ghi; hãy đóng tệp hoặc chọn chỗ khác",
    errno.EPERM: "tệp đang mở trong Word, hoặc thư mục không cho ghi; hãy đóng tệp hoặc chọn chỗ khác",
}


def write_atomically(target: str | Path, write: Callable[[Path], None],
                     protect: tuple[str | Path, ...] = (), clean: bool = True) -> Path:
    """Write through a temporary file in the same folder, then rename: an existing ``target`` is
    replaced only by a complete file, and a failure (``OutputError``) leaves nothing behind.
    ``clean=False`` skips ``remove_stale_temps``: a batch runs it once for its folder, not once per
    file (each run lists the whole folder)."""
    target = _checked_target(target, protect)
    where = SourceLocation(str(target))
    folder = target.parent
    if clean:
        remove_stale_temps(folder)
    temp = folder / _temp_name(target.name)
    try:
        with _removed_on_termination(temp):
            try:
                write(temp)
                os.chmod(temp, _file_mode(target))
                os.replace(temp, target)
            finally:
                _remove(temp)
    except OSError as exc:
        hint = _HINTS.get(exc.errno, "hãy chọn chỗ lưu khác với -o")
        raise OutputError(f"Không ghi được tệp '{target}': {os_reason(exc)}; {hint}. Tệp cũ (nếu có) "
                          "vẫn giữ nguyên", where) from exc
    return target


def bytes_writer(data: bytes) -> Callable[[Path], None]:
    """How ``write_atomically`` writes a document made in memory: one write, which fails once, cleanly."""
    def write(temp: Path) -> None:
        _write_file(temp, data)
    return write


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def _checked_target(target: str | Path, protect: tuple[str | Path, ...]) -> Path:
    """The target, if it is a regular file or a new name in an existing folder."""
    if str(target).strip() in ("", "."):
        raise OutputError("Chưa có tên tệp kết quả (-o để trống); hãy ghi tên tệp, ví dụ -o ke_hoach.docx",
                          SourceLocation(str(target)))
    if "\x00" in str(target):
        raise OutputError("Tên tệp kết quả chứa ký tự không hợp lệ (mã U+0000); hãy gõ lại tên với -o",
                          SourceLocation(str(target).replace("\x00", "")))
    target = Path(target)
    where = SourceLocation(str(target))
    if len(os.fsencode(target.name)) > _NAME_MAX:
        raise OutputError(f"Tên tệp kết quả quá dài ({len(os.fsencode(target.name))} byte, tối đa {_NAME_MAX}); "
                          "hãy đặt tên ngắn hơn với -o", where)
    try:
        for path in protect:
            if Path(path).resolve() == target.resolve():
                raise OutputError(f"Tệp kết quả '{target}' trùng với tệp đầu vào; hãy chọn tên khác với -o", where)
        if not stat.S_ISDIR(os.stat(target.parent).st_mode):
            raise FileNotFoundError(errno.ENOENT, "")
    except OSError as exc:
        state = "không tồn tại" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else f"không dùng được: {os_reason(exc)}"
        raise OutputError(f"Thư mục '{target.parent}' {state}; hãy tạo thư mục hoặc chọn chỗ lưu khác",
                          where) from exc
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp '{target}': {os_reason(exc)}; hãy chọn tên khác với -o",
                          where) from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"'{target}' là một thư mục; hãy ghi tên tệp kết quả", where)
    if stat.S_ISLNK(mode):
        raise OutputError(f"'{target}' là một liên kết (symlink); công cụ không ghi qua liên kết, hãy ghi tên "
                          "tệp thật với -o", where)
    if not stat.S_ISREG(mode):
        raise OutputError(f"'{target}' không phải tệp thường (thiết bị, đường ống hay ổ cắm); hãy ghi tên tệp "
                          "kết quả với -o", where)
    return target


def _temp_name(name: str) -> str:
    """``.NAME.hanhchinh-tmp-PID``, with NAME shortened if the whole would be too long a name."""
    suffix = f"{TEMP_MARK}{os.getpid()}"
    while len(os.fsencode(f".{name}{suffix}")) > _NAME_MAX:
        name = name[:-1]
    return f".{name}{suffix}"


def remove_stale_temps(folder: Path) -> None:
    """Remove the temporary files of this tool's processes that no longer run."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _STALE_TEMP.fullmatch(entry.name)
        if found and entry.is_file(follow_symlinks=False) and not _running(int(found[1])):
            _remove(Path(entry.path))


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass  # nothing more can be done; the next save in this folder tries again


@contextmanager
def _removed_on_termination(temp: Path) -> Iterator[None]:
    """While saving: SIGTERM/SIGHUP remove ``temp`` and then act as before; SIGXFSZ (file-size
    limit) is ignored so the write fails with ``EFBIG`` instead of killing the process."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, object] = {}

    def terminate(signum, frame):
        _remove(temp)
        handler = previous[signum]
        signal.signal(signum, handler)
        if callable(handler):
            handler(signum, frame)
        else:
            os.kill(os.getpid(), signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        previous[signum] = signal.getsignal(signum)
        if previous[signum] is not signal.SIG_IGN:
            signal.signal(signum, terminate)
    file_size = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGXFSZ, file_size)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _file_mode(target: Path) -> int:
    """The mode a normally created file would get."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
