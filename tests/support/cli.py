"""Checks shared by the bad-input tests of every command."""

from __future__ import annotations

from pathlib import Path

EXISTING = b"an earlier, complete document"
"""Content of an output file that existed before the failed run: it must survive byte for byte."""


def assert_refused(result, out: Path, *fragments: str) -> None:
    """Exit 2, a plain message containing ``fragments``, no traceback, ``out`` untouched, no temp file."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output, (fragment, result.output)
    assert out.read_bytes() == EXISTING, "the existing output file must stay untouched"
    assert [p.name for p in out.parent.iterdir() if p.name.endswith(".tmp") or ".hanhchinh-tmp-" in p.name] == []
