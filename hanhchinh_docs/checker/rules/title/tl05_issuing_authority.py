"""TL05: the issuing-authority line of a quyết định / nghị quyết (Mẫu 1.1, 1.2)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Role
from hanhchinh_docs.conventions.elements import fold, is_all_upper

DECISION_TYPES = ("Quyết định", "Nghị quyết")
ENACTING = ("quyết định:", "quyết nghị:")


@rule(id="TL05", name="title.issuing_authority", title="Thẩm quyền ban hành (quyết định, nghị quyết)",
      component=Component.TITLE, legal_ref="NĐ 30/2020, Phụ lục III, Mẫu 1.1 và 1.2")
def check(ctx: Context) -> Iterator[Finding]:
    """A quyết định or nghị quyết names who issues it, in capitals, bold, centred, under the trích yếu.

    **Wrong**: a QUYẾT ĐỊNH going straight from the trích yếu to "Căn cứ ...", or the authority line
    typed in normal case ("Chủ tịch Ủy ban nhân dân tỉnh").

    **Right**: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" in bold capitals, centred, before the căn cứ.
    """
    layout = ctx.layout
    if layout.document_type not in DECISION_TYPES:
        raise NotApplicable("Chỉ quyết định và nghị quyết có dòng thẩm quyền ban hành")
    body = layout.body
    first = body[0] if body else None
    if first is None or first.role is not Role.AUTHORITY or fold(first.paragraph.text) in ENACTING:
        where = first.paragraph if first else layout.type_name
        yield finding_at(where, f"{layout.document_type} phải có dòng thẩm quyền ban hành ngay dưới trích yếu, "
                                "in hoa, đậm, căn giữa (ví dụ «CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH»).",
                         "không có", "dòng thẩm quyền ban hành")
        return
    paragraph = first.paragraph
    pieces = paragraph.visible_pieces()
    if not is_all_upper(paragraph.text):
        yield finding_at(paragraph, "Dòng thẩm quyền ban hành phải in hoa.", "chữ thường", "chữ in hoa")
    if pieces and not all(p.format.bold for p in pieces):
        yield finding_at(paragraph, "Dòng thẩm quyền ban hành phải in đậm.", "chữ thường", "chữ đậm")
    if paragraph.format.alignment != "center":
        yield finding_at(paragraph, "Dòng thẩm quyền ban hành phải căn giữa.",
                         f"căn {paragraph.format.alignment or 'trái'}", "căn giữa")
