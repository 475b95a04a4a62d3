"""PR01: body text is justified on both sides."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.docview import ParagraphView
from hanhchinh_docs.checker.judge import alignment_finding
from hanhchinh_docs.checker.lines import line_widths
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.roles import Role

ROLES = frozenset({Role.TEXT, Role.CLAUSE, Role.POINT, Role.ARTICLE, Role.LEGAL_BASIS})
VISIBLE_ALWAYS = frozenset({"center", "right", "distribute"})


def wraps(paragraph: ParagraphView) -> bool:
    """Whether the paragraph runs over more than one line: only then does left vs justified show."""
    manual = sum(1 for line in paragraph.lines if line.strip())
    return len(line_widths(paragraph)) > manual


@rule(id="PR01", name="body.alignment", title="Căn đều hai lề", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """Body paragraphs are justified ("canh đều cả hai lề").

    A one-line paragraph set flush left looks exactly like a justified one, so it passes; a
    paragraph that wraps must be justified, and centred or right-aligned text always fails.

    **Wrong**: a wrapping paragraph aligned left (ragged right edge), or a centred body paragraph.

    **Right**: every wrapping body paragraph justified (Ctrl+J).
    """
    paragraphs = [b.paragraph for b in ctx.layout.body if b.role in ROLES]
    if not paragraphs:
        raise NotCheckable("Không tìm thấy đoạn văn nội dung")
    for paragraph in paragraphs:
        if paragraph.format.alignment == "both":
            continue
        if paragraph.format.alignment in VISIBLE_ALWAYS or wraps(paragraph):
            found = alignment_finding(paragraph, "justify", "Đoạn văn")
            if found:
                yield found
