"""HD05: the parent agency's name (tên cơ quan chủ quản), when there is one."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note


@rule(id="HD05", name="header.parent_agency", title="Tên cơ quan chủ quản", component=Component.AGENCY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.2.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The parent body's name: capitals, 12-13 pt, upright, not bold, centred above the agency name.

    **Wrong**: "UBND TỈNH HÀ TĨNH" in bold (only the issuing agency is bold).

    **Right**: "UBND TỈNH HÀ TĨNH" at 13 pt, regular, centred.
    """
    if not ctx.layout.parent_agency:
        raise NotApplicable("Văn bản không ghi tên cơ quan chủ quản (chỉ ghi khi có cơ quan chủ quản trực tiếp)")
    yield from element_findings(ctx.layout.parent_agency, ctx.spec.element("ten_co_quan_chu_quan"),
                                "Tên cơ quan chủ quản", ctx.spec)
