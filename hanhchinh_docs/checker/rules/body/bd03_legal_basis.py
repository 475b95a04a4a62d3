"""BD03: căn cứ lines are italic; each ends with ";" and the last with "."."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at, style_findings
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Part, Role


@rule(id="BD03", name="body.legal_basis", title="Căn cứ ban hành", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.a")
def check(ctx: Context) -> Iterator[Finding]:
    """Each căn cứ is on its own line, italic, ending with ";" — the last one with ".".

    **Wrong**: upright căn cứ lines, or "Căn cứ Luật ...," ending with a comma.

    **Right**: "Căn cứ Luật Tổ chức chính quyền địa phương;" ... "Theo đề nghị của ...." in italics.
    """
    lines = [Part(b.paragraph) for b in ctx.layout.body if b.role is Role.LEGAL_BASIS]
    if not lines:
        raise NotApplicable("Văn bản không có phần căn cứ ban hành")
    for part in lines:
        yield from style_findings([part], "italic", True, "Dòng căn cứ")
    for number, part in enumerate(lines):
        last = number == len(lines) - 1
        mark = "." if last else ";"
        if not part.text.endswith(mark):
            where = "Dòng căn cứ cuối cùng" if last else "Dòng căn cứ"
            yield finding_at(part, f"{where} phải kết thúc bằng dấu «{mark}».", part.text[-1:], mark)
