"""Numbers and symbols of Nghị định 30/2020: "Số: 05/KH-STNMT", mục I., khoản 1., điểm a)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hanhchinh_docs.conventions.dates import BLANK

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]

POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"
"""Letters of điểm in Vietnamese alphabet order (ND30 itself uses a b c d đ e g)."""


def roman(number: int) -> str:
    """``4`` -> ``"IV"``; for mục (level-1 headings) and appendix numbers."""
    if number < 1:
        raise ValueError(f"roman numerals start at 1, got {number}")
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def point_letter(index: int) -> str:
    """0 -> ``"a"``, 4 -> ``"đ"``; past ``y`` the letters are doubled (``aa``)."""
    repeat, pos = divmod(index, len(POINT_LETTERS))
    return POINT_LETTERS[pos] * (repeat + 1)


def item_label(level: int, index: int) -> str:
    """Label of the ``index``-th (0-based) numbered item at body level 1, 2 or 3: ``I.``, ``1.``, ``a)``."""
    if level == 1:
        return f"{roman(index + 1)}."
    if level == 2:
        return f"{index + 1}."
    if level == 3:
        return f"{point_letter(index)})"
    raise ValueError(f"body items are numbered on levels 1-3, got {level}")


_TYPED_LABEL = re.compile(r"^\s*(?:(?P<roman>[IVX]+)\s*[.)]|(?P<arabic>\d{1,3})\s*[.)]|(?P<letter>[a-zđ])\s*\))\s+")
"""A number the clerk typed before a heading: "I. ", "1. ", "1) ", "a) "."""


@dataclass(frozen=True)
class TypedLabel:
    """A typed number found at the start of a heading, and whether it is the automatic one."""

    typed: str
    """As typed, without the space: ``"I."``."""
    rest: str
    """The heading without it."""
    automatic: str
    """What the renderer numbers this heading: ``item_label(level, index)``."""

    @property
    def matches(self) -> bool:
        return _label_value(self.typed) == _label_value(self.automatic)


def _label_value(label: str) -> tuple[str, int]:
    match = _TYPED_LABEL.match(label + " ")
    if match["roman"]:
        return "roman", _roman_value(match["roman"])
    if match["arabic"]:
        return "arabic", int(match["arabic"])
    return "letter", POINT_LETTERS.index(match["letter"])


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, letter in enumerate(text):
        value = values[letter]
        total += -value if index + 1 < len(text) and values[text[index + 1]] > value else value
    return total


def typed_label(text: str, level: int, index: int) -> TypedLabel | None:
    """The number typed at the start of the ``index``-th heading of ``level``, if any.

    ``typed_label("I. MỤC ĐÍCH", 1, 0)`` matches the automatic "I." (so the renderer drops it);
    ``typed_label("II. MỤC ĐÍCH", 1, 0)`` does not (the data is refused: never print both).
    """
    match = _TYPED_LABEL.match(text)
    if match is None or level not in (1, 2, 3):
        return None
    return TypedLabel(match.group(0).strip(), text[match.end():], item_label(level, index))


def without_typed_label(text: str, level: int, index: int) -> str:
    """The heading as the renderer prints it after its automatic number: a matching typed number dropped."""
    found = typed_label(text, level, index)
    return found.rest if found is not None and found.matches else text


def document_number(number: int | None) -> str:
    """Numbers below 10 take a leading zero; ``None`` leaves a blank for the văn thư."""
    if number is None:
        return BLANK
    return f"{number:02d}"


def document_symbol(type_abbreviation: str, issuer_abbreviation: str) -> str:
    """``KH`` + ``STNMT`` -> ``KH-STNMT`` (groups joined by '-' with no spaces)."""
    return f"{type_abbreviation}-{issuer_abbreviation}"


def number_and_symbol(number: int | None, type_abbreviation: str, issuer_abbreviation: str) -> str:
    """``05/KH-STNMT``; a draft (no number) gives ``      /KH-STNMT``."""
    return f"{document_number(number)}/{document_symbol(type_abbreviation, issuer_abbreviation)}"
