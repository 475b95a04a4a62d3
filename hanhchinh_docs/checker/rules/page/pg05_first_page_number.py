"""PG05: no page number shows on the first page."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, NotCheckable
from hanhchinh_docs.checker.rules.page.pg04_page_number import page_fields


@rule(id="PG05", name="page.first_page_number", title="Không hiện số trang thứ nhất", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.7")
def check(ctx: Context) -> Iterator[Finding]:
    """The first page shows no number: "Different first page" with an empty first-page header.

    **Wrong**: the page number header applies to every page, so "1" is printed on page 1.

    **Right**: the first section has titlePg and its first-page header holds no PAGE field.
    """
    view = ctx.view
    if not view.sections:
        raise NotCheckable("Văn bản không có phần (trang) nào")
    first = view.sections[0]
    default = view.header_paragraphs(0, "default") or []
    if not page_fields(default):
        raise NotApplicable("Trang đầu không dùng đầu trang có số trang (văn bản chưa đánh số trang, xem PG04)")
    shown = default if not first.title_page else (view.header_paragraphs(0, "first") or [])
    if page_fields(shown):
        yield Finding(message="Trang thứ nhất đang hiện số trang; không được hiển thị số trang ở trang đầu. "
                              "Hãy bật 'Trang đầu khác' (Different First Page) trong phần Đầu trang và để trống "
                              "đầu trang của trang đầu.",
                      found="trang 1 có số trang", expected="trang 1 không hiện số trang")
