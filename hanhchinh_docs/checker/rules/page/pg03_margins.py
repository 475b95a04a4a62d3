"""PG03: portrait margins within ND30's ranges (landscape margins are not regulated)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import mm_text
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note

SIDES = {"top": "lề trên", "bottom": "lề dưới", "left": "lề trái", "right": "lề phải"}


@rule(id="PG03", name="page.margins", title="Lề trang", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.3")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """Portrait margins: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.

    **Wrong**: Word's default 25.4 mm left margin, or a 10 mm right margin.

    **Right**: top 20, bottom 20, left 30, right 15 mm (the tool's own choice), or 25/20/35/20.
    """
    checked = False
    tolerance = ctx.spec.tolerances.margin
    for section in ctx.view.sections:
        if section.landscape:
            yield Note(f"{section.name} là trang ngang: NĐ 30 không quy định lề cho trang ngang, "
                       "nên lề của phần này không kiểm tra.")
            continue
        for side, words in SIDES.items():
            value = section.margins.get(side)
            if value is None:
                continue
            checked = True
            allowed = ctx.spec.margins[side]
            if not allowed.contains(value.mm, tolerance.mm):
                yield Finding(
                    message=f"{section.name}: {words} đang là {mm_text(value)}; phải từ "
                            f"{allowed.text()}. Hãy sửa trong Bố cục (Layout) > Lề (Margins) > Lề tùy chỉnh.",
                    found=f"{words} {mm_text(value)}", expected=f"{words} {allowed.text()}")
    if not checked:
        raise NotCheckable("Văn bản không có trang dọc ghi lề trang để kiểm tra")
