"""SG01: authority and position lines (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at, signature_centre
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note
from hanhchinh_docs.conventions.abbreviations import SIGNING_PREFIXES

PREFIX_WITHOUT_DOT = re.compile(r"^(" + "|".join(p.rstrip(".") for p in SIGNING_PREFIXES) + r")(?=\s|/)", re.IGNORECASE)


@rule(id="SG01", name="signature.authority", title="Quyền hạn, chức vụ người ký", component=Component.SIGNATURE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.7.b và II.7.đ")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """Authority and position lines: capitals, 13-14 pt, bold, upright, centred; "TM.", "KT.", "Q.",
    "TL.", "TUQ." written with their dot.

    **Wrong**: "KT GIÁM ĐỐC" (no dot), "Giám đốc" in normal case, or not bold.

    **Right**: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" at 13 or 14 pt, bold, centred.
    """
    layout = ctx.layout
    if not layout.authority:
        if layout.signer_name is None:
            raise NotCheckable("Không tìm thấy phần chữ ký (chức vụ và họ tên người ký)")
        yield finding_at(layout.signer_name, "Không thấy dòng quyền hạn, chức vụ của người ký (chữ in hoa) phía trên "
                                             "họ tên người ký; hãy bổ sung, ví dụ «GIÁM ĐỐC».",
                         "không có chức vụ", "chức vụ người ký")
        return
    yield from element_findings(layout.authority, ctx.spec.element("quyen_han_chuc_vu"), "Chức vụ người ký", ctx.spec,
                                signature_centre(layout))
    first = layout.authority[0]
    text = display_text(first)
    match = PREFIX_WITHOUT_DOT.match(text)
    if match and not text[match.end():].startswith("."):
        prefix = match.group(1).upper()
        yield finding_at(first, f"Chữ viết tắt quyền hạn «{match.group(1)}» phải có dấu chấm: «{prefix}.»",
                         match.group(1), f"{prefix}.")
