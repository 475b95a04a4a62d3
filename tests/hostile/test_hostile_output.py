"""Output that cannot be written: a Vietnamese message, exit 2, the old file as it was, no
temporary file left; special targets refused; temporary files cleaned after SIGTERM and SIGKILL."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.hostile.hostile_support import refused, write_yaml
from tests.support.cli import EXISTING
from tests.support.plans import plan_data


def _plan(tmp_path):
    return write_yaml(tmp_path / "plan.yaml", plan_data())


def _render(tmp_path, out):
    return CliRunner().invoke(cli, ["render", str(_plan(tmp_path)), "-o", str(out)])


def _temps(folder):
    return [p.name for p in folder.iterdir() if ".hanhchinh-tmp-" in p.name]


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EROFS, "chỉ cho đọc"),
                                         (errno.EFBIG, "kích thước tối đa"), (errno.EIO, "lỗi đọc ghi"),
                                         (errno.EDQUOT, "dung lượng")])
def test_a_failing_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch, code, words):
    def half_written(path, data):
        """The disk fails half-way through the document."""
        with open(path, "wb") as handle:
            handle.write(data[: len(data) // 2])
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("hanhchinh_docs.output._write_file", half_written)
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    result = _render(tmp_path, out)
    refused(result, out, "Không ghi được tệp", "plan.docx", words, "giữ nguyên")
    assert os.strerror(code) not in result.output


def test_a_failing_rename_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    def read_only(source, target):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("hanhchinh_docs.output.os.replace", read_only)
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    refused(_render(tmp_path, out), out, "chỉ cho đọc", "chọn thư mục khác")


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (4_000, 4_000))


def test_a_real_file_size_limit(tmp_path):
    """RLIMIT_FSIZE in a child: SIGXFSZ would kill it; the save turns it into EFBIG and a message."""
    source = _plan(tmp_path)
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    child = subprocess.run([sys.executable, "-m", "hanhchinh_docs", "render", str(source), "-o", str(out)],
                           capture_output=True, text=True, timeout=60, preexec_fn=_limit_file_size)
    assert child.returncode == 2, child.stderr
    assert "vượt quá kích thước tối đa" in child.stderr and "Traceback" not in child.stderr
    assert out.read_bytes() == EXISTING
    assert _temps(tmp_path) == []


def test_a_long_name_that_fits_is_written_and_one_too_long_is_refused(tmp_path):
    fits = tmp_path / ("k" * 245 + ".docx")
    result = _render(tmp_path, fits)
    assert result.exit_code == 0, result.output
    assert fits.read_bytes()[:2] == b"PK" and _temps(tmp_path) == []
    for name in ("k" * 295 + ".docx", "kế hoạch " * 25 + ".docx"):
        out = tmp_path / "plan.docx"
        out.write_bytes(EXISTING)
        result = _render(tmp_path, tmp_path / name)
        refused(result, out, "quá dài", "tối đa 255")


def test_an_empty_output_name_is_refused(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["render", str(_plan(tmp_path)), "-o", ""])
    refused(result, out, "-o để trống")
    result = CliRunner().invoke(cli, ["rollover", str(_plan(tmp_path)), "--nam", "2025", "-o", ""])
    refused(result, out, "-o để trống")


def test_special_targets_are_refused(tmp_path):
    keep = tmp_path / "that.docx"
    keep.write_bytes(EXISTING)
    link = tmp_path / "link.docx"
    link.symlink_to(keep)
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    for target, words in ((link, "liên kết"), (fifo, "không phải tệp thường"), ("/dev/null", "không phải tệp thường"),
                          (folder, "thư mục")):
        result = _render(tmp_path, target)
        refused(result, keep, str(target), words)
    assert link.is_symlink() and link.read_bytes() == EXISTING
    assert fifo.exists() and not fifo.is_file()


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from hanhchinh_docs.output import write_atomically

    def slow(temp: Path) -> None:
        temp.write_bytes(b"half")
        print("writing", flush=True)
        time.sleep(30)

    write_atomically(sys.argv[1], slow)
""")


def test_sigterm_during_the_save_removes_the_temp_file(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(out)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    assert len(_temps(tmp_path)) == 1
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == -signal.SIGTERM
    assert _temps(tmp_path) == [] and out.read_bytes() == EXISTING


def test_a_temp_file_of_a_killed_process_is_removed_by_the_next_save(tmp_path):
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(out)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.kill()
    child.wait(timeout=30)
    assert _temps(tmp_path) == [f".plan.docx.hanhchinh-tmp-{child.pid}"]
    alive = tmp_path / ".other.docx.hanhchinh-tmp-1"  # PID 1 runs: not stale
    alive.write_bytes(b"x")
    result = _render(tmp_path, tmp_path / "new.docx")
    assert result.exit_code == 0, result.output
    assert _temps(tmp_path) == [alive.name]
    assert out.read_bytes() == EXISTING


def test_paths_the_system_refuses_are_messages(tmp_path):
    """A folder path past the system's length limit, a report naming a plan the system cannot
    even look up, a NUL in a name given through the Python API."""
    from hanhchinh_docs import api
    from hanhchinh_docs.errors import HanhChinhError

    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    result = _render(tmp_path, tmp_path / ("a/" * 3000 + "x.docx"))
    refused(result, out, "Thư mục", "quá dài")
    report = tmp_path / "bao_cao.yaml"
    report.write_text(f"loai: bao_cao\nke_hoach: {'k' * 300}.yaml\nky_bao_cao: quy_1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", str(report), "-o", str(out)])
    refused(result, out, "Không tìm thấy tệp kế hoạch", "trường 'ke_hoach'")
    for call in (lambda: api.render_plan(tmp_path / "ke\x00.yaml", out),
                 lambda: api.render_plan(_plan(tmp_path), str(tmp_path / "x\x00.docx"))):
        with pytest.raises(HanhChinhError, match="U\\+0000"):
            call()
    assert out.read_bytes() == EXISTING
