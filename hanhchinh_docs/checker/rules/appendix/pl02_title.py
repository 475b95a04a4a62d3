"""PL02: the appendix's title."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note


@rule(id="PL02", name="appendix.title", title="Tên phụ lục", component=Component.APPENDIX,
      legal_ref="NĐ 30/2020, Phụ lục I, mục III.1.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The appendix title (if any): capitals, 13-14 pt, bold, upright, centred.

    **Wrong**: "Danh mục nhiệm vụ" in normal case, or not bold.

    **Right**: "DANH MỤC NHIỆM VỤ NĂM 2024" at 14 pt, bold, centred.
    """
    titled = [a for a in ctx.layout.appendices if a.title]
    if not titled:
        raise NotApplicable("Văn bản không có phụ lục có tên" if ctx.layout.appendices else "Văn bản không có phụ lục")
    for appendix in titled:
        yield from element_findings(appendix.title, ctx.spec.element("phu_luc_title"), "Tên phụ lục", ctx.spec)
