"""PL01: the "Phụ lục I" line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note
from hanhchinh_docs.conventions.numbering import roman

NUMBER = re.compile(r"^\S+\s+\S+\s*(?:số\s+)?(?P<number>\S+)?")


@rule(id="PL01", name="appendix.label", title="Dòng «Phụ lục»", component=Component.APPENDIX,
      legal_ref="NĐ 30/2020, Phụ lục I, mục III.1.a-b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Phụ lục" and its number on their own line: normal case, 14 pt, bold, upright, centred;
    with two or more appendices, numbered I, II, III.

    **Wrong**: "PHỤ LỤC" in capitals, "Phụ lục 1" with Arabic digits, two appendices without numbers.

    **Right**: "Phụ lục" (a single appendix), or "Phụ lục I", "Phụ lục II" at 14 pt, bold, centred.
    """
    appendices = ctx.layout.appendices
    if not appendices:
        raise NotApplicable("Văn bản không có phụ lục")
    labels = [a.label for a in appendices]
    yield from element_findings(labels, ctx.spec.element("phu_luc_label"), "Dòng «Phụ lục»", ctx.spec)
    for position, label in enumerate(labels):
        number = NUMBER.match(display_text(label))["number"]
        if number is None:
            if len(labels) > 1:
                yield finding_at(label, f"Văn bản có {len(labels)} phụ lục nên mỗi phụ lục phải đánh số thứ tự bằng "
                                        f"chữ số La Mã («Phụ lục {roman(position + 1)}»).", "không có số",
                                 f"Phụ lục {roman(position + 1)}")
        elif number.upper() != roman(position + 1):
            yield finding_at(label, f"Phụ lục đánh số «{number}»; phải đánh số thứ tự bằng chữ số La Mã "
                                    f"(«Phụ lục {roman(position + 1)}»).", number, roman(position + 1))
