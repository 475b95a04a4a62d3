"""NN03: the last recipient line is "- Lưu: VT, <drafting unit>."."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable

ARCHIVE = re.compile(r"^[-–]?\s*Lưu\b\s*(?P<colon>:?)\s*(?P<entries>.*?)\s*$", re.IGNORECASE)
EXAMPLE = "«- Lưu: VT, TCCB.»"


@rule(id="NN03", name="recipients.archive", title="Dòng «Lưu»", component=Component.RECIPIENTS,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.9.d")
def check(ctx: Context) -> Iterator[Finding]:
    """The last line: "Lưu", a colon, "VT", a comma, the drafting unit's abbreviation (and copies), a full stop.

    **Wrong**: "- Lưu VT, VP." (no colon), "- Lưu: VP, VT." (VT not first), "- Lưu: VT." (no drafting unit),
    "- Lưu: VT, VP" (no full stop), or no "Lưu" line at all.

    **Right**: "- Lưu: VT, VP." or "- Lưu: VT, TCCB(02)."
    """
    items = ctx.layout.recipients
    if ctx.layout.recipients_label is None or not items:
        raise NotCheckable("Không tìm thấy danh sách nơi nhận")
    last = items[-1]
    match = ARCHIVE.match(last.text)
    if match is None:
        yield finding_at(last, f"Dòng cuối cùng của nơi nhận phải là dòng lưu văn bản, ví dụ {EXAMPLE}.",
                         last.text, EXAMPLE)
        return
    if not match["colon"]:
        yield finding_at(last, f"Sau chữ «Lưu» phải có dấu hai chấm (:), ví dụ {EXAMPLE}.", last.text, EXAMPLE)
    entries = match["entries"]
    if not entries.endswith("."):
        yield finding_at(last, f"Dòng «Lưu» phải kết thúc bằng dấu chấm (.), ví dụ {EXAMPLE}.", entries[-1:], ".")
    names = [e.strip() for e in entries.rstrip(".").split(",") if e.strip()]
    if not names or names[0] != "VT":
        yield finding_at(last, f"Sau «Lưu:» phải ghi «VT» (Văn thư) trước, rồi đến đơn vị soạn thảo, ví dụ {EXAMPLE}.",
                         names[0] if names else "trống", "VT")
    elif len(names) < 2:
        yield finding_at(last, f"Dòng «Lưu» thiếu chữ viết tắt tên đơn vị (bộ phận) soạn thảo sau «VT,», ví dụ {EXAMPLE}.",
                         entries, "VT, <đơn vị soạn thảo>")
