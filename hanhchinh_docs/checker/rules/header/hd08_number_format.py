"""HD08: the number line's typesetting."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD08", name="header.number_format", title="Cỡ chữ, kiểu chữ của số, ký hiệu", component=Component.NUMBER,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.3.c")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Số: ..." is 13 pt, upright, not bold, centred under the agency name.

    **Wrong**: "Số: 05/KH-STNMT" at 14 pt, or in bold.

    **Right**: "Số: 05/KH-STNMT" at 13 pt, regular, centred in the left column.
    """
    part = require(ctx.layout.number, "số, ký hiệu văn bản («Số: ...»)")
    yield from element_findings([part], ctx.spec.element("so_ky_hieu"), "Số, ký hiệu", ctx.spec)
