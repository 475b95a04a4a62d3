"""Running hostile inputs through the CLI in-process, and in a subprocess with resource limits."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import docx
import yaml
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.support.cli import EXISTING, assert_refused
from tests.support.docx_facts import document_text
from tests.support.plans import plan_data

MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 30


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def render(tmp_path: Path, source: Path, *extra: str):
    """``render SOURCE -o plan.docx`` over an existing output; returns (result, output path)."""
    out = tmp_path / "plan.docx"
    out.write_bytes(EXISTING)
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out), *extra])
    return result, out


def render_text(tmp_path: Path, text: str, *extra: str):
    """A YAML file written as ``text``, rendered."""
    source = tmp_path / "plan.yaml"
    source.write_text(text, encoding="utf-8")
    return render(tmp_path, source, *extra)


def render_data(tmp_path: Path, data: dict | None = None, *extra: str, **overrides):
    source = write_yaml(tmp_path / "plan.yaml", data if data is not None else plan_data(**overrides))
    return render(tmp_path, source, *extra)


def refused(result, out: Path, *fragments: str) -> None:
    """Exit 2, Vietnamese message with ``fragments``, no traceback, output untouched, no temp left."""
    assert_refused(result, out, *fragments)
    assert "Lỗi:" in result.output
    assert not [p for p in out.parent.iterdir() if "hanhchinh-tmp" in p.name]


def rendered_text(out: Path) -> str:
    return "\n".join(document_text(docx.Document(str(out))))


def plan_yaml_text(**overrides) -> str:
    return yaml.safe_dump(plan_data(**overrides), allow_unicode=True, sort_keys=False)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``hanhchinh-docs ARGS`` in a child with 1 GB of address space; a hang fails after 30 s."""
    return subprocess.run([sys.executable, "-m", "hanhchinh_docs", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=TIME_LIMIT, preexec_fn=_limits)
