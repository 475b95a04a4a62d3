"""PR04: line spacing from single to 1.5 lines."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.docview import ParagraphView
from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.lines import DEFAULT_SIZE_PT
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.conventions.spec import number_text


def spacing_in_lines(paragraph: ParagraphView, single_line_em: float) -> float:
    """Line spacing as a multiple of a single line; exact/at-least spacing in points is converted."""
    fmt = paragraph.format
    if fmt.line is None:
        return 1.0
    if fmt.line_rule == "auto":
        return fmt.line
    size = max((p.format.size or DEFAULT_SIZE_PT for p in paragraph.visible_pieces()), default=DEFAULT_SIZE_PT)
    return fmt.line / (size * single_line_em)


@rule(id="PR04", name="body.line_spacing", title="Khoảng cách giữa các dòng", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """Line spacing is at least single and at most 1.5 lines ("exactly"/"at least" values converted).

    **Wrong**: double spacing, or "exactly 12 pt" under 14 pt text (less than a single line).

    **Right**: single, 1.15, 1.3 or 1.5 lines; or "exactly 17 pt" for 14 pt text.
    """
    body = [b.paragraph for b in ctx.layout.body]
    if not body:
        raise NotCheckable("Không tìm thấy đoạn văn nội dung")
    allowed = ctx.spec.line_spacing
    tolerance = ctx.spec.tolerances.line_spacing_lines
    for paragraph in body:
        lines = spacing_in_lines(paragraph, ctx.spec.single_line_em)
        too_tight = paragraph.format.line_rule == "exact" and lines < allowed.low - tolerance
        if too_tight or lines > allowed.high + tolerance:
            found = f"{number_text(round(lines, 2))} dòng"
            if paragraph.format.line_rule != "auto":
                found += f" ({paragraph.format.line_rule} {number_text(paragraph.format.line)} pt)"
            yield finding_at(paragraph, f"Khoảng cách dòng đang là {found}; phải từ dòng đơn (single) đến 1,5 dòng. "
                                        "Hãy chọn Giãn dòng (Line spacing) trong hộp thoại Đoạn văn.",
                             found, f"từ {allowed.text()}")
