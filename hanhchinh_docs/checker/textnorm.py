"""Comparing Vietnamese text the way a reader does: case, tone-mark placement and dashes aside.

The official files spell both "HÒA" and "HOÀ"; Word turns " - " into " – ". Matching folds
these away, so a rule finds an element even when it is written with a legal variant (or with
the very mistake the rule reports).
"""

from __future__ import annotations

import re
import unicodedata

_TONE_AT_END = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
"""New-style tone placement (hoà, thuỷ) -> old style (hòa, thủy) at the end of a syllable."""

_TONE_PATTERN = re.compile("(" + "|".join(_TONE_AT_END) + r")(?!\w)")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")


def fold(text: str) -> str:
    """One spelling for matching: NFC, lower case, old-style tone marks, ``-`` dashes, single spaces."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _TONE_PATTERN.sub(lambda m: _TONE_AT_END[m.group(1)], text)
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_all_upper(text: str) -> bool:
    """Every letter is a capital (and there is at least one letter)."""
    found = letters(text)
    return bool(found) and found == found.upper()


def has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


def quote(text: str, limit: int = 60) -> str:
    """A short quote of a paragraph for a finding: one line, at most ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
