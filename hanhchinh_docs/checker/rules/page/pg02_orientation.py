"""PG02: pages are portrait; landscape only for pages carrying tables or charts."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable


@rule(id="PG02", name="page.orientation", title="Chiều trình bày trang", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.2")
def check(ctx: Context) -> Iterator[Finding]:
    """Text runs along the length of the A4 sheet; a section may turn landscape only for tables or charts
    (the borderless tables that lay out the header and signature do not count).

    **Wrong**: a landscape section holding only paragraphs of text.

    **Right**: portrait pages, and a landscape appendix section holding its task table.
    """
    sections = [s for s in ctx.view.sections if s.width is not None and s.height is not None]
    if not sections:
        raise NotCheckable("Văn bản không ghi khổ giấy nên không xác định được chiều trang")
    tables = data_tables(ctx)
    for section in sections:
        if section.landscape and not (tables.get(section.index) or section.has_drawing):
            yield Finding(
                message=f"{section.name} trình bày theo chiều ngang nhưng không có bảng, biểu; "
                        "văn bản phải trình bày theo chiều dài khổ A4 (trang dọc), chỉ trang có bảng, biểu "
                        "mới được xoay ngang. Hãy chọn Bố cục (Layout) > Hướng (Orientation) > Dọc (Portrait).",
                found="trang ngang, không có bảng", expected="trang dọc")


def data_tables(ctx: Context) -> dict[int, set[int]]:
    """Tables per section, leaving out the layout tables that hold the header or the signature."""
    layout = ctx.layout
    parts = [layout.national_title, layout.motto, layout.number, layout.date, layout.recipients_label,
             layout.signer_name, *layout.agency]
    held = {p.paragraph.container.key[0] for p in parts if p and p.paragraph.container.kind == "cell"}
    out: dict[int, set[int]] = {}
    for paragraph in ctx.view.paragraphs:
        if paragraph.container.kind == "cell" and paragraph.container.key[0] not in held:
            out.setdefault(paragraph.section, set()).add(paragraph.container.key[0])
    return out
