"""PR05: body text is 13-14 pt."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import size_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.roles import Part, Role


@rule(id="PR05", name="body.font_size", title="Cỡ chữ nội dung", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """Every body paragraph, headings included, is 13-14 pt (tables and their captions are not body text).

    **Wrong**: body text at 12 pt, or one paragraph pasted in at 11 pt.

    **Right**: 14 pt throughout (the samples), or 13 pt throughout.
    """
    body = ctx.layout.body
    if not body:
        raise NotCheckable("Không tìm thấy đoạn văn nội dung")
    allowed = ctx.spec.element("noi_dung").size
    for item in body:
        if item.role is Role.CAPTION and _over_table(ctx, item.paragraph.index):
            continue        # a table's caption goes with the table's own (smaller) text
        yield from size_findings([Part(item.paragraph)], allowed, "Đoạn văn", ctx.spec.tolerances.size_pt)


def _over_table(ctx: Context, index: int) -> bool:
    """The paragraph right after ``index`` (1-based) is in a table cell."""
    following = ctx.view.paragraphs[index] if index < len(ctx.view.paragraphs) else None
    return following is not None and following.container.kind == "cell"
