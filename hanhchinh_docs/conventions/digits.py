"""Numbers typed by the user: ASCII digits only.

``str.isdigit`` and ``int()`` accept Arabic-Indic (``٢٠٢٥``), superscript (``²``) and other
digits; a number written that way is almost always a paste from somewhere else, and ``int("²")``
even fails. Every number read from the user's data or command line goes through here.
"""

from __future__ import annotations

import re

_ASCII_NUMBER = re.compile(r"[0-9]{1,18}", re.ASCII)


def ascii_integer(value: object) -> int | None:
    """``2024`` or ``"2024"`` (spaces around allowed) -> ``2024``; anything else -> None.

    ``"٢٠٢٥"``, ``"²"``, ``"2_024"``, ``"2024.0"``, ``"-5"`` and ``True`` are not numbers here.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _ASCII_NUMBER.fullmatch(value.strip(" \t")):
        return int(value.strip(" \t"))
    return None
