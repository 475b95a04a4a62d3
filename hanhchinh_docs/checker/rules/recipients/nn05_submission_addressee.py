"""NN05: a tờ trình is addressed to the body it submits to ("Kính gửi:")."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable

ADDRESSED_TYPES = ("Tờ trình",)


@rule(id="NN05", name="recipients.submission_addressee", title="Kính gửi của tờ trình",
      component=Component.RECIPIENTS, legal_ref="NĐ 30/2020, Phụ lục I, mục II.9.a")
def check(ctx: Context) -> Iterator[Finding]:
    """A tờ trình goes to a superior, so it carries "Kính gửi:" under the trích yếu.

    **Wrong**: a TỜ TRÌNH with no "Kính gửi:" line: the reader cannot tell whom it asks to decide.

    **Right**: "Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh" under the trích yếu.
    """
    layout = ctx.layout
    if layout.document_type not in ADDRESSED_TYPES:
        raise NotApplicable("Chỉ tờ trình bắt buộc có «Kính gửi:»")
    if not layout.addressees:
        where = layout.subject[-1] if layout.subject else layout.type_name
        yield finding_at(where, "Tờ trình gửi cấp trên phải có dòng «Kính gửi:» dưới trích yếu, ghi cơ quan, "
                                "người có thẩm quyền được trình.", "không có", "Kính gửi: …")
