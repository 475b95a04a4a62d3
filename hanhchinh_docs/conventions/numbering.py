"""Numbers and symbols of Nghị định 30/2020: "Số: 05/KH-STNMT", mục I., khoản 1., điểm a)."""

from __future__ import annotations

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
