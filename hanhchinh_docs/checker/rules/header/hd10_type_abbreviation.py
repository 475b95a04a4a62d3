"""HD10: the symbol starts with the abbreviation of the document's type (Phụ lục III)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, finding_at, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, NotCheckable
from hanhchinh_docs.checker.roles import LETTER
from hanhchinh_docs.checker.rules.header.number_line import parse_number_line
from hanhchinh_docs.conventions.abbreviations import COPY_TYPES, DOCUMENT_TYPES

NOT_A_TYPE = "CV"
"""Often written for công văn, which has no type abbreviation."""


@rule(id="HD10", name="header.type_abbreviation", title="Chữ viết tắt tên loại trong ký hiệu",
      component=Component.NUMBER, legal_ref="NĐ 30/2020, Phụ lục I, mục II.3.b; Phụ lục III, mục I")
def check(ctx: Context) -> Iterator[Finding]:
    """The symbol's first group is the tên loại's abbreviation (KH, BC, QĐ, QyĐ, CTr, TTr...); công văn has none.

    **Wrong**: a KẾ HOẠCH numbered "05/BC-STNMT", a QUY ĐỊNH with "QĐ", a công văn "12/CV-UBND".

    **Right**: "05/KH-STNMT" for a kế hoạch, "03/QyĐ-UBND" for a quy định, "12/UBND-VX" for a công văn.
    """
    layout = ctx.layout
    part = require(layout.number, "số, ký hiệu văn bản («Số: ...»)")
    if layout.document_type is None:
        raise NotCheckable("Không xác định được tên loại văn bản (không thấy dòng tên loại như KẾ HOẠCH, "
                           "BÁO CÁO, hay dòng «V/v» của công văn)")
    line = parse_number_line(display_text(part))
    if line is None or not line.groups or not line.groups[0]:
        raise NotCheckable("Không đọc được ký hiệu văn bản (xem quy tắc HD09)")
    first = line.groups[0]
    if layout.document_type == LETTER:
        if first in DOCUMENT_TYPES.values() or first.upper() == NOT_A_TYPE or first in COPY_TYPES.values():
            yield finding_at(part, f"Công văn không có chữ viết tắt tên loại, nhưng ký hiệu bắt đầu bằng «{first}»; "
                                   "ký hiệu công văn gồm chữ viết tắt tên cơ quan và đơn vị soạn thảo "
                                   "(ví dụ «Số: 12/UBND-VX»).", first, "tên cơ quan - đơn vị soạn thảo")
        return
    expected = DOCUMENT_TYPES.get(layout.document_type)
    if expected is None:
        raise NotApplicable(f"Chữ viết tắt tên loại của {layout.document_type.lower()} (văn bản quy phạm pháp "
                            "luật) không thuộc bảng Phụ lục III")
    if first != expected and not (first.islower() and first.upper() == expected.upper()):  # case: HD09
        yield finding_at(part, f"Văn bản là {layout.document_type.lower()} nên ký hiệu phải bắt đầu bằng «{expected}» "
                               f"(Phụ lục III), đang là «{first}». Ví dụ: «Số: 05/{expected}-STNMT».",
                         first, expected)
