"""A path the system refuses (here: a name longer than the 255 bytes Linux allows) is the user's to fix:
every command says so in Vietnamese with exit 2, never "lỗi nội bộ" (exit 3) or the system's English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PLAN = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml"
REPORT = EXAMPLES / "bao_cao_quy_1_2024.yaml"
LONG = "b" * 300

COMMANDS = {
    "rollover output": lambda t: ["rollover", str(PLAN), "--nam", "2025", "-o", str(t / f"{LONG}.yaml")],
    "batch source": lambda t: ["batch", str(t / LONG)],
    "batch output folder": lambda t: ["batch", str(t / "ke_hoach"), "-o", str(t / LONG)],
    "import output": lambda t: ["import", str(t / "van_ban.docx"), "-o", str(t / f"{LONG}.yaml")],
    "new output": lambda t: ["new", "ke_hoach", "-o", str(t / f"{LONG}.yaml")],
    "report progress sheet": lambda t: ["report", str(REPORT), "--tien-do", str(t / f"{LONG}.xlsx"),
                                        "-o", str(t / "r.docx")],
    "check source": lambda t: ["check", str(t / f"{LONG}.docx")],
    "import source": lambda t: ["import", str(t / f"{LONG}.docx"), "-o", str(t / "k.yaml")],
    "render source": lambda t: ["render", str(t / f"{LONG}.yaml"), "-o", str(t / "k.docx")],
    "render output": lambda t: ["render", str(PLAN), "-o", str(t / f"{LONG}.docx")],
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "ke_hoach").mkdir()
    shutil.copy(PLAN, tmp_path / "ke_hoach")
    CliRunner().invoke(cli, ["render", str(PLAN), "-o", str(tmp_path / "van_ban.docx")])
    return tmp_path


@pytest.mark.parametrize("case", COMMANDS)
def test_too_long_name_is_a_user_error_in_vietnamese(folder: Path, case: str) -> None:
    result = CliRunner().invoke(cli, COMMANDS[case](folder))
    assert result.exit_code == 2, result.output
    assert "quá dài" in result.output
    assert "nội bộ" not in result.output and "File name too long" not in result.output
    assert not any(LONG[:50] in p.name for p in folder.rglob("*"))
