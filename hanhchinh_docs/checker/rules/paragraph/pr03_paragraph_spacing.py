"""PR03: at least 6 pt between body paragraphs."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.docview import ParagraphView
from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Role
from hanhchinh_docs.conventions.spec import number_text

AUTO_SPACING_PT = 14.0
"""Word's "auto" paragraph spacing (HTML-like), used when before/after is set to auto."""


def gap(above: ParagraphView, below: ParagraphView) -> float:
    """Space Word leaves between two adjacent paragraphs: after + before, none when contextual spacing
    suppresses it between paragraphs of the same style."""
    same_style = above.format.style_id == below.format.style_id
    after = 0.0 if above.format.contextual and same_style else (
        AUTO_SPACING_PT if above.format.after is None else above.format.after)
    before = 0.0 if below.format.contextual and same_style else (
        AUTO_SPACING_PT if below.format.before is None else below.format.before)
    return after + before


TITLE_UNDER_LABEL = {(Role.PART_LABEL, Role.PART_TITLE), (Role.SUBPART_LABEL, Role.SUBPART_TITLE),
                     (Role.PART_TITLE, Role.PART_TITLE), (Role.SUBPART_TITLE, Role.SUBPART_TITLE)}
"""A part's or section's title printed right under its label ("Chương I" / "QUY ĐỊNH CHUNG"), or
broken with Enter over two lines: one heading."""


@rule(id="PR03", name="body.paragraph_spacing", title="Khoảng cách giữa các đoạn", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """Consecutive body paragraphs are at least 6 pt apart (space before or after, either side).

    **Wrong**: paragraphs with 0 pt before and after, or "Don't add space between paragraphs of the same style".

    **Right**: 6 pt before each paragraph (the sample forms), or 6 pt after.
    """
    items = ctx.layout.body
    if len(items) < 2:
        raise NotApplicable("Nội dung có ít hơn hai đoạn văn")
    minimum = ctx.spec.min_space_between_pt
    for upper, lower in zip(items, items[1:]):
        above, below = upper.paragraph, lower.paragraph
        if below.index != above.index + 1:
            continue            # an empty line or a table stands between them
        if (upper.role, lower.role) in TITLE_UNDER_LABEL:
            continue            # "Chương I" / "QUY ĐỊNH CHUNG": one heading on two lines
        space = gap(above, below)
        if space < minimum - 0.01:
            yield finding_at(below, f"Khoảng cách với đoạn trên chỉ {number_text(space)} pt; giữa các đoạn văn phải "
                                    f"cách tối thiểu {number_text(minimum)} pt. Hãy đặt Khoảng cách trước (Spacing "
                                    "Before) 6 pt và bỏ chọn «Không thêm khoảng cách giữa các đoạn cùng kiểu».",
                             f"{number_text(space)} pt", f"từ {number_text(minimum)} pt")
