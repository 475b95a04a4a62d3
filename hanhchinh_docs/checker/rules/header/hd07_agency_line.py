"""HD07: the line under the agency name is 1/3 to 1/2 of the name's line."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import require, short_line_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, Note


@rule(id="HD07", name="header.agency_line", title="Đường kẻ dưới tên cơ quan", component=Component.AGENCY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.2.b")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """A solid line under the agency name, 1/3 to 1/2 as long as the name's (longest) line, centred.

    **Wrong**: the whole name underlined, or a line as wide as the column.

    **Right**: a centred line 40% as long as "SỞ TÀI NGUYÊN".
    """
    parts = require(ctx.layout.agency, "tên cơ quan ban hành văn bản")
    yield from short_line_findings(ctx, parts, "ten_co_quan_ban_hanh", "tên cơ quan ban hành",
                                   "dài từ 1/3 đến 1/2 dòng chữ tên cơ quan")
