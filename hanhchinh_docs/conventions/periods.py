"""Reporting periods of Nghị định 09/2019 (Điều 12): the months a report covers, its data cut-off.

Every period follows one rule: the cut-off runs from the 15th of the month before the period's
first month to the 14th of its last month. That gives ND 09's monthly, quarterly, 6-month and
annual cut-offs (Q1: 15/12 of the previous year -> 14/3) and the provincial 9-month one.
"""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from hanhchinh_docs.conventions.dates import month_text, short_date
from hanhchinh_docs.conventions.numbering import roman

CUTOFF_START_DAY = 15
"""The cut-off opens on the 15th of the month before the period (ND 09 Điều 12)."""

CUTOFF_END_DAY = 14
"""The cut-off closes on the 14th of the period's last month, leaving time to write the report."""


class PeriodKind(enum.Enum):
    """How often a periodic report is made; the value is the YAML code's stem."""

    MONTH = "thang"
    QUARTER = "quy"
    HALF_YEAR = "6_thang"
    NINE_MONTHS = "9_thang"
    """Not in ND 09 but provincial practice (Khánh Hòa QĐ 01/2023/QĐ-UBND): 15/12 -> 14/9."""
    YEAR = "nam"


_SPANS: dict[str, tuple[PeriodKind, int, int]] = {
    **{f"thang_{m}": (PeriodKind.MONTH, m, m) for m in range(1, 13)},
    **{f"quy_{q}": (PeriodKind.QUARTER, 3 * q - 2, 3 * q) for q in range(1, 5)},
    "6_thang_dau": (PeriodKind.HALF_YEAR, 1, 6),
    "6_thang_cuoi": (PeriodKind.HALF_YEAR, 7, 12),
    "9_thang": (PeriodKind.NINE_MONTHS, 1, 9),
    "nam": (PeriodKind.YEAR, 1, 12),
}
"""YAML code -> (kind, first calendar month, last calendar month)."""

PERIOD_CODES: tuple[str, ...] = tuple(_SPANS)
"""Every valid ``ky_bao_cao`` code, shortest period first."""

_CODES_HELP = (
    "thang_1 đến thang_12 (báo cáo tháng), quy_1 đến quy_4 (báo cáo quý), "
    "6_thang_dau, 6_thang_cuoi (báo cáo 6 tháng), 9_thang (báo cáo 9 tháng), nam (báo cáo năm)"
)


@dataclass(frozen=True)
class ReportingPeriod:
    """One periodic report's period: the months whose tasks it reports on and its data cut-off."""

    code: str
    year: int
    kind: PeriodKind
    first_month: int
    last_month: int
    cutoff_start: date
    cutoff_end: date

    @property
    def label(self) -> str:
        """How the period is named in a report's title and text: ``quý I năm 2024``."""
        if self.kind is PeriodKind.MONTH:
            return f"tháng {month_text(self.first_month)} năm {self.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {roman(self.last_month // 3)} năm {self.year}"
        if self.kind is PeriodKind.HALF_YEAR:
            half = "đầu" if self.first_month == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        if self.kind is PeriodKind.NINE_MONTHS:
            return f"9 tháng đầu năm {self.year}"
        return f"năm {self.year}"

    @property
    def months(self) -> tuple[int, ...]:
        """Calendar months of ``year`` the period covers, to pick the tasks that were due."""
        return tuple(range(self.first_month, self.last_month + 1))

    def cutoff_text(self) -> str:
        """The cut-off as a report states it: ``từ ngày 15/12/2023 đến ngày 14/3/2024``."""
        return f"từ ngày {short_date(self.cutoff_start)} đến ngày {short_date(self.cutoff_end)}"


def parse_period(code: str, year: int) -> ReportingPeriod:
    """The period a YAML ``ky_bao_cao`` code names in ``year``.

    Case and surrounding spaces are forgiven; any other mistake raises ``ValueError`` with a
    message the user can act on (the valid codes and the closest one).
    """
    canonical = code.strip().lower()
    if canonical not in _SPANS:
        message = f"Kỳ báo cáo '{code}' không hợp lệ. Các kỳ hợp lệ: {_CODES_HELP}."
        close = difflib.get_close_matches(_plain(canonical), PERIOD_CODES, n=1)
        if close:
            message += f" Có phải ý bạn là '{close[0]}'?"
        raise ValueError(message)
    if not 1 < year < 10000:
        raise ValueError(f"Năm của kỳ báo cáo không hợp lệ: {year}.")
    kind, first_month, last_month = _SPANS[canonical]
    before_year, before_month = (year - 1, 12) if first_month == 1 else (year, first_month - 1)
    return ReportingPeriod(
        code=canonical,
        year=year,
        kind=kind,
        first_month=first_month,
        last_month=last_month,
        cutoff_start=date(before_year, before_month, CUTOFF_START_DAY),
        cutoff_end=date(year, last_month, CUTOFF_END_DAY),
    )


def _plain(code: str) -> str:
    """``"quý 1"`` -> ``"quy_1"``: how a code typed with accents or spaces was probably meant."""
    letters = unicodedata.normalize("NFD", code).replace("đ", "d")
    letters = "".join(c for c in letters if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", "_", letters)


def next_period(period: ReportingPeriod) -> ReportingPeriod:
    """The period the next report covers: same kind, starting the month after ``period`` ends.

    ``quy_4`` 2024 -> ``quy_1`` 2025, ``6_thang_cuoi`` -> ``6_thang_dau`` of the next year,
    ``nam`` -> ``nam`` of the next year. A 9-month report is followed by ``quy_4`` of the same
    year: a 9-month period never starts in October, and the fourth quarter is what is left to
    report before the annual report.
    """
    start = period.last_month % 12 + 1
    year = period.year + 1 if period.last_month == 12 else period.year
    kind = PeriodKind.QUARTER if period.kind is PeriodKind.NINE_MONTHS else period.kind
    code = next(c for c, (k, first, _) in _SPANS.items() if k is kind and first == start)
    return parse_period(code, year)
