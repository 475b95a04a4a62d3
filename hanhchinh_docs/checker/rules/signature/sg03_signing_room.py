"""SG03: room to sign and seal between the signer's position and name."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable

MIN_ROOM_PT = 28.0
"""About 10 mm, two lines of 14 pt: the least that holds a signature. The sample forms leave three
to four empty lines; only a name printed right under the position (or one line below) is flagged."""

DEFAULT_SIZE_PT = 14.0
"""An empty paragraph whose size is set nowhere is taken at the body size."""


def _line_height(paragraph, lines: int = 1) -> float:
    """Height of ``lines`` empty lines of ``paragraph`` in points (single spacing is 1.15 x size)."""
    fmt = paragraph.format
    sizes = [p.format.size for p in paragraph.pieces if p.format.size]
    size = max(sizes) if sizes else DEFAULT_SIZE_PT
    if fmt.line is None:
        height = size * 1.15
    elif fmt.line_rule == "auto":
        height = size * 1.15 * fmt.line
    else:
        height = max(fmt.line, size) if fmt.line_rule == "atLeast" else fmt.line
    return height * lines


@rule(id="SG03", name="signature.room", title="Khoảng trống để ký, đóng dấu", component=Component.SIGNATURE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.7 và Mục IV (ô 7b, 7c)")
def check(ctx: Context) -> Iterator[Finding]:
    """Between the position (ô 7b) and the name (ô 7c) there is room for the signature and the seal.

    **Wrong**: "PHÓ GIÁM ĐỐC" with "Nguyễn Văn A" on the very next line.

    **Right**: three or four empty lines between them (or a signature image).
    """
    name = ctx.layout.signer_name
    if name is None or not ctx.layout.authority:
        raise NotCheckable("Không tìm thấy chức vụ và họ tên người ký")
    chain = [*ctx.layout.authority, name]
    if any(p.paragraph.index is None for p in chain) or \
            any(b.paragraph.index < a.paragraph.index for a, b in zip(chain, chain[1:])):
        raise NotCheckable("Chức vụ và họ tên người ký không nằm theo thứ tự trên dưới")
    # The room may stand above a second title printed with the name ("PHÓ CHỦ TỊCH UBND TỈNH" under
    # the signature of "TM. BAN CHỈ ĐẠO / PHÓ TRƯỞNG BAN"): the widest gap in the block counts.
    room = max(_room(ctx, upper, lower) for upper, lower in zip(chain, chain[1:]))
    if room < MIN_ROOM_PT:
        yield finding_at(name, f"Họ tên người ký in gần như ngay dưới chức vụ (khoảng trống {room:.0f} pt); không "
                               "còn chỗ để ký và đóng dấu. Hãy thêm 3-4 dòng trống giữa chức vụ và họ tên.",
                         f"{room:.0f} pt", f"ít nhất {MIN_ROOM_PT:.0f} pt")


def _room(ctx: Context, upper, lower) -> float:
    """Points of empty space between two parts of the signature block (infinite past an image or text)."""
    top, bottom = upper.paragraph, lower.paragraph
    if top is bottom:
        first = min(lower.lines) if lower.lines else 0
        empty = sum(1 for n in range(upper.last_line + 1, first) if not top.lines[n].strip())
        return _line_height(top, empty)
    between = ctx.view.paragraphs[top.index:bottom.index - 1]
    if any(p.shapes or not p.is_empty for p in between):
        return float("inf")          # a signature image, or something else printed in the space
    room = sum(_line_height(p) + (p.format.before or 0) + (p.format.after or 0) for p in between)
    return room + (top.format.after or 0) + (bottom.format.before or 0)
