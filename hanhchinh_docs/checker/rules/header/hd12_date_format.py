"""HD12: the place and date line's typesetting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from hanhchinh_docs.checker.judge import element_findings, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD12", name="header.date_format", title="Cỡ chữ, kiểu chữ của địa danh, ngày tháng",
      component=Component.DATE, legal_ref="NĐ 30/2020, Phụ lục I, mục II.4.c")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The place and date: 13-14 pt, italic, not bold, centred under the Quốc hiệu and Tiêu ngữ.

    **Wrong**: the date upright, or right-aligned in its column.

    **Right**: "Hà Tĩnh, ngày 05 tháng 01 năm 2024" at 14 pt, italic, centred.
    """
    part = require(ctx.layout.date, "địa danh và ngày tháng năm ban hành")
    element = ctx.spec.element("dia_danh_thoi_gian")
    motto = ctx.layout.motto
    if motto is not None and motto.column is not None and part.column is None:
        element = replace(element, align=None)     # no measured place to centre it under
        yield Note("Tiêu ngữ được dàn bằng phím Tab hoặc dấu cách nên chưa kiểm tra được địa danh, ngày tháng "
                   "có căn giữa dưới Tiêu ngữ hay không.")
    yield from element_findings([part], element, "Địa danh, ngày tháng năm", ctx.spec)
