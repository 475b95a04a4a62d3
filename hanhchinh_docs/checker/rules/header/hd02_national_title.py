"""HD02: the Quốc hiệu's typesetting."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings, overflow_finding, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD02", name="header.national_title", title="Quốc hiệu", component=Component.NATIONAL_TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.1.a")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": capitals, 12-13 pt, bold, upright, centred, on one line.

    **Wrong**: "Cộng hòa xã hội chủ nghĩa Việt Nam" in normal case, or 14 pt, or a column too narrow
    for it (it breaks onto a second line on paper).

    **Right**: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (or "HOÀ") at 12 or 13 pt, bold, centred.
    """
    part = require(ctx.layout.national_title, "Quốc hiệu")
    yield from element_findings([part], ctx.spec.element("quoc_hieu"), "Quốc hiệu", ctx.spec)
    overflow = overflow_finding(part, "Quốc hiệu")
    if overflow:
        yield overflow
