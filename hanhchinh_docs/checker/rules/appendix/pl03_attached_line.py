"""PL03: the "(Kèm theo ... số ... ngày ... của ...)" line of each appendix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note

FORM = re.compile(r"^\(Kèm theo .*\bsố\b.*\bngày\b.*\)$")
EXAMPLE = "«(Kèm theo Kế hoạch số 05/KH-STNMT ngày 08 tháng 01 năm 2024 của Sở Tài nguyên và Môi trường)»"


@rule(id="PL03", name="appendix.attached_line", title="Dòng «(Kèm theo ...)» của phụ lục",
      component=Component.APPENDIX, legal_ref="NĐ 30/2020, Phụ lục I, mục III.1.c")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """Under each appendix title: "(Kèm theo <văn bản> số ... ngày ... của ...)", 13-14 pt, italic, centred.

    **Wrong**: no such line; the line upright; "Kèm theo Kế hoạch" without the number and date.

    **Right**: "(Kèm theo Kế hoạch số 05/KH-STNMT ngày 08 tháng 01 năm 2024 của Sở ...)" in italics, centred.
    """
    appendices = ctx.layout.appendices
    if not appendices:
        raise NotApplicable("Văn bản không có phụ lục")
    for appendix in appendices:
        line = appendix.attached
        if line is None:
            yield finding_at(appendix.label, f"Phụ lục thiếu dòng chỉ dẫn kèm theo văn bản dưới tên phụ lục, ví dụ "
                                             f"{EXAMPLE}.", "không có", EXAMPLE)
            continue
        parts = [line, *appendix.attached_rest]       # one line even when broken with Enter
        yield from element_findings(parts, ctx.spec.element("phu_luc_kem_theo"), "Dòng «Kèm theo»", ctx.spec)
        text = " ".join(display_text(part) for part in parts)
        if not FORM.match(text):
            yield finding_at(line, f"Dòng chỉ dẫn phải ghi số, ký hiệu, ngày ban hành và cơ quan ban hành văn bản, "
                                   f"trong ngoặc đơn, ví dụ {EXAMPLE}.", text, EXAMPLE)
