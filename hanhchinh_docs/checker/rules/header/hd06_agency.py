"""HD06: the issuing agency's name."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings, require
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD06", name="header.agency", title="Tên cơ quan ban hành", component=Component.AGENCY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.2.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """The issuing agency's name: capitals, 12-13 pt, bold, upright, centred (it may wrap).

    **Wrong**: "Sở Tài nguyên và Môi trường" in normal case, or not bold.

    **Right**: "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" at 12 or 13 pt, bold, centred.
    """
    parts = require(ctx.layout.agency, "tên cơ quan ban hành văn bản")
    yield from element_findings(parts, ctx.spec.element("ten_co_quan_ban_hanh"), "Tên cơ quan ban hành", ctx.spec)
