"""TL01: the tên loại line (KẾ HOẠCH, BÁO CÁO...)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, NotCheckable, Note
from hanhchinh_docs.checker.roles import LETTER


@rule(id="TL01", name="title.type_name", title="Tên loại văn bản", component=Component.TITLE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.5.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The type name: capitals, 13-14 pt, bold, upright, centred on the page width.

    **Wrong**: "Kế hoạch" in normal case, or "KẾ HOẠCH" left-aligned.

    **Right**: "KẾ HOẠCH" at 14 pt, bold, centred.
    """
    layout = ctx.layout
    if layout.type_name is None:
        if layout.document_type == LETTER:
            raise NotApplicable("Văn bản là công văn nên không có dòng tên loại")
        raise NotCheckable("Không tìm thấy dòng tên loại văn bản (KẾ HOẠCH, BÁO CÁO, QUYẾT ĐỊNH...) ngay dưới "
                           "phần đầu văn bản")
    yield from element_findings([layout.type_name], ctx.spec.element("ten_loai"), "Tên loại văn bản", ctx.spec)
