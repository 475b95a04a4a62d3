"""The free-text "Thời gian thực hiện" column of a plan's task table, read as months and a deadline.

Plans write this column by hand ("Quý II, IV", "Tháng 10 - 12/2024", "Trước ngày 30/9"), and a
report needs it to know which tasks were due in its period. Only phrasings whose meaning is
certain are understood; anything else gives ``None`` so the caller warns instead of guessing.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_YEAR = r"(?:\s*/\s*|(?: trong)? năm )(?P<year>[1-9][0-9]{3})"
"""Year suffix: ``/2024``, ``năm 2024`` or ``trong năm 2024``."""

_SEPARATOR = r"\s*(,|;|-|\bvà\b|\bđến\b)\s*"
"""Between list items: ``,``/``;``/``và`` list them, ``-``/``đến`` make a range."""

_RANGE_SEPARATORS = {"-", "đến"}


def _item_list(unit: str, item: str) -> str:
    """Regex for ``<unit> a, b và c`` or ``<unit> a - <unit> b``; the unit may be repeated."""
    items = rf"(?P<items>{item}(?:{_SEPARATOR}(?:{unit}\s+)?{item})*)"
    return rf"(?:(?:trong|từ) )?{unit}\s+{items}(?:{_YEAR})?"


_RECURRING = re.compile(
    rf"(?:thường xuyên|(?:định kỳ )?h[ằà]ng (?:tháng|quý))(?: trong năm)?(?:{_YEAR})?"
)
_WHOLE_YEAR = re.compile(r"(?P<lead>cả |trong )?năm(?: (?P<year>[1-9][0-9]{3}))?")
_SPAN = re.compile(r"(?P<span>6 tháng đầu|6 tháng cuối|9 tháng đầu) năm(?: (?P<year>[1-9][0-9]{3}))?")
_SPAN_MONTHS = {
    "6 tháng đầu": range(1, 7),
    "6 tháng cuối": range(7, 13),
    "9 tháng đầu": range(1, 10),
}
_QUARTERS = re.compile(_item_list("quý", r"(?:[ivx]+|[0-9])"))
_MONTHS = re.compile(_item_list("tháng", r"[0-9]{1,2}"))
_ON_EVENT = re.compile(
    r"(?:(?:chủ động |kịp thời )?(?:khi|ngay khi|khi nào|sau khi|trong trường hợp) (?:có |xảy ra |phát sinh)"
    r"|(?:khi|theo) (?:có )?(?:yêu cầu|chỉ đạo|đề nghị)"
    r"|sau (?:mỗi|từng|các) (?:đợt|lần|kỳ|cuộc|trận)"
    r"|(?:mỗi|từng) khi"
    r"|khi phát sinh|theo tình hình thực tế|đột xuất)"
)
"""Event-driven timing ("Khi có thiên tai", "Sau mỗi đợt kiểm tra", "Khi có yêu cầu"): no calendar
date, the task is carried out whenever the event occurs."""

_DEADLINE = re.compile(
    r"(?:hoàn thành )?(?:trước|đến|chậm nhất)(?: ngày)? (?P<day>[0-9]{1,2})"
    r"(?:\s*/\s*(?P<month>[0-9]{1,2})(?:\s*/\s*(?P<year>[1-9][0-9]{3}))?"
    r"| tháng (?P<month_word>[0-9]{1,2})(?: năm (?P<year_word>[1-9][0-9]{3}))?)"
)


@dataclass(frozen=True)
class Schedule:
    """When a plan's task is carried out, as understood from its "Thời gian thực hiện" text."""

    text: str
    months: frozenset[tuple[int, int]]
    """``(year, month)`` pairs in which the task is carried out."""
    recurring: bool
    """The task runs all along ("Thường xuyên", "Hằng tháng"...) rather than once."""
    deadline: date | None
    """The last day the text allows, when it gives or implies one."""
    on_event: bool = False
    """Carried out whenever an event occurs ("Khi có thiên tai"): due in every period of the
    plan year, but a period in which the event did not occur has nothing to report."""

    def is_due_in(self, year: int, months: Iterable[int]) -> bool:
        """Whether the task is carried out in any of ``months`` of ``year`` (a report's period)."""
        return any((year, month) in self.months for month in months)


def parse_schedule(text: str, plan_year: int) -> Schedule | None:
    """None when the text is not understood: the caller warns instead of guessing.

    A year written in the text ("Quý IV/2023") wins over ``plan_year``.
    """
    normal = _normalise(text)
    if _ON_EVENT.match(normal):
        months = frozenset((plan_year, month) for month in range(1, 13))
        return Schedule(text, months, recurring=True, deadline=None, on_event=True)
    if match := _RECURRING.fullmatch(normal):
        return _in_months(text, _year(match, plan_year), range(1, 13), recurring=True)
    if match := _WHOLE_YEAR.fullmatch(normal):
        whole_year = match["lead"] == "cả "  # "Cả năm" is ongoing; "Năm 2024" is once, by 31/12
        return _in_months(text, _year(match, plan_year), range(1, 13), recurring=whole_year)
    if match := _SPAN.fullmatch(normal):
        return _in_months(text, _year(match, plan_year), _SPAN_MONTHS[match["span"]])
    if match := _QUARTERS.fullmatch(normal):
        quarters = _expand(match["items"], "quý", _quarter_number)
        if quarters is None:
            return None
        months = [month for q in quarters for month in range(3 * q - 2, 3 * q + 1)]
        return _in_months(text, _year(match, plan_year), months)
    if match := _MONTHS.fullmatch(normal):
        months = _expand(match["items"], "tháng", _month_number)
        if months is None:
            return None
        return _in_months(text, _year(match, plan_year), months)
    if match := _DEADLINE.fullmatch(normal):
        return _until(text, match, plan_year)
    return None


_WRITTEN_DATE = re.compile(
    r"(?<![\d/])(?P<day>[0-9]{1,2})\s*/\s*(?P<month>[0-9]{1,2})(?:\s*/\s*(?P<year>[0-9]{4}))?(?![\d/])"
    r"|ngày (?P<day_word>[0-9]{1,2}) tháng (?P<month_word>[0-9]{1,2})(?: năm (?P<year_word>[0-9]{4}))?"
)


def impossible_date(text: str, plan_year: int) -> str | None:
    """The first date written in ``text`` that does not exist, explained ("tháng 6 chỉ có 30 ngày").

    "Trước ngày 31/6/2025" is not understood by ``parse_schedule``; this says why, so the clerk
    fixes the date instead of rephrasing a text that was fine. A "tháng 10 - 12/2024" range is
    not a date and is left alone.
    """
    for match in _WRITTEN_DATE.finditer(_normalise(text)):
        day = int(match["day"] or match["day_word"])
        month = int(match["month"] or match["month_word"])
        year = int(match["year"] or match["year_word"] or plan_year)
        written = f"{day}/{month}" + (f"/{year}" if match["year"] or match["year_word"] else "")
        if not 1 <= month <= 12:
            return f"ngày {written} không có thật: tháng phải từ 1 đến 12"
        if not 1 <= year <= 9999:
            return f"ngày {written} không có thật: năm không hợp lệ"
        last = calendar.monthrange(year, month)[1]
        if day == 0:
            return f"ngày {written} không có thật: ngày phải từ 1 đến {last}"
        if day > last:
            return f"ngày {written} không có thật: tháng {month} năm {year} chỉ có {last} ngày"
    return None


def _normalise(text: str) -> str:
    """One spelling for matching: NFC, lower case, single spaces, one kind of dash."""
    normal = unicodedata.normalize("NFC", text).lower()
    normal = re.sub(r"[\u2010-\u2015\u2212]", "-", normal)
    normal = normal.replace("qúy", "quý")  # old-style tone placement
    return " ".join(normal.split()).rstrip(".;,").strip()


def _year(match: re.Match[str], plan_year: int) -> int:
    return int(match["year"]) if match["year"] else plan_year


def _quarter_number(token: str) -> int | None:
    number = _ROMAN_QUARTERS.get(token) or (int(token) if token.isdigit() else None)
    return number if number in (1, 2, 3, 4) else None


def _month_number(token: str) -> int | None:
    number = int(token)
    return number if 1 <= number <= 12 else None


def _expand(items: str, unit: str, number_of: Callable[[str], int | None]) -> list[int] | None:
    """``"ii, iv"`` -> ``[2, 4]``, ``"10 - 12"`` -> ``[10, 11, 12]``; None for a bad item/range."""
    parts = re.split(_SEPARATOR, re.sub(rf"{unit}\s+", "", items))
    numbers = [number_of(token) for token in parts[0::2]]
    if None in numbers:
        return None
    result = [numbers[0]]
    for separator, number in zip(parts[1::2], numbers[1:]):
        if separator in _RANGE_SEPARATORS:
            if number <= result[-1]:
                return None
            result.extend(range(result[-1] + 1, number + 1))
        else:
            result.append(number)
    return result


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _in_months(text: str, year: int, months: Iterable[int], *, recurring: bool = False) -> Schedule:
    """Months of one year, due by the end of the last of them."""
    pairs = frozenset((year, month) for month in months)
    return Schedule(text, pairs, recurring, _last_day(year, max(month for _, month in pairs)))


def _until(text: str, match: re.Match[str], plan_year: int) -> Schedule | None:
    """"Trước ngày 30/9/2024": the months from January to the deadline's month.

    The run starts in January of the plan year, or of the deadline's year when that is earlier.
    """
    year = int(match["year"] or match["year_word"] or plan_year)
    try:
        deadline = date(year, int(match["month"] or match["month_word"]), int(match["day"]))
    except ValueError:
        return None
    first = min(plan_year, year) * 12
    last = year * 12 + deadline.month - 1
    months = frozenset((index // 12, index % 12 + 1) for index in range(first, last + 1))
    return Schedule(text, months, False, deadline)
