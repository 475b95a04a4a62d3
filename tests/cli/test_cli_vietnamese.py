"""Everything the command line shows is Vietnamese: --help of every command, usage errors, exit codes,
and it prints on a Windows console (cp1252) without UnicodeEncodeError."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.support.plans import write_plan

ENGLISH = {
    "usage", "options", "option", "show", "this", "message", "and", "exit", "error", "missing", "argument",
    "no", "such", "command", "commands", "try", "for", "help", "did", "you", "mean", "invalid", "value",
    "got", "unexpected", "extra", "requires", "an", "is", "not", "file", "files", "path", "directory",
    "does", "exist", "the", "version", "default", "required", "plan", "report", "text", "integer",
    "aborted", "args", "of", "one", "takes", "values", "choose", "from", "to",
}
"""English words Click writes; none may reach a clerk. (Code words like 'docx', 'yaml', option names
'--template', the command names themselves and LibreOffice are not checked.)"""

COMMANDS = sorted(cli.commands)


def english_words(text: str) -> set[str]:
    """Words of ``text`` in the list above, ignoring option names (--ghi-de) and file names."""
    text = re.sub(r"(?<!\w)--?[\w-]+", " ", text)
    text = re.sub(r"\S+\.(?:docx|yaml|yml|xlsx|csv|pdf)\b", " ", text)
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH and word not in COMMANDS}


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_every_command_is_listed_with_a_whole_summary():
    result = invoke("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Cách dùng: hanhchinh-docs [TÙY CHỌN] LỆNH [THAM SỐ]...\n")
    assert "Tùy chọn:\n" in result.output and "Lệnh:\n" in result.output
    assert "  -h, --help  In hướng dẫn này rồi thoát.\n" in result.output
    assert "..." not in result.output.split("Lệnh:")[1]
    assert "tự các trường." in result.output  # rollover's summary, not cut
    assert english_words(result.output) == set()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_is_vietnamese(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Cách dùng: hanhchinh-docs {command} [TÙY CHỌN] ")
    assert english_words(result.output) == set(), result.output


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("args", [[], ["--khong-co"], ["a.yaml", "b.yaml", "c.yaml", "d", "e"], ["-o"]])
def test_usage_errors_of_every_command_are_vietnamese(command, args):
    result = invoke(command, *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "Lỗi: " in result.output
    assert english_words(result.output) == set(), result.output


@pytest.mark.parametrize("args, expected", [
    (["render"], "Lỗi: Thiếu tham số 'VAN_BAN.yaml'."),
    (["khong-co-lenh"], "Lỗi: Không có lệnh 'khong-co-lenh'."),
    (["render", "--templat", "a.yaml"], "Lỗi: Không có tùy chọn '--templat'. Có phải ý bạn là '--template'?"),
    (["render", "a.yaml", "b.yaml"], "Lỗi: Thừa tham số (b.yaml)"),
    (["render", "a.yaml", "-o"], "Lỗi: Tùy chọn '-o' cần một giá trị."),
    (["rollover", "a.yaml", "--nam", "²"], "Lỗi: Cần ghi năm mới của kế hoạch bằng số (chữ số 0-9), ví dụ --nam 2025"),
])
def test_usage_error_wording(args, expected):
    result = invoke(*args)
    assert result.exit_code == 2
    assert expected in result.output.splitlines()


def test_usage_error_shows_vietnamese_usage_and_hint():
    result = invoke("render")
    assert result.output.splitlines()[:2] == [
        "Cách dùng: hanhchinh-docs render [TÙY CHỌN] VAN_BAN.yaml",
        "Gõ 'hanhchinh-docs render --help' để xem hướng dẫn."]


def test_an_internal_error_exits_3_with_a_message_not_1(monkeypatch, tmp_path):
    """1 means "không đạt" for check; a crash of the tool must be told apart (issue 12)."""
    from hanhchinh_docs import api

    def broken(path):
        raise RuntimeError("bug")

    monkeypatch.setattr(api, "check_docx", broken)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    result = invoke("check", str(docx))
    assert result.exit_code == 3
    assert result.output == ("Lỗi nội bộ của công cụ (không phải lỗi của tệp dữ liệu): RuntimeError. "
                             "Hãy gửi lệnh đã chạy và tệp đầu vào cho người bảo trì.\n")


def test_windows_console_cp1252_prints_without_unicode_error(tmp_path):
    """Letters cp1252 lacks (ạ, ư, Đ ...) become '?'; the command still runs to the end."""
    plan = write_plan(tmp_path / "ke_hoach.yaml")
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONUTF8": "0"}
    expected = {
        ("--help",): (0, "stdout", "Cách dùng: hanhchinh-docs [TÙY CH?N] L?NH [THAM S?]..."),
        ("render", str(plan), "-o", str(tmp_path / "out.docx")): (0, "stdout", f"?ã t?o {tmp_path / 'out.docx'}"),
        ("render",): (2, "stderr", "L?i: Thi?u tham s? 'VAN_BAN.yaml'."),
    }
    for args, (code, stream, line) in expected.items():
        run = subprocess.run([sys.executable, "-m", "hanhchinh_docs", *args], capture_output=True, env=env,
                             cwd=Path(__file__).parents[2], timeout=120)
        assert b"Traceback" not in run.stderr, run.stderr
        assert run.returncode == code
        assert line in getattr(run, stream).decode("cp1252").splitlines()


def test_rollover_refuses_to_overwrite_an_existing_yaml_unless_ghi_de(tmp_path):
    plan = write_plan(tmp_path / "ke_hoach_2024.yaml")
    target = tmp_path / "ke_hoach_2025.yaml"
    target.write_text("# bản đã sửa tay\n", encoding="utf-8")
    refused = invoke("rollover", str(plan), "--nam", "2025")
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"Lỗi: Tệp '{target}' đã có; công cụ không ghi đè để khỏi mất phần đã sửa. Hãy chọn tên khác với -o, "
        f"hoặc thêm --ghi-de nếu muốn thay tệp cũ ({target})\n")
    assert target.read_text(encoding="utf-8") == "# bản đã sửa tay\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ke_hoach_2024.yaml", "ke_hoach_2025.yaml"]
    done = invoke("rollover", str(plan), "--nam", "2025", "--ghi-de")
    assert done.exit_code == 0, done.output
    assert "nam: 2025" in target.read_text(encoding="utf-8")


def test_import_refuses_to_overwrite_an_existing_yaml_unless_ghi_de(tmp_path):
    docx = tmp_path / "cu.docx"
    done = invoke("render", str(write_plan(tmp_path / "ke_hoach.yaml")), "-o", str(docx))
    assert done.exit_code == 0, done.output
    target = tmp_path / "cu.yaml"
    target.write_text("# bản đã sửa tay\n", encoding="utf-8")
    refused = invoke("import", str(docx))
    assert refused.exit_code == 2 and "--ghi-de" in refused.stderr
    assert target.read_text(encoding="utf-8") == "# bản đã sửa tay\n"
    assert invoke("import", str(docx), "--ghi-de").exit_code == 0
    assert "loai: ke_hoach" in target.read_text(encoding="utf-8")


def test_ctrl_c_is_not_reported_as_a_failed_check(monkeypatch, tmp_path):
    from hanhchinh_docs import api

    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "check_docx", interrupted)
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    result = invoke("check", str(docx))
    assert result.exit_code == 130
    assert result.output == "Đã dừng theo yêu cầu (Ctrl+C); tệp kết quả chưa được ghi.\n"
