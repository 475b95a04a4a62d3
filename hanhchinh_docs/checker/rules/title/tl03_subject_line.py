"""TL03: the line under the trích yếu is 1/3 to 1/2 of its line."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import short_line_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note


@rule(id="TL03", name="title.subject_line", title="Đường kẻ dưới trích yếu", component=Component.TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.5.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """A solid line under the trích yếu, 1/3 to 1/2 as long as its (longest) text line, centred.

    **Wrong**: no line, or a line across the whole page width.

    **Right**: a centred line 40% as long as the trích yếu's line.
    """
    if not ctx.layout.subject:
        raise NotCheckable("Không có trích yếu (văn bản có tên loại) nên không có đường kẻ dưới trích yếu")
    yield from short_line_findings(ctx, ctx.layout.subject, "trich_yeu", "trích yếu",
                                   "dài từ 1/3 đến 1/2 dòng chữ trích yếu")
