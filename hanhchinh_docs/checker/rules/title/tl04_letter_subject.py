"""TL04: a công văn's "V/v ..." line."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note
from hanhchinh_docs.checker.roles import LETTER
from hanhchinh_docs.conventions.spec import number_text


@rule(id="TL04", name="title.letter_subject", title="Trích yếu công văn (V/v)", component=Component.TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.5.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """A công văn's trích yếu: "V/v ...", normal case, 12-13 pt, upright, centred 6 pt under the number.

    **Wrong**: "V/V NÂNG BẬC LƯƠNG" in capitals, at 14 pt, or in bold.

    **Right**: "V/v nâng bậc lương năm 2019" at 12 pt, regular, centred under "Số:".
    """
    layout = ctx.layout
    if layout.document_type != LETTER or not layout.letter_subject:
        raise NotApplicable("Văn bản không phải công văn (trích yếu «V/v» chỉ có ở công văn)")
    parts = layout.letter_subject
    yield from element_findings(parts, ctx.spec.element("trich_yeu_cong_van"), "Trích yếu công văn", ctx.spec)
    first = parts[0]
    if not display_text(first).startswith("V/v "):
        yield finding_at(first, "Trích yếu công văn phải bắt đầu bằng «V/v » (V hoa, v thường), ví dụ "
                                "«V/v nâng bậc lương năm 2019».", display_text(first)[:4], "V/v")
    number = layout.number
    if number is not None and number.paragraph.container == first.paragraph.container:
        gap = (number.paragraph.format.after or 0) + (first.paragraph.format.before or 0)
        if first.paragraph.index == number.paragraph.index + 1 and gap < ctx.spec.min_space_between_pt - 0.01:
            yield finding_at(first, f"Trích yếu công văn chỉ cách dòng số, ký hiệu {number_text(gap)} pt; phải cách "
                                    f"{number_text(ctx.spec.min_space_between_pt)} pt. Hãy đặt khoảng cách trước "
                                    "đoạn (Spacing Before) là 6 pt.",
                             f"{number_text(gap)} pt", "6 pt")
