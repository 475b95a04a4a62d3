"""NN02: the list of recipients."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import element_findings, finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note
from hanhchinh_docs.checker.roles import Part
from hanhchinh_docs.conventions.elements import fold

NOTE_BESIDE = re.compile(r"^(.*?[;.:,])(?:\t| {2,})\S")
"""An item followed, on its line, by a note typed in a column of its own (Tab or a run of spaces):
"- Cổng thông tin điện tử Chính phủ;       Để đăng dự thảo"."""

SUB_ITEM = "+"
"""A "+ " line details the group above it (which ends with ":"); it needs no dash."""


@rule(id="NN02", name="recipients.items", title="Danh sách nơi nhận", component=Component.RECIPIENTS,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.9.b và II.9.d")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """One recipient per line, starting "- " at the left margin and ending ";": 11 pt, upright;
    after a "Kính gửi" (công văn, report to a superior) the first line is "- Như trên;".

    **Wrong**: "UBND tỉnh" without the dash, "- Các phòng," ending with a comma, items at 12 pt.

    **Right**: "- UBND tỉnh;" ... "- Lưu: VT, VP." at 11 pt.
    """
    layout = ctx.layout
    items = layout.recipients
    if layout.recipients_label is None:
        raise NotCheckable("Không tìm thấy «Nơi nhận:»")
    if not items:
        yield finding_at(layout.recipients_label, "Dưới «Nơi nhận:» chưa liệt kê nơi nhận; mỗi nơi nhận một dòng, "
                                                  "bắt đầu bằng «- », dòng cuối là «- Lưu: VT, ...».",
                         "trống", "danh sách nơi nhận")
        return
    yield from element_findings(items, ctx.spec.element("noi_nhan_items"), "Dòng nơi nhận", ctx.spec)
    texts = [_own_text(item) for item in items]
    for number, item in enumerate(items):
        text = texts[number]
        if text.startswith(SUB_ITEM) or _continues(texts, number):
            continue
        if not (text.startswith("- ") or text.startswith("– ")):
            yield finding_at(item, "Mỗi nơi nhận phải bắt đầu bằng gạch đầu dòng và dấu cách («- »), sát lề trái.",
                             text[:2], "- ")
    for number, item in enumerate(items[:-1]):
        text = texts[number]
        heads_group = text.endswith(":") and texts[number + 1].startswith(SUB_ITEM)
        if not text.endswith(";") and not heads_group and not _continues(texts, number + 1):
            yield finding_at(item, "Mỗi dòng nơi nhận (trừ dòng «Lưu» cuối cùng) phải kết thúc bằng dấu chấm phẩy (;).",
                             text[-1:], ";")
    if layout.addressees and "như trên" not in fold(items[0].text):
        yield finding_at(items[0], "Văn bản có phần «Kính gửi» nên dòng đầu của nơi nhận phải là «- Như trên;».",
                         items[0].text, "- Như trên;")


def _own_text(item: Part) -> str:
    """The item's words without a note typed beside it in a column of spaces or Tabs."""
    if item.column is not None:
        return item.text
    raw = item.paragraph.label + " ".join(line for n, line in enumerate(item.paragraph.lines)
                                          if item.lines is None or n in item.lines)
    beside = NOTE_BESIDE.match(raw.strip())
    return " ".join((beside.group(1) if beside else raw).split())


def _continues(texts: list[str], number: int) -> bool:
    """Line ``number`` carries on the item above it (broken with Enter): it starts without a dash
    and the line above ends without ";", "." or ":" ("- Sở Nội vụ (tổng hợp gửi" / "Bộ Nội vụ);")."""
    return number > 0 and not texts[number].startswith(("-", "–", SUB_ITEM)) \
        and not texts[number - 1].endswith((";", ".", ":"))
