"""Reporting periods and data cut-offs of ND 09/2019 Điều 12 (reference nd30_rules.md §10)."""

from __future__ import annotations

from datetime import date

import pytest

from hanhchinh_docs.conventions.periods import (
    PERIOD_CODES,
    PeriodKind,
    ReportingPeriod,
    next_period,
    parse_period,
)

M, Q, H, N, Y = (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR,
                 PeriodKind.NINE_MONTHS, PeriodKind.YEAR)

# code, kind, first month, last month, cut-off start, cut-off end, label (all for 2024)
PERIODS_2024 = [
    ("thang_1", M, 1, 1, date(2023, 12, 15), date(2024, 1, 14), "tháng 01 năm 2024"),
    ("thang_2", M, 2, 2, date(2024, 1, 15), date(2024, 2, 14), "tháng 02 năm 2024"),
    ("thang_3", M, 3, 3, date(2024, 2, 15), date(2024, 3, 14), "tháng 3 năm 2024"),
    ("thang_4", M, 4, 4, date(2024, 3, 15), date(2024, 4, 14), "tháng 4 năm 2024"),
    ("thang_5", M, 5, 5, date(2024, 4, 15), date(2024, 5, 14), "tháng 5 năm 2024"),
    ("thang_6", M, 6, 6, date(2024, 5, 15), date(2024, 6, 14), "tháng 6 năm 2024"),
    ("thang_7", M, 7, 7, date(2024, 6, 15), date(2024, 7, 14), "tháng 7 năm 2024"),
    ("thang_8", M, 8, 8, date(2024, 7, 15), date(2024, 8, 14), "tháng 8 năm 2024"),
    ("thang_9", M, 9, 9, date(2024, 8, 15), date(2024, 9, 14), "tháng 9 năm 2024"),
    ("thang_10", M, 10, 10, date(2024, 9, 15), date(2024, 10, 14), "tháng 10 năm 2024"),
    ("thang_11", M, 11, 11, date(2024, 10, 15), date(2024, 11, 14), "tháng 11 năm 2024"),
    ("thang_12", M, 12, 12, date(2024, 11, 15), date(2024, 12, 14), "tháng 12 năm 2024"),
    ("quy_1", Q, 1, 3, date(2023, 12, 15), date(2024, 3, 14), "quý I năm 2024"),
    ("quy_2", Q, 4, 6, date(2024, 3, 15), date(2024, 6, 14), "quý II năm 2024"),
    ("quy_3", Q, 7, 9, date(2024, 6, 15), date(2024, 9, 14), "quý III năm 2024"),
    ("quy_4", Q, 10, 12, date(2024, 9, 15), date(2024, 12, 14), "quý IV năm 2024"),
    ("6_thang_dau", H, 1, 6, date(2023, 12, 15), date(2024, 6, 14), "6 tháng đầu năm 2024"),
    ("6_thang_cuoi", H, 7, 12, date(2024, 6, 15), date(2024, 12, 14), "6 tháng cuối năm 2024"),
    ("9_thang", N, 1, 9, date(2023, 12, 15), date(2024, 9, 14), "9 tháng đầu năm 2024"),
    ("nam", Y, 1, 12, date(2023, 12, 15), date(2024, 12, 14), "năm 2024"),
]


@pytest.mark.parametrize(
    "code, kind, first, last, start, end, label", PERIODS_2024, ids=[row[0] for row in PERIODS_2024]
)
def test_every_period_code(code, kind, first, last, start, end, label):
    period = parse_period(code, 2024)
    assert period == ReportingPeriod(code, 2024, kind, first, last, start, end)
    assert period.label == label
    assert period.months == tuple(range(first, last + 1))


def test_the_table_covers_every_code_in_order():
    assert PERIOD_CODES == tuple(row[0] for row in PERIODS_2024)


@pytest.mark.parametrize(
    "code, year, text",
    [
        ("quy_1", 2024, "từ ngày 15/12/2023 đến ngày 14/3/2024"),
        ("thang_1", 2024, "từ ngày 15/12/2023 đến ngày 14/01/2024"),
        ("thang_3", 2024, "từ ngày 15/02/2024 đến ngày 14/3/2024"),
        ("quy_4", 2023, "từ ngày 15/9/2023 đến ngày 14/12/2023"),
        ("6_thang_cuoi", 2025, "từ ngày 15/6/2025 đến ngày 14/12/2025"),
        ("9_thang", 2024, "từ ngày 15/12/2023 đến ngày 14/9/2024"),
        ("nam", 2024, "từ ngày 15/12/2023 đến ngày 14/12/2024"),
    ],
)
def test_cutoff_text(code, year, text):
    assert parse_period(code, year).cutoff_text() == text


@pytest.mark.parametrize(
    "code, year, expected_code, expected_year",
    [
        ("thang_1", 2024, "thang_2", 2024),
        ("thang_11", 2024, "thang_12", 2024),
        ("thang_12", 2024, "thang_1", 2025),
        ("quy_1", 2024, "quy_2", 2024),
        ("quy_3", 2024, "quy_4", 2024),
        ("quy_4", 2024, "quy_1", 2025),
        ("6_thang_dau", 2024, "6_thang_cuoi", 2024),
        ("6_thang_cuoi", 2024, "6_thang_dau", 2025),
        ("9_thang", 2024, "quy_4", 2024),
        ("nam", 2024, "nam", 2025),
    ],
)
def test_next_period(code, year, expected_code, expected_year):
    assert next_period(parse_period(code, year)) == parse_period(expected_code, expected_year)


@pytest.mark.parametrize("code", PERIOD_CODES)
def test_next_period_starts_the_month_after(code):
    period = parse_period(code, 2024)
    after = next_period(period)
    assert (after.year, after.first_month) == ((2025, 1) if period.last_month == 12
                                               else (2024, period.last_month + 1))
    assert after.cutoff_start == date(period.cutoff_end.year, period.cutoff_end.month, 15)


@pytest.mark.parametrize("code", [" quy_1 ", "QUY_1", "Quy_1"])
def test_case_and_spaces_are_forgiven(code):
    assert parse_period(code, 2024).code == "quy_1"


@pytest.mark.parametrize(
    "code, suggestion",
    [
        ("quy1", "quy_1"),
        ("quý 2", "quy_2"),
        ("Tháng-3", "thang_3"),
        ("thang3", "thang_3"),
        ("6_thang_dau_nam", "6_thang_dau"),
        ("Năm", "nam"),
    ],
)
def test_unknown_code_lists_codes_and_suggests(code, suggestion):
    with pytest.raises(ValueError) as error:
        parse_period(code, 2024)
    message = str(error.value)
    assert message.startswith(f"Kỳ báo cáo '{code}' không hợp lệ.")
    for listed in ("thang_1", "thang_12", "quy_1", "quy_4", "6_thang_dau", "6_thang_cuoi",
                   "9_thang", "nam"):
        assert listed in message
    assert message.endswith(f"Có phải ý bạn là '{suggestion}'?")


def test_unknown_code_without_close_match_has_no_suggestion():
    with pytest.raises(ValueError) as error:
        parse_period("weekly", 2024)
    assert "Có phải ý bạn là" not in str(error.value)


@pytest.mark.parametrize("year", [0, 1, 10000])
def test_year_out_of_range(year):
    with pytest.raises(ValueError, match="Năm của kỳ báo cáo không hợp lệ"):
        parse_period("nam", year)
