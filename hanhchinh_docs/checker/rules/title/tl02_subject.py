"""TL02: the trích yếu under the tên loại."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note


@rule(id="TL02", name="title.subject", title="Trích yếu nội dung", component=Component.TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.5.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The trích yếu: normal case, 13-14 pt, bold, upright, centred, right under the tên loại.

    **Wrong**: the trích yếu in capitals, or not bold.

    **Right**: "Tuyên truyền cải cách hành chính năm 2024" at 14 pt, bold, centred.
    """
    if not ctx.layout.subject:
        raise NotCheckable("Không tìm thấy trích yếu nội dung ngay dưới tên loại văn bản"
                           if ctx.layout.type_name else "Văn bản không có dòng tên loại nên không có trích yếu kèm theo")
    yield from element_findings(ctx.layout.subject, ctx.spec.element("trich_yeu"), "Trích yếu", ctx.spec)
