"""Text widths in Times New Roman, from the metric-compatible Liberation Serif tables.

ND30 sizes two of its short lines by the text above them (the motto line exactly as long as
the motto, the agency line 1/3-1/2 of the agency name): the renderer draws them and the checker
measures them with these same functions. The width tables are constant package data
(``data/font_metrics.json``, built by ``tools/build_font_metrics.py``), read once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from hanhchinh_docs.conventions.units import Length, Pt


@lru_cache(maxsize=1)
def _tables() -> dict:
    text = resources.files("hanhchinh_docs.data").joinpath("font_metrics.json").read_text("utf-8")
    return json.loads(text)


def _style_key(bold: bool, italic: bool) -> str:
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bold_italic"}[(bold, italic)]


def text_width(text: str, size_pt: float, bold: bool = False, italic: bool = False) -> Length:
    """Advance width of ``text`` on one line; unknown characters count as an 'n'."""
    table = _tables()[_style_key(bold, italic)]
    widths = table["widths"]
    fallback = widths["n"]
    units = sum(widths.get(char, fallback) for char in text)
    return Length(int(Pt(size_pt) * units / table["units_per_em"]))


def wrapped_line_widths(text: str, size_pt: float, available: Length,
                        bold: bool = False, italic: bool = False) -> list[Length]:
    """Widths of the lines ``text`` breaks into at spaces within ``available`` (greedy, like Word)."""
    space = text_width(" ", size_pt, bold, italic)
    lines: list[Length] = []
    current = 0
    for word in text.split():
        width = text_width(word, size_pt, bold, italic)
        if current and current + space + width > available:
            lines.append(Length(current))
            current = width
        else:
            current = current + space + width if current else width
    if current:
        lines.append(Length(current))
    return lines or [Length(0)]
