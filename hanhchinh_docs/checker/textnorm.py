"""How findings quote the document."""

from __future__ import annotations


def quote(text: str, limit: int = 60) -> str:
    """A short quote of a paragraph for a finding: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
