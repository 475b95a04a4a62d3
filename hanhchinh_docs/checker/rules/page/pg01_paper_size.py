"""PG01: every section is on A4 paper."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import mm_text
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note


@rule(id="PG01", name="page.paper_size", title="Khổ giấy A4", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.1")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """Each section's paper is A4, 210 x 297 mm, either way round.

    **Wrong**: a section on Letter paper (215.9 x 279.4 mm), Word's US default.

    **Right**: 210 x 297 mm, or 297 x 210 mm for a landscape section.
    """
    width, height = ctx.spec.paper
    tolerance = ctx.spec.paper_tolerance
    sections = [s for s in ctx.view.sections if s.width is not None and s.height is not None]
    if not sections:
        raise NotCheckable("Văn bản không ghi khổ giấy (Word dùng khổ mặc định của máy in)")
    for section in ctx.view.sections:
        if section.width is None or section.height is None:
            yield Note(f"{section.name} không ghi khổ giấy; chưa kiểm tra.")
            continue
        short, long = sorted((section.width, section.height))
        if abs(short - width) > tolerance or abs(long - height) > tolerance:
            found = f"{mm_text(section.width)} x {mm_text(section.height)}"
            yield Finding(
                message=f"{section.name} dùng khổ giấy {found}; phải là khổ A4 (210 x 297 mm). "
                        "Hãy chọn Bố cục (Layout) > Kích thước (Size) > A4.",
                found=found, expected="A4 (210 x 297 mm)")
