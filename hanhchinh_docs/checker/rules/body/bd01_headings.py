"""BD01: headings (I., Phần/Chương/Mục, Điều) are bold, titles in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import alignment_finding, case_findings, finding_at, style_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Part, Role

HEADINGS = {
    Role.ITEM: ("Đề mục «I.»", "upper", None),
    Role.PART_LABEL: ("Dòng «Phần/Chương»", "normal", "center"),
    Role.PART_TITLE: ("Tiêu đề phần, chương", "upper", "center"),
    Role.SUBPART_LABEL: ("Dòng «Mục/Tiểu mục»", "normal", "center"),
    Role.SUBPART_TITLE: ("Tiêu đề mục, tiểu mục", "upper", "center"),
}
"""Role -> (name in messages, case, alignment); all are bold and upright."""

ARTICLE_COLON = re.compile(r"^(Điều\s+\d+[a-zđ]?)\s*:")
"""An article numbered "Điều 2:"; ND30 (Phụ lục I, II.6.b) puts a full stop after the number."""


@rule(id="BD01", name="body.headings", title="Đề mục trong nội dung", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.đ và mục V")
def check(ctx: Context) -> Iterator[Finding]:
    """Headings are bold and upright: "I. TITLE" in capitals; Phần/Chương/Mục lines centred, their
    titles in capitals; "Điều 1." bold.

    **Wrong**: "I. Mục đích, yêu cầu" in normal case or not bold; "CHƯƠNG I" in capitals.

    **Right**: "I. MỤC ĐÍCH, YÊU CẦU" bold; "Chương I" bold centred, then "QUY ĐỊNH CHUNG" bold centred.
    """
    items = [b for b in ctx.layout.body if b.role in HEADINGS or b.role is Role.ARTICLE]
    if not items:
        raise NotApplicable("Nội dung không có đề mục (I., Phần, Chương, Mục, Điều)")
    for item in items:
        part = Part(item.paragraph)
        if item.role is Role.ARTICLE:
            first = part.pieces()[:1]
            if first and not first[0].format.bold:
                yield finding_at(part, "Dòng «Điều ...» chưa in đậm; từ «Điều», số thứ tự và tiêu đề điều phải in "
                                       "đậm. Hãy bấm Ctrl+B.", "không đậm", "in đậm")
            label = ARTICLE_COLON.match(item.paragraph.text.strip())
            if label:
                yield finding_at(part, f"Sau số thứ tự của điều phải là dấu chấm: «{label.group(1)}.» chứ không phải "
                                       f"«{label.group(0)}». Hãy thay dấu hai chấm bằng dấu chấm.",
                                 label.group(0), f"{label.group(1)}.")
            continue
        what, case, align = HEADINGS[item.role]
        yield from style_findings([part], "bold", True, what)
        yield from style_findings([part], "italic", False, what)
        yield from case_findings([part], case, what)
        if align:
            found = alignment_finding(item.paragraph, align, what)
            if found:
                yield found
