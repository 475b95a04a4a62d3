"""PG06: no table runs into the margins."""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length, Mm

from hanhchinh_docs.checker.judge import mm_text
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable

OVERHANG = Length(Mm(5))
"""Word hangs a table's cell margins out of the text area by default (about 2 mm each side)."""


@rule(id="PG06", name="page.table_width", title="Bảng nằm trong lề trang", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.3")
def check(ctx: Context) -> Iterator[Finding]:
    """Every table printed with lines fits between the page margins (the margins are part of the
    format); a borderless layout table (the header's two columns) prints nothing in the margin.

    **Wrong**: a 280 mm wide task table on a landscape page whose text area is 257 mm.

    **Right**: the table at most as wide as the page less its left and right margins.
    """
    tables = [t for t in ctx.view.tables if t.in_body and t.width and t.bordered]
    if not tables:
        raise NotApplicable("Văn bản không có bảng kẻ khung")
    for table in tables:
        section = ctx.view.sections[min(table.section, len(ctx.view.sections) - 1)]
        room = section.text_width
        if room is None or table.width <= room + OVERHANG:
            continue
        found = f"bảng rộng {mm_text(table.width)}, vùng chữ chỉ {mm_text(room)}"
        yield Finding(message=f"Bảng thứ {table.number} rộng hơn vùng chữ của trang ({found}) nên tràn ra lề khi "
                              "in. Hãy thu hẹp các cột (Bố cục bảng > Tự động khớp > Khớp với cửa sổ) hoặc giảm lề "
                              "trong các ô.", found=found, expected=f"không quá {mm_text(room)}")
