"""NN04: the "Kính gửi:" block (công văn; tờ trình, báo cáo to a superior)."""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length

from hanhchinh_docs.checker.judge import element_findings, finding_at, mm_text
from hanhchinh_docs.checker.lines import line_origin, piece_width, text_start
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note
from hanhchinh_docs.checker.roles import LETTER, Part

LABEL = "Kính gửi:"


def colon_position(part: Part) -> Length | None:
    """Where the colon after "Kính gửi" ends, from the left margin (None when not measurable)."""
    paragraph = part.paragraph
    origin = line_origin(paragraph)
    if origin is None:
        return None
    width, seen = Length(0), ""
    for piece in paragraph.pieces:
        if piece.line != 0:
            break
        take = piece.text
        if ":" in take:
            take = take[: take.index(":") + 1]
        width = Length(width + piece_width(piece, take))
        seen += take
        if ":" in seen:
            return Length(origin + width)
    return None


@rule(id="NN04", name="recipients.addressees", title="Kính gửi", component=Component.RECIPIENTS,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.9.b và II.9.d")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Kính gửi:" then one addressee on the same line, or several lines "- X;" ending with "- Y.",
    dashes aligned under the colon; 13-14 pt, upright. Required for a công văn.

    **Wrong**: "Kính gửi" without the colon; several addressees without dashes; the last ending ";".

    **Right**: "Kính gửi: Bộ Nội vụ", or "Kính gửi:" / "- Bộ Nội vụ;" / "- Bộ Tài chính.".
    """
    layout = ctx.layout
    parts = layout.addressees
    if not parts:
        if layout.document_type == LETTER:
            yield Finding(message="Công văn phải có phần «Kính gửi:» (tên cơ quan, đơn vị nhận văn bản) trước nội dung.",
                          found="không có", expected=LABEL)
            return
        raise NotApplicable("Văn bản không có phần «Kính gửi» (chỉ bắt buộc với công văn, tờ trình và báo cáo gửi "
                           "cấp trên)")
    yield from element_findings(parts, ctx.spec.element("kinh_gui"), "Phần «Kính gửi»", ctx.spec)
    first = parts[0]
    if not first.text.startswith(LABEL):
        yield finding_at(first, f"Phải viết «{LABEL}» (sau «Kính gửi» có dấu hai chấm).", first.text[:10], LABEL)
    lines = [line.strip() for line in first.paragraph.lines[1:] if line.strip()] + [p.text for p in parts[1:]]
    if len(lines) < 2:
        return          # one addressee (beside the label, or in the next cell of a table) takes no dash
    for number, line in enumerate(lines):
        mark = "." if number == len(lines) - 1 else ";"
        if not line.startswith("- ") or not line.endswith(mark):
            yield finding_at(first if number < len(first.paragraph.lines) - 1 else parts[min(number + 1, len(parts) - 1)],
                             f"Khi gửi nhiều nơi, mỗi nơi một dòng bắt đầu bằng «- » và kết thúc bằng «{mark}» "
                             "(dòng cuối cùng kết thúc bằng dấu chấm).", line, f"- ...{mark}")
    colon = colon_position(first)
    if colon is None or len(parts) < 2 or any(p.paragraph.container != first.paragraph.container for p in parts):
        yield Note("Không đo được vị trí các gạch đầu dòng so với dấu hai chấm; phần căn thẳng hàng chưa kiểm tra.")
        return
    tolerances = ctx.spec.tolerances
    for part in parts[1:]:
        start = text_start(part.paragraph)         # past the spaces and Tabs typed before the dash
        if start is None:
            yield Note("Không đo được vị trí các gạch đầu dòng so với dấu hai chấm; phần căn thẳng hàng chưa kiểm tra.")
            break
        if not colon - tolerances.centre <= start <= colon + tolerances.addressee_dash_after:
            yield finding_at(part, f"Gạch đầu dòng cách lề {mm_text(start)}, chưa thẳng hàng dưới dấu hai chấm của "
                                   f"«Kính gửi:» (cách lề {mm_text(colon)}). Hãy chỉnh thụt lề cho thẳng hàng.",
                             mm_text(start), mm_text(colon))
            break
