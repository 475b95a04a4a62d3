"""PL04: each appendix is paginated on its own, starting from 1."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.rules.page.pg04_page_number import page_fields


@rule(id="PL04", name="appendix.pagination", title="Số trang riêng của phụ lục", component=Component.APPENDIX,
      legal_ref="NĐ 30/2020, Phụ lục I, mục III.1.đ")
def check(ctx: Context) -> Iterator[Finding]:
    """Each appendix starts a new section whose page numbers restart at 1.

    **Wrong**: the appendix follows a page break and continues the document's page numbers.

    **Right**: a "Next page" section break before the appendix, page numbering "Start at 1".
    """
    view = ctx.view
    appendices = ctx.layout.appendices
    if not appendices:
        raise NotApplicable("Văn bản không có phụ lục")
    if not any(page_fields(view.header_paragraphs(s.index, "default") or []) for s in view.sections):
        raise NotApplicable("Văn bản không đánh số trang (xem PG04)")
    for appendix in appendices:
        label = appendix.label.paragraph
        section = view.sections[label.section]
        earlier = [p for p in view.paragraphs[:label.index - 1]
                   if p.section == label.section and (not p.is_empty or p.container.kind == "cell")]
        if earlier:
            yield finding_at(appendix.label, "Phụ lục nằm chung một phần (giữa hai dấu ngắt phần) với nội dung "
                                             "trước nên không đánh số trang riêng được. Hãy chèn dấu ngắt phần (Bố cục > Dấu ngắt > Trang tiếp theo) ngay trước "
                                             "phụ lục và đặt số trang bắt đầu từ 1.",
                             "chung số trang với phần trước", "số trang riêng, bắt đầu từ 1")
        # an appendix that opens the file (sent on its own) is numbered from 1 anyway
        elif section.page_number_start != 1 and any(not p.is_empty for p in view.paragraphs[:label.index - 1]):
            yield finding_at(appendix.label, "Phụ lục chưa đánh số trang lại từ 1; số trang của phụ lục được đánh riêng. "
                                             "Hãy chọn Số trang > Định dạng số trang > Bắt đầu từ 1.",
                             "số trang nối tiếp", "bắt đầu từ 1")
