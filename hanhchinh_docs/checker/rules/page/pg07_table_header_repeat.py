"""PG07: a table that runs over several pages repeats its header row on each of them."""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length, Mm

from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable

MIN_ROW_HEIGHT = Length(Mm(4.5))
"""The least a row of one 12 pt line takes on paper: more rows than fit at this height surely
run onto another page, so a shorter table is never flagged."""


@rule(id="PG07", name="page.table_header_repeat", title="Dòng tiêu đề bảng lặp lại ở mỗi trang",
      component=Component.PAGE, legal_ref="NĐ 30/2020, Phụ lục I, mục III.1 (phụ lục) và mục I.2 (bảng)")
def check(ctx: Context) -> Iterator[Finding]:
    """A table too long for one page marks its first row "Lặp lại hàng tiêu đề", so the reader of
    page 2 onwards still sees what each column holds.

    **Wrong**: a 60-row task table whose column headings print only on its first page.

    **Right**: the heading row marked to repeat (Word: Bố cục bảng > Lặp lại hàng tiêu đề).
    """
    long_tables = []
    for table in ctx.view.tables:
        if not (table.in_body and table.bordered):
            continue
        section = ctx.view.sections[min(table.section, len(ctx.view.sections) - 1)]
        top, bottom = section.margins.get("top"), section.margins.get("bottom")
        if section.height is None or top is None or bottom is None:
            continue
        if table.rows * MIN_ROW_HEIGHT > section.height - abs(top) - abs(bottom):
            long_tables.append(table)
    if not long_tables:
        raise NotApplicable("Văn bản không có bảng kẻ khung dài quá một trang")
    for table in long_tables:
        if not table.header_repeats:
            yield Finding(message=f"Bảng thứ {table.number} có {table.rows} hàng, sang nhiều trang, nhưng hàng tiêu "
                                  "đề không lặp lại ở đầu mỗi trang. Hãy đặt con trỏ vào hàng tiêu đề, chọn Bố cục "
                                  "bảng (Layout) > Lặp lại hàng tiêu đề (Repeat Header Rows).",
                          found="hàng tiêu đề không lặp lại", expected="hàng tiêu đề lặp lại ở mỗi trang")
