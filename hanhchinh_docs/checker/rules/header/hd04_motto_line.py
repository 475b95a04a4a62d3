"""HD04: the line under the Tiêu ngữ is as long as the text."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import require, short_line_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD04", name="header.motto_line", title="Đường kẻ dưới Tiêu ngữ", component=Component.NATIONAL_TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.1.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """A solid line directly under the Tiêu ngữ, as long as its text line, centred under it.

    **Wrong**: no line, or a line across the whole column (much longer than the text).

    **Right**: a bottom border, underline, underscores or drawn line of the text's length.
    """
    part = require(ctx.layout.motto, "Tiêu ngữ")
    yield from short_line_findings(ctx, [part], "tieu_ngu", "Tiêu ngữ", "dài bằng dòng chữ Tiêu ngữ")
