"""SG02: the signer's full name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from hanhchinh_docs.checker.judge import element_findings, finding_at, signature_centre
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note
from hanhchinh_docs.conventions.elements import fold

TITLES = re.compile(r"^(gs|pgs|ts|tskh|ths|ks|bs|ds|cn|nsnd|nsưt|ngưt|ngnd)\s*\.", re.IGNORECASE)
"""Academic and honorary titles that must not precede the name (GS., PGS.TS., ThS., KS. ...)."""


@rule(id="SG02", name="signature.name", title="Họ tên người ký", component=Component.SIGNATURE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.7.c và II.7.đ")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The name: normal case, 13-14 pt, bold, upright, centred under the position; no titles before it.

    **Wrong**: "NGUYỄN VĂN A" in capitals, "TS. Nguyễn Văn A", or a name not in bold.

    **Right**: "Nguyễn Văn A" at 14 pt, bold, centred.
    """
    name = ctx.layout.signer_name
    if name is None:
        raise NotCheckable("Không tìm thấy họ tên người ký")
    element = ctx.spec.element("ho_ten_nguoi_ky")
    above = ctx.layout.authority[-1].paragraph.container if ctx.layout.authority else name.paragraph.container
    if above != name.paragraph.container:      # typed under the signature table: no common frame to compare
        element = replace(element, align=None)
        yield Note("Họ tên người ký nằm ngoài bảng chữ ký nên chưa kiểm tra được có căn giữa dưới chức vụ hay không.")
    yield from element_findings([name], element, "Họ tên người ký", ctx.spec, signature_centre(ctx.layout))
    title = TITLES.match(fold(name.text))
    if title:
        yield finding_at(name, f"Trước họ tên người ký có học hàm, học vị «{name.text[:title.end()]}»; không ghi học "
                               "hàm, học vị và danh hiệu trước họ tên người ký.", name.text[:title.end()], "chỉ họ tên")
