"""Dates the way Nghị định 30/2020 writes them (Phụ lục I, mục II.4).

Days 1-9 take a leading zero; of the months only 1 and 2 do ("tháng 01", "tháng 6").
A part of the date that is not known yet (a draft the văn thư will date) is written as blanks.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

BLANK = " " * 6
"""What stands for a day, month, year or number the văn thư fills in by hand."""


@dataclass(frozen=True)
class PartialDate:
    """An issue date that may be incomplete: ``2024-01`` (day blank) or nothing at all."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_date(cls, value: date) -> "PartialDate":
        return cls(value.year, value.month, value.day)

    def as_date(self) -> date | None:
        if self.year and self.month and self.day:
            return date(self.year, self.month, self.day)
        return None

    def to_text(self) -> str:
        """The form used in YAML: ``2024-01-05``, ``2024-01`` or empty."""
        if self.year is None:
            return ""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def day_text(day: int) -> str:
    """``5`` -> ``"05"``; ``29`` -> ``"29"``."""
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Only January and February take a leading zero: ``1`` -> ``"01"``, ``6`` -> ``"6"``."""
    return f"{month:02d}" if month in (1, 2) else str(month)


def _date_parts(value: PartialDate) -> tuple[str, str, str]:
    """Day, month and year as written, each a blank when unknown."""
    day = day_text(value.day) if value.day else BLANK
    month = month_text(value.month) if value.month else BLANK
    year = str(value.year) if value.year else BLANK
    return day, month, year


def date_words(value: PartialDate) -> str:
    """``ngày 05 tháng 01 năm 2024``, with blanks for the unknown parts."""
    day, month, year = _date_parts(value)
    return f"ngày {day} tháng {month} năm {year}"


def date_line(place: str, value: PartialDate) -> str:
    """The header line: ``Hà Tĩnh, ngày 05 tháng 01 năm 2024``."""
    return f"{place}, {date_words(value)}"


def short_date(value: date | PartialDate) -> str:
    """Dates inside running text and citations: ``08/01/2024``, ``15/7/2021``, ``14/3/2024``;
    an unknown part of a partial date is left blank for the reader to fill."""
    if isinstance(value, date):
        value = PartialDate.from_date(value)
    return "/".join(_date_parts(value))


class ImpossibleDate(ValueError):
    """A text shaped like a date (``2024-02-30``) that is no real day; the message says why, in Vietnamese."""


_ISO_DATE = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]*)?)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?",
    re.ASCII)
"""YYYY-MM-DD, with the time part YAML allows after it."""


def parse_iso_date(text: str) -> date | None:
    """``"2024-01-05"`` (or YAML's ``2024-01-05 10:00``) -> the day; None when ``text`` is not shaped
    like a date; ``ImpossibleDate`` when it is shaped like one but no such day exists.

    The one reading of ``YYYY-MM-DD`` for every field: the YAML loader keeps dates as text and
    calls this, so ``2024-02-30`` is a message, never a crash in the YAML library.
    """
    found = _ISO_DATE.fullmatch(text.strip())
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    written = f"{found[1]}-{found[2]}-{found[3]}"
    if year < 1:
        raise ImpossibleDate(f"Ngày '{written}' không có thật: không có năm {year:04d}")
    if not 1 <= month <= 12:
        raise ImpossibleDate(f"Ngày '{written}' không có thật: tháng phải từ 1 đến 12 (đang là {month})")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ImpossibleDate(
            f"Ngày '{written}' không có thật: tháng {month} năm {year} chỉ có {last} ngày (ngày từ 1 đến {last})")
    return date(year, month, day)
