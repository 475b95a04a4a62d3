"""Reading a "Số: 05/KH-STNMT" line into its parts, for the number rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

BLANK = re.compile(r"^[\s._…]*$")
"""A number the văn thư will write by hand: spaces, dots, underscores or an ellipsis."""

_LINE = re.compile(r"^(?P<word>[^\s:/]*)\s*(?P<colon>:?)\s*(?P<number>[^/]*?)(?P<before>\s*)/(?P<after>\s*)(?P<symbol>.*)$")


@dataclass(frozen=True)
class NumberLine:
    word: str             # "Số" as written
    colon: bool
    number: str           # digits, or blanks for a draft
    spaced: bool          # spaces around the "/" after a real number
    symbol: str           # "KH-STNMT" (a legal document may have "2020/NĐ-CP")

    @property
    def groups(self) -> list[str]:
        """The symbol's abbreviation groups (the year of a legal document's symbol left out)."""
        symbol = re.sub(r"^\d{4}/", "", self.symbol)
        return [group.strip() for group in symbol.split("-")]


def parse_number_line(text: str) -> NumberLine | None:
    """None when the line has no "/" between a number and a symbol."""
    match = _LINE.match(text.strip())
    if match is None:
        return None
    number = match["number"].strip()
    blank = bool(BLANK.match(match["number"]))
    return NumberLine(
        word=match["word"], colon=bool(match["colon"]), number="" if blank else number,
        spaced=not blank and bool(match["before"] or match["after"]) or bool(match["after"]),
        symbol=match["symbol"].strip(),
    )
