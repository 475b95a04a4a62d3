"""PR06: body text is upright (not italic)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.roles import Role

PLAIN_ROLES = frozenset({Role.TEXT, Role.CLAUSE, Role.POINT})
"""Paragraphs of running text, not headings or căn cứ."""


@rule(id="PR06", name="body.upright", title="Kiểu chữ đứng", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """Running text is upright; an italic word inside a paragraph is fine, a whole italic paragraph is not.

    (Căn cứ lines, which are italic by rule, are judged by BD03.)

    **Wrong**: a whole body paragraph in italics.

    **Right**: upright text, with a cited title in italics if wanted.
    """
    paragraphs = [b.paragraph for b in ctx.layout.body if b.role in PLAIN_ROLES]
    if not paragraphs:
        raise NotCheckable("Không tìm thấy đoạn văn nội dung")
    for paragraph in paragraphs:
        pieces = paragraph.visible_pieces()
        if pieces and all(p.format.italic for p in pieces):
            yield finding_at(paragraph, "Cả đoạn văn đang in nghiêng; nội dung văn bản phải là chữ đứng. "
                                        "Hãy bỏ in nghiêng (Ctrl+I).", "in nghiêng", "chữ đứng")
