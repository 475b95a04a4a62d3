"""Numbers read from WordprocessingML attributes, defensively and within bounds.

Files from other generators (and hostile ones) write ``ilvl="abc"``, ``gridSpan="100000000"``,
``w:left="inf"`` or ``w:start="99999999999"``. Every numeric attribute is read here: text that is
not a finite number counts as absent, and a number is clamped into the range Word itself accepts,
so nothing downstream allocates, loops or overflows on it.
"""

from __future__ import annotations

import math
from functools import cache

from docx.oxml import ns
from docx.shared import Emu, Length, Twips

qn = cache(ns.qn)
"""``"w:val"`` -> Clark name, remembered: readers ask for the same few names millions of times."""

MAX_TWIPS = 31_680 * 4
"""Four times Word's largest page side (22 inches): more than any real length, small enough to add up."""

MAX_EMU = MAX_TWIPS * 635

MAX_LEVEL = 8
"""List levels are 0-8 in Word."""

MAX_START = 32_767
"""Word's largest list start value."""

MAX_COLUMNS = 63
"""Word's table column limit: the largest meaningful ``gridSpan`` / ``gridBefore``."""


def content_key(element) -> tuple | None:
    """A hashable copy of an element's tags, attributes and children (None for no element), to resolve
    the same properties once: cheaper than serialising, which repeats the root's namespace declarations."""
    if element is None:
        return None
    return element.tag, tuple(element.attrib.items()), tuple(content_key(child) for child in element)


def number(text: str | None) -> float | None:
    """A finite number from attribute text, or None (absent, not a number, inf, nan)."""
    if text is None:
        return None
    try:
        value = float(text.strip())
    except (ValueError, AttributeError):
        return None
    return value if math.isfinite(value) else None


def bounded_int(text: str | None, low: int, high: int, default: int | None = None) -> int | None:
    """An integer clamped into ``low..high``; ``default`` when the text is not a finite number."""
    value = number(text)
    if value is None:
        return default
    return min(max(int(value), low), high)


def int_attr(element, name: str, low: int, high: int, default: int | None = None) -> int | None:
    """``bounded_int`` of the attribute ``name`` (``"w:val"``...) of ``element`` (None-safe)."""
    if element is None:
        return default
    return bounded_int(element.get(qn(name) if ":" in name else name), low, high, default)


def twips(text: str | None) -> Length | None:
    """A length written in twips (dxa), clamped to ``±MAX_TWIPS``; None when unreadable."""
    value = bounded_int(text, -MAX_TWIPS, MAX_TWIPS)
    return Length(Twips(value)) if value is not None else None


def twips_attr(element, name: str) -> Length | None:
    """``twips`` of the attribute ``name`` of ``element`` (None-safe)."""
    return twips(element.get(qn(name) if ":" in name else name)) if element is not None else None


def emu(text: str | None) -> Length | None:
    """A DrawingML length in EMU, clamped to ``±MAX_EMU``; None when unreadable."""
    value = bounded_int(text, -MAX_EMU, MAX_EMU)
    return Length(Emu(value)) if value is not None else None
