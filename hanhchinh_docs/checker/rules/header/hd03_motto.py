"""HD03: the Tiêu ngữ's wording and typesetting."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note

MOTTO = re.compile(r"^Độc lập [-–] Tự do [-–] Hạnh phúc$")
"""Each phrase capitalised, phrases joined by a dash with a space each side (Word's en dash too)."""


@rule(id="HD03", name="header.motto", title="Tiêu ngữ", component=Component.NATIONAL_TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.1.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Độc lập - Tự do - Hạnh phúc": normal case, 13-14 pt, bold, upright, centred under the Quốc hiệu.

    **Wrong**: "Độc lập-Tự do-Hạnh phúc" (no spaces), "ĐỘC LẬP - TỰ DO - HẠNH PHÚC", or 12 pt.

    **Right**: "Độc lập - Tự do - Hạnh phúc" at 13 or 14 pt, bold, centred.
    """
    part = require(ctx.layout.motto, "Tiêu ngữ")
    element = ctx.spec.element("tieu_ngu")
    yield from element_findings([part], element, "Tiêu ngữ", ctx.spec)
    text = display_text(part)
    if not MOTTO.match(text):
        yield finding_at(part, f"Tiêu ngữ viết là «{text}»; phải viết «Độc lập - Tự do - Hạnh phúc»: chữ cái đầu "
                               "mỗi cụm từ viết hoa, giữa các cụm từ có gạch nối (-) và có cách chữ hai bên.",
                         text, "Độc lập - Tự do - Hạnh phúc")
