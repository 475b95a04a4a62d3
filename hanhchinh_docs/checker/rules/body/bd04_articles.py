"""BD04: a quyết định / nghị quyết enacts with "QUYẾT ĐỊNH:" and is written as articles (Điều).

Their numbering and bold labels are BD02's and BD01's.
"""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Role
from hanhchinh_docs.conventions.elements import fold

ENACTING = {"Quyết định": "QUYẾT ĐỊNH:", "Nghị quyết": "QUYẾT NGHỊ:"}


@rule(id="BD04", name="body.articles", title="Điều của quyết định, nghị quyết", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.b; Phụ lục III, Mẫu 1.1 và 1.2")
def check(ctx: Context) -> Iterator[Finding]:
    """After the căn cứ, "QUYẾT ĐỊNH:" (or "QUYẾT NGHỊ:"), then the content as articles "Điều 1.", "Điều 2." ...

    **Wrong**: a quyết định whose content is "1.", "2." paragraphs, or with no "QUYẾT ĐỊNH:" line.

    **Right**: "QUYẾT ĐỊNH:" then "**Điều 1.** Ban hành ...", "**Điều 2.** Quyết định này có hiệu lực ...".
    """
    layout = ctx.layout
    enacting = ENACTING.get(layout.document_type or "")
    if enacting is None:
        raise NotApplicable("Chỉ quyết định và nghị quyết trình bày nội dung thành các Điều")
    body = layout.body
    if not any(fold(b.paragraph.text) == fold(enacting) for b in body):
        where = body[0].paragraph if body else layout.type_name
        yield finding_at(where, f"Không thấy dòng «{enacting}» trước các Điều; hãy thêm dòng này, in đậm, căn giữa.",
                         "không có", enacting)
    articles = [b.paragraph for b in body if b.role is Role.ARTICLE]
    if not articles:
        where = body[-1].paragraph if body else layout.type_name
        yield finding_at(where, f"{layout.document_type} phải trình bày nội dung thành các Điều («Điều 1.», "
                                "«Điều 2.» ...).", "không có Điều", "Điều 1., Điều 2. ...")
