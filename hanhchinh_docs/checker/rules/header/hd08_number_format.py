"""HD08: the number line's typesetting."""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length

from hanhchinh_docs.checker.docview import ParagraphView
from hanhchinh_docs.checker.judge import element_findings, require
from hanhchinh_docs.checker.lines import visual_centre_offset
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note
from hanhchinh_docs.checker.roles import Part


@rule(id="HD08", name="header.number_format", title="Cỡ chữ, kiểu chữ của số, ký hiệu", component=Component.NUMBER,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.3.c")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Số: ..." is 13 pt, upright, not bold, centred under the agency name.

    **Wrong**: "Số: 05/KH-STNMT" at 14 pt, or in bold.

    **Right**: "Số: 05/KH-STNMT" at 13 pt, regular, centred in the left column.
    """
    part = require(ctx.layout.number, "số, ký hiệu văn bản («Số: ...»)")
    yield from element_findings([part], ctx.spec.element("so_ky_hieu"), "Số, ký hiệu", ctx.spec,
                                _agency_centre(ctx.layout.agency, part.paragraph))


def _agency_centre(agency: list[Part], number: ParagraphView) -> Length | None:
    """Where the agency name prints (its centre, from the column's centre) when it stands in the same
    column as the number: the number is centred under the name, even when neither is centred in its cell."""
    if not agency:
        return None
    name = agency[-1].paragraph
    same_column = name.container == number.container or (
        name.container.kind == number.container.kind == "cell" and name.container.width == number.container.width
        and name.container.key[0] == number.container.key[0] and name.container.key[2] == number.container.key[2])
    if not same_column or name.format.alignment == "center":
        return None
    return visual_centre_offset(name, agency[-1].lines)
