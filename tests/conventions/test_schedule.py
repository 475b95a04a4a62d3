"""Reading the "Thời gian thực hiện" column of a plan's task table."""

from __future__ import annotations

from datetime import date

import pytest

from hanhchinh_docs.conventions.periods import PERIOD_CODES, parse_period
from hanhchinh_docs.conventions.schedule import Schedule, impossible_date, parse_schedule

PLAN_YEAR = 2024


def months(first: int, last: int, year: int = PLAN_YEAR) -> frozenset[tuple[int, int]]:
    return frozenset((year, month) for month in range(first, last + 1))


def some(*numbers: int, year: int = PLAN_YEAR) -> frozenset[tuple[int, int]]:
    return frozenset((year, month) for month in numbers)


WHOLE_2024 = months(1, 12)

# text, months, recurring, deadline (plan year 2024)
UNDERSTOOD = [
    ("Thường xuyên trong năm", WHOLE_2024, True, date(2024, 12, 31)),
    ("Thường xuyên", WHOLE_2024, True, date(2024, 12, 31)),
    ("Thường xuyên trong năm 2025", months(1, 12, 2025), True, date(2025, 12, 31)),
    ("Hằng tháng", WHOLE_2024, True, date(2024, 12, 31)),
    ("Hàng tháng", WHOLE_2024, True, date(2024, 12, 31)),
    ("Hằng quý", WHOLE_2024, True, date(2024, 12, 31)),
    ("Hàng quý", WHOLE_2024, True, date(2024, 12, 31)),
    ("Định kỳ hằng quý", WHOLE_2024, True, date(2024, 12, 31)),
    ("Cả năm", WHOLE_2024, True, date(2024, 12, 31)),
    ("Cả năm 2024", WHOLE_2024, True, date(2024, 12, 31)),
    ("Năm 2024", WHOLE_2024, False, date(2024, 12, 31)),
    ("Năm 2025", months(1, 12, 2025), False, date(2025, 12, 31)),
    ("Trong năm", WHOLE_2024, False, date(2024, 12, 31)),
    ("Quý I", months(1, 3), False, date(2024, 3, 31)),
    ("Quý II", months(4, 6), False, date(2024, 6, 30)),
    ("Quý III", months(7, 9), False, date(2024, 9, 30)),
    ("Quý IV", months(10, 12), False, date(2024, 12, 31)),
    ("Quý 1", months(1, 3), False, date(2024, 3, 31)),
    ("Quý 4", months(10, 12), False, date(2024, 12, 31)),
    ("Quý II, IV", some(4, 5, 6, 10, 11, 12), False, date(2024, 12, 31)),
    ("Quý II và IV", some(4, 5, 6, 10, 11, 12), False, date(2024, 12, 31)),
    ("Quý II, quý IV", some(4, 5, 6, 10, 11, 12), False, date(2024, 12, 31)),
    ("Quý I, II và IV", some(1, 2, 3, 4, 5, 6, 10, 11, 12), False, date(2024, 12, 31)),
    ("Quý III - IV", months(7, 12), False, date(2024, 12, 31)),
    ("Quý III – IV", months(7, 12), False, date(2024, 12, 31)),
    ("Quý I—III", months(1, 9), False, date(2024, 9, 30)),
    ("Quý 2-3", months(4, 9), False, date(2024, 9, 30)),
    ("Quý I/2024", months(1, 3), False, date(2024, 3, 31)),
    ("Quý I năm 2024", months(1, 3), False, date(2024, 3, 31)),
    ("Quý IV/2023", months(10, 12, 2023), False, date(2023, 12, 31)),
    ("Quý I/2025", months(1, 3, 2025), False, date(2025, 3, 31)),
    ("Trong quý III", months(7, 9), False, date(2024, 9, 30)),
    ("6 tháng đầu năm", months(1, 6), False, date(2024, 6, 30)),
    ("6 tháng cuối năm", months(7, 12), False, date(2024, 12, 31)),
    ("6 tháng cuối năm 2025", months(7, 12, 2025), False, date(2025, 12, 31)),
    ("9 tháng đầu năm", months(1, 9), False, date(2024, 9, 30)),
    ("Tháng 3/2024", some(3), False, date(2024, 3, 31)),
    ("Tháng 3", some(3), False, date(2024, 3, 31)),
    ("Tháng 02", some(2), False, date(2024, 2, 29)),
    ("Tháng 3 năm 2025", some(3, year=2025), False, date(2025, 3, 31)),
    ("Tháng 10 - 12/2024", months(10, 12), False, date(2024, 12, 31)),
    ("Tháng 10-12", months(10, 12), False, date(2024, 12, 31)),
    ("Tháng 10 – 12/2023", months(10, 12, 2023), False, date(2023, 12, 31)),
    ("Tháng 3, 6, 9, 12", some(3, 6, 9, 12), False, date(2024, 12, 31)),
    ("Tháng 6 và tháng 12", some(6, 12), False, date(2024, 12, 31)),
    ("Từ tháng 3 đến tháng 6 năm 2024", months(3, 6), False, date(2024, 6, 30)),
    ("Trong tháng 5", some(5), False, date(2024, 5, 31)),
    ("Trước ngày 30/9/2024", months(1, 9), False, date(2024, 9, 30)),
    ("Trước 30/9", months(1, 9), False, date(2024, 9, 30)),
    ("Trước ngày 30 tháng 9 năm 2024", months(1, 9), False, date(2024, 9, 30)),
    ("Đến ngày 15/8/2024", months(1, 8), False, date(2024, 8, 15)),
    ("Hoàn thành trước ngày 31/01/2024", some(1), False, date(2024, 1, 31)),
    ("Trước ngày 15/3/2025", months(1, 12) | months(1, 3, 2025), False, date(2025, 3, 15)),
    ("Trước ngày 30/6/2023", months(1, 6, 2023), False, date(2023, 6, 30)),
]


@pytest.mark.parametrize("text, expected_months, recurring, deadline", UNDERSTOOD,
                         ids=[row[0] for row in UNDERSTOOD])
def test_understood_phrases(text, expected_months, recurring, deadline):
    assert parse_schedule(text, PLAN_YEAR) == Schedule(text, expected_months, recurring, deadline)


@pytest.mark.parametrize(
    "variant, canonical",
    [
        ("  quý   II ,  IV  ", "Quý II, IV"),
        ("QUÝ II VÀ IV", "Quý II, IV"),
        ("Qúy II, IV", "Quý II, IV"),
        ("Quý II, IV.", "Quý II, IV"),
        ("Quý I / 2024", "Quý I"),
        ("THƯỜNG XUYÊN", "Thường xuyên"),
        ("Thường  xuyên\ttrong năm", "Thường xuyên"),
        ("tháng 10 — 12 / 2024", "Tháng 10-12"),
        ("trước ngày 30 / 9 / 2024", "Trước 30/9"),
        ("Quy\u0301 II, IV", "Quý II, IV"),  # decomposed accent, as some editors save it
    ],
)
def test_case_spaces_dashes_and_accents_are_tolerated(variant, canonical):
    parsed = parse_schedule(variant, PLAN_YEAR)
    expected = parse_schedule(canonical, PLAN_YEAR)
    assert parsed is not None and expected is not None
    assert parsed.text == variant
    assert (parsed.months, parsed.recurring, parsed.deadline) == (
        expected.months, expected.recurring, expected.deadline)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Quý V",
        "Quý 5",
        "Quý 0",
        "Quý IIII",
        "Quý IV - II",
        "Tháng 13",
        "Tháng 0",
        "Tháng 12 - 10",
        "Tháng 3, 15",
        "Trước ngày 31/2/2024",
        "Trước ngày 30/13",
        "Quý",
        "Tháng",
        "9 tháng cuối năm",
        "Hằng tuần",
        "Năm 24",
        "Tháng 3/0000",
        "Quý I năm 0999",
        "Thường xuyên, khi có yêu cầu",
    ],
)
def test_not_understood_gives_none(text):
    assert parse_schedule(text, PLAN_YEAR) is None


# text, period codes (2024) in which the task is due
DUE_IN = [
    ("Quý II, IV", {"quy_2", "quy_4", "6_thang_dau", "6_thang_cuoi", "9_thang", "nam",
                    "thang_4", "thang_5", "thang_6", "thang_10", "thang_11", "thang_12"}),
    ("Quý I", {"quy_1", "6_thang_dau", "9_thang", "nam", "thang_1", "thang_2", "thang_3"}),
    ("Tháng 10 - 12/2024", {"quy_4", "6_thang_cuoi", "nam", "thang_10", "thang_11", "thang_12"}),
    ("Tháng 3, 6, 9, 12", {"quy_1", "quy_2", "quy_3", "quy_4", "6_thang_dau", "6_thang_cuoi",
                           "9_thang", "nam", "thang_3", "thang_6", "thang_9", "thang_12"}),
    ("6 tháng cuối năm", {"quy_3", "quy_4", "6_thang_cuoi", "9_thang", "nam",
                          "thang_7", "thang_8", "thang_9", "thang_10", "thang_11", "thang_12"}),
    ("Trước ngày 30/9/2024", set(PERIOD_CODES) - {"thang_10", "thang_11", "thang_12", "quy_4"}),
    ("Thường xuyên trong năm", set(PERIOD_CODES)),
    ("Quý IV/2023", set()),
    ("Quý I/2025", set()),
]


@pytest.mark.parametrize("text, due_codes", DUE_IN, ids=[row[0] for row in DUE_IN])
def test_due_in_period(text, due_codes):
    schedule = parse_schedule(text, PLAN_YEAR)
    assert schedule is not None
    due = {code for code in PERIOD_CODES
           if schedule.is_due_in(2024, parse_period(code, 2024).months)}
    assert due == due_codes


def test_due_in_checks_the_year():
    schedule = parse_schedule("Quý I/2025", PLAN_YEAR)
    assert schedule is not None
    assert schedule.is_due_in(2025, parse_period("quy_1", 2025).months)
    assert not schedule.is_due_in(2024, parse_period("quy_1", 2024).months)


def test_deadline_past_the_plan_year_spans_both_years():
    schedule = parse_schedule("Trước ngày 15/3/2025", PLAN_YEAR)
    assert schedule is not None
    assert schedule.is_due_in(2024, [12])
    assert schedule.is_due_in(2025, [3])
    assert not schedule.is_due_in(2025, [4])


def test_due_in_accepts_any_iterable_of_months():
    schedule = parse_schedule("Tháng 5", PLAN_YEAR)
    assert schedule is not None
    assert schedule.is_due_in(2024, range(4, 7))
    assert not schedule.is_due_in(2024, iter([1, 2, 3]))
    assert not schedule.is_due_in(2024, [])


@pytest.mark.parametrize("text", [
    "Khi có thiên tai", "Khi có yêu cầu", "Theo yêu cầu", "Sau mỗi đợt kiểm tra", "Khi phát sinh",
    "Theo chỉ đạo", "Chủ động khi xảy ra sự cố", "Đột xuất", "khi  có   YÊU CẦU.",
])
def test_event_driven_timing_is_understood_as_whenever_it_occurs(text):
    schedule = parse_schedule(text, PLAN_YEAR)
    assert schedule is not None and schedule.on_event and schedule.recurring and schedule.deadline is None
    assert schedule.months == frozenset((2024, month) for month in range(1, 13))


@pytest.mark.parametrize("text, expected", [
    ("Trước ngày 31/6/2025", "ngày 31/6/2025 không có thật: tháng 6 năm 2025 chỉ có 30 ngày"),
    ("Trước ngày 29/2/2025", "ngày 29/2/2025 không có thật: tháng 2 năm 2025 chỉ có 28 ngày"),
    ("Trước ngày 30/2", "ngày 30/2 không có thật: tháng 2 năm 2024 chỉ có 29 ngày"),
    ("Hoàn thành trước ngày 15/13/2024", "ngày 15/13/2024 không có thật: tháng phải từ 1 đến 12"),
    ("Chậm nhất ngày 32 tháng 1 năm 2024", "ngày 32/1/2024 không có thật: tháng 1 năm 2024 chỉ có 31 ngày"),
    ("Trước ngày 0/5/2024", "ngày 0/5/2024 không có thật: ngày phải từ 1 đến 31"),
    ("Trước ngày 1/5/2024", None),
    ("Trước ngày ３0/5/2024", None),  # not a date "0/5" next to a full-width 3: the lint names the digit instead
    ("Trước ngày 29/2/2024", None),
    ("Tháng 10 - 12/2024", None),
    ("Quý II, IV", None),
])
def test_impossible_dates_are_explained(text, expected):
    assert impossible_date(text, PLAN_YEAR) == expected
    if expected:
        assert parse_schedule(text, PLAN_YEAR) is None
