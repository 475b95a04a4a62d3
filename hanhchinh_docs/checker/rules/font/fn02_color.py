"""FN02: text is printed in black."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at, worded
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.textnorm import quote

BLACK_THEME_COLORS = ("text1", "dark1")
PRINTS_BLACK = 0x33
"""A colour whose red, green and blue are all at most this prints black (Word's "Black, lighter 5%"
is 0D0D0D, "lighter 15%" 262626): on paper nobody tells it from 000000."""


def _prints_black(color: str) -> bool:
    try:
        value = int(color, 16)
    except ValueError:
        return False
    return len(color) == 6 and all((value >> shift) & 0xFF <= PRINTS_BLACK for shift in (16, 8, 0))


@rule(id="FN02", name="font.color", title="Màu chữ đen", component=Component.FONT,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.4")
def check(ctx: Context) -> Iterator[Finding]:
    """All text is black ("màu đen"): automatic colour, 000000, or a grey too dark to tell from black.

    **Wrong**: a blue hyperlink run, or red text left from a draft.

    **Right**: no colour set (automatic), or w:color 000000.
    """
    paragraphs = ctx.view.paragraphs + ctx.view.page_part_paragraphs()
    if not any(p.visible_pieces() for p in paragraphs):
        raise NotCheckable("Văn bản không có chữ nào")
    for paragraph in paragraphs:
        for piece in worded(paragraph.visible_pieces()):     # a red "." alone shows no colour on paper
            fmt = piece.format
            if fmt.theme_color in BLACK_THEME_COLORS or fmt.color is None \
                    or fmt.color.lower() in ctx.spec.black_colors or _prints_black(fmt.color) \
                    or fmt.color.lower() == "ffffff":      # white on white prints nothing to see
                continue
            yield finding_at(paragraph, f"Chữ «{quote(piece.text, 30)}» có màu #{fmt.color}; chữ trong văn bản "
                                        "phải màu đen. Hãy chọn màu chữ Tự động (Automatic) hoặc Đen.",
                             f"màu #{fmt.color}", "màu đen")
            break
