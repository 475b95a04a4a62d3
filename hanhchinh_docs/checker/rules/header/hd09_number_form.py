"""HD09: the number line is written "Số: 05/KH-STNMT"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, finding_at, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding
from hanhchinh_docs.checker.rules.header.number_line import parse_number_line

GROUP = re.compile(r"^[A-ZĐ0-9][A-Za-zĐđ0-9]*$")
"""An abbreviation group: capitals and digits (QyĐ, CTr, TTr, TTg keep their small letters)."""

EXAMPLE = "«Số: 05/KH-STNMT»"


@rule(id="HD09", name="header.number_form", title="Cách ghi số, ký hiệu", component=Component.NUMBER,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.3")
def check(ctx: Context) -> Iterator[Finding]:
    """"Số:" + number (two digits below 10) + "/" + symbol in capitals, groups joined by "-" with no spaces.

    **Wrong**: "Số 5/KH-STNMT", "Số: 05 / KH - STNMT", "Số: 05/kh-stnmt".

    **Right**: "Số: 05/KH-STNMT", or "Số:      /KH-STNMT" in a draft waiting for its number.
    """
    part = require(ctx.layout.number, "số, ký hiệu văn bản («Số: ...»)")
    text = display_text(part)
    line = parse_number_line(text)
    if line is None:
        yield finding_at(part, f"Dòng số, ký hiệu «{text}» thiếu dấu gạch chéo (/) giữa số và ký hiệu; "
                               f"phải viết dạng {EXAMPLE}.", text, EXAMPLE)
        return
    if line.word != "Số":
        yield finding_at(part, f"Từ «{line.word}» phải viết là «Số» (chữ in thường, chỉ viết hoa chữ S).",
                         line.word, "Số")
    if not line.colon:
        yield finding_at(part, f"Sau từ «Số» phải có dấu hai chấm (:), ví dụ {EXAMPLE}.", text, EXAMPLE)
    if line.number:
        if not line.number.isdigit():
            yield finding_at(part, f"Số văn bản «{line.number}» phải ghi bằng chữ số Ả Rập.", line.number, "chữ số Ả Rập")
        elif int(line.number) < 10 and len(line.number) != 2:
            yield finding_at(part, f"Số văn bản «{line.number}» nhỏ hơn 10 phải ghi thêm số 0 phía trước "
                                   f"(«{int(line.number):02d}»).", line.number, f"{int(line.number):02d}")
        elif int(line.number) >= 10 and line.number.startswith("0"):
            yield finding_at(part, f"Số văn bản «{line.number}» từ 10 trở lên không ghi số 0 phía trước.",
                             line.number, str(int(line.number)))
    if line.spaced or " " in line.symbol:
        yield finding_at(part, f"Số, ký hiệu «{text}» có dấu cách; giữa số và ký hiệu là dấu gạch chéo (/), giữa "
                               "các nhóm chữ viết tắt là dấu gạch nối (-), không cách chữ.", text, EXAMPLE)
    groups = [g for g in line.groups if g]
    bad = [g for g in groups if not GROUP.match(g.replace(" ", ""))]
    if bad:
        yield finding_at(part, f"Ký hiệu «{line.symbol}» phải viết bằng chữ in hoa (nhóm «{bad[0]}» chưa đúng).",
                         line.symbol, "chữ in hoa")
    if len(groups) < 2:
        yield finding_at(part, f"Ký hiệu «{line.symbol}» phải gồm chữ viết tắt tên loại (hoặc tên cơ quan, với công "
                               f"văn) và chữ viết tắt tên cơ quan (hoặc đơn vị soạn thảo), nối bằng gạch nối, "
                               f"ví dụ {EXAMPLE}.", line.symbol, "KH-STNMT")
