"""NN01: the "Nơi nhận:" word."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import display_text, element_findings, finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable, Note

LABEL = "Nơi nhận:"


@rule(id="NN01", name="recipients.label", title="Từ «Nơi nhận:»", component=Component.RECIPIENTS,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.9.d")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """"Nơi nhận:" on its own line, flush left, with a colon: 12 pt, bold and italic.

    **Wrong**: "NƠI NHẬN" in capitals, without the colon, upright or at 14 pt.

    **Right**: "Nơi nhận:" at 12 pt, bold italic, at the left margin.
    """
    layout = ctx.layout
    label = layout.recipients_label
    if label is None:
        if layout.signer_name is None:
            raise NotCheckable("Không tìm thấy phần nơi nhận và chữ ký")
        yield finding_at(layout.signer_name, "Không tìm thấy «Nơi nhận:»; văn bản phải có phần nơi nhận ở bên trái, "
                                             "ngang hàng với chức vụ người ký.", "không có", LABEL)
        return
    yield from element_findings([label], ctx.spec.element("noi_nhan_label"), "Từ «Nơi nhận»", ctx.spec)
    text = display_text(label)
    if text != LABEL:
        yield finding_at(label, f"Viết là «{text}»; phải viết «{LABEL}» (chữ in thường, sau có dấu hai chấm).",
                         text, LABEL)
