"""HD11: the place and date line reads "Hà Tĩnh, ngày 05 tháng 01 năm 2024"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from hanhchinh_docs.checker.judge import display_text, finding_at, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding
from hanhchinh_docs.checker.rules.header.number_line import BLANK
from hanhchinh_docs.conventions.dates import day_text, month_text

LONG = re.compile(r"^(?P<place>.*?)(?P<comma>,?)\s*ngày(?P<day>.*?)tháng(?P<month>.*?)năm(?P<year>.*)$")
SHORT = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}")
EXAMPLE = "«Hà Tĩnh, ngày 05 tháng 01 năm 2024»"


def _part_value(raw: str) -> str | None:
    """The digits written for a day or month; None for a blank left for the văn thư."""
    return None if BLANK.match(raw) else raw.strip()


@rule(id="HD11", name="header.date_form", title="Cách ghi địa danh, ngày tháng năm", component=Component.DATE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.4")
def check(ctx: Context) -> Iterator[Finding]:
    """Place (capitalised) + comma + "ngày DD tháng M năm YYYY": days below 10 and months 1-2 take a 0.

    **Wrong**: "Hà Tĩnh ngày 5 tháng 1 năm 2024", "ngày 15 tháng 03 năm 2024", "Hà Tĩnh, 05/01/2024".

    **Right**: "Hà Tĩnh, ngày 05 tháng 01 năm 2024", "ngày 29 tháng 6 năm 2019"; a draft may leave
    the day, month (and year) blank for the văn thư ("ngày      tháng 01 năm 2024").
    """
    part = require(ctx.layout.date, "địa danh và ngày tháng năm ban hành")
    text = display_text(part)
    match = LONG.match(text)
    if match is None:
        found = "viết tắt bằng số" if SHORT.search(text) else "không đúng dạng"
        yield finding_at(part, f"Ngày tháng năm ban hành «{text}» {found}; phải viết đầy đủ dạng {EXAMPLE}.",
                         text, EXAMPLE)
        return
    place = match["place"].strip()
    if not place:
        yield finding_at(part, f"Dòng ngày tháng «{text}» thiếu địa danh; phải ghi địa danh rồi dấu phẩy, ví dụ {EXAMPLE}.",
                         "không có địa danh", EXAMPLE)
    elif not place[0].isupper() and not BLANK.match(place):      # a blank left for the place: a form
        yield finding_at(part, f"Địa danh «{place}» phải viết hoa chữ cái đầu.", place, place[0].upper() + place[1:])
    if place and not match["comma"]:
        yield finding_at(part, f"Sau địa danh «{place}» phải có dấu phẩy (,), ví dụ {EXAMPLE}.", text, EXAMPLE)
    day, month, year = _part_value(match["day"]), _part_value(match["month"]), _part_value(match["year"])
    if year is not None and not re.fullmatch(r"\d{4}", year):
        yield finding_at(part, f"Năm ban hành «{year}» phải ghi đủ 4 chữ số.", year, "4 chữ số")
        return
    for value, upper, expected_text, words in ((day, 31, day_text, "Ngày"), (month, 12, month_text, "Tháng")):
        if value is None:
            continue
        if not value.isdigit() or not 1 <= int(value) <= upper:
            yield finding_at(part, f"{words} «{value}» không hợp lệ; phải là số từ 1 đến {upper}.", value, f"1-{upper}")
            return
        expected = expected_text(int(value))
        if value != expected:
            rule_words = ("ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước" if words == "Ngày" else
                          "chỉ tháng 1 và 2 ghi thêm số 0 phía trước (01, 02), các tháng khác không có số 0")
            yield finding_at(part, f"{words} «{value}» phải ghi là «{expected}» ({rule_words}).", value, expected)
    if None not in (day, month, year) and day.isdigit() and month.isdigit():
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            yield finding_at(part, f"Ngày {day} tháng {month} năm {year} không có thật; hãy kiểm tra lại.",
                             f"{day}/{month}/{year}", "ngày có thật")
