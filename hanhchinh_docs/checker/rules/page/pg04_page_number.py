"""PG04: page numbers in the top margin, centred, Arabic, 13-14 pt, upright."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import size_text
from hanhchinh_docs.checker.lines import CENTRED_ON_PAGE, estimated_pages, tab_stops, section_pages
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable, Note

NON_ARABIC = ("roman", "alphabetic", "ordtext", "cardtext", "hex")
"""PAGE field switches (``\\* ROMAN`` ...) that show something other than Arabic digits."""


def page_fields(paragraphs):
    return [(p, f) for p in paragraphs for f in p.fields if f.name == "PAGE"]


@rule(id="PG04", name="page.number", title="Số trang", component=Component.PAGE,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.7")
def check(ctx: Context) -> Iterator[Finding | Note]:
    """Pages are numbered with a PAGE field in the header: Arabic digits, 13-14 pt, upright, centred.

    **Wrong**: page numbers in the footer, right-aligned, or in Roman numerals; a landscape section
    (a task appendix) whose own header leaves the number out.

    **Right**: a centred PAGE field in the page header, 14 pt, upright.
    """
    view = ctx.view
    in_headers = page_fields([p for s in view.sections for kind in ("default", "first", "even")
                              for p in (view.header_paragraphs(s.index, kind) or [])])
    in_footers = page_fields([p for s in view.sections for kind in ("default", "first", "even")
                              for p in (view.header_paragraphs(s.index, kind, footer=True) or [])])
    if not in_headers and not in_footers:
        if estimated_pages(view, ctx.spec.single_line_em) == 1:
            raise NotApplicable("Văn bản ước tính chỉ có 1 trang nên không cần hiện số trang")
        yield Finding(message="Văn bản chưa đánh số trang; phải đánh số trang ở giữa lề trên (đầu trang), bằng "
                              "chữ số Ả Rập, cỡ 13-14, không hiện số ở trang đầu. Hãy chèn Số trang > Đầu trang > Giữa.",
                      found="không có số trang", expected="số trang ở giữa đầu trang")
        return
    if in_footers and not in_headers:
        if estimated_pages(view, ctx.spec.single_line_em) == 1 and not _first_page_numbered(view):
            raise NotApplicable("Văn bản ước tính chỉ có 1 trang và trang này không hiện số trang ở chân trang")
        yield Finding(message="Số trang đang đặt ở chân trang (footer); phải đặt canh giữa trong phần lề trên "
                              "(đầu trang, header). Hãy xóa số trang ở chân trang và chèn lại ở đầu trang.",
                      found="số trang ở chân trang", expected="số trang ở đầu trang")
        return
    for section in view.sections:
        if (section.landscape and not _numbered(view, section.index) and _holds_text(view, section.index)
                and section_pages(view, section.index, ctx.spec.single_line_em) != 1):
            # a one-page section shows only its first page, which carries no number (LibreOffice saves
            # such a section with a single header, without the "different first page" one)
            yield Finding(message=f"{section.name} (trang ngang) không hiện số trang; mọi trang từ trang thứ hai "
                                  "đều phải có số trang. Hãy chèn Số trang > Đầu trang > Giữa cho phần này (hoặc bỏ "
                                  "chọn «Khác trang đầu» nếu phần chỉ có một trang).",
                          found="trang ngang không có số trang", expected="số trang ở giữa đầu trang")
    allowed = ctx.spec.page_number_size
    for section in view.sections:
        if section.page_number_format not in (None, "decimal"):
            yield Finding(message=f"{section.name} đánh số trang kiểu '{section.page_number_format}'; "
                                  "phải dùng chữ số Ả Rập (1, 2, 3...). Hãy chọn lại trong Định dạng số trang.",
                          found=section.page_number_format, expected="chữ số Ả Rập")
    paragraph, field = in_headers[0]
    where = "Số trang ở đầu trang"
    if any(switch in field.instruction.lower() for switch in NON_ARABIC):
        yield Finding(message=f"{where} không dùng chữ số Ả Rập ({field.instruction.strip()}); phải là 1, 2, 3...",
                      found=field.instruction.strip(), expected="chữ số Ả Rập")
    if paragraph.format.alignment != "center" and not _centred_by_tab(paragraph, view.sections[0].text_width):
        yield Finding(message=f"{where} chưa canh giữa; phải đặt canh giữa theo chiều ngang. Hãy căn giữa đoạn "
                              "chứa số trang (Ctrl+E).", found="không canh giữa", expected="canh giữa")
    formats = field.formats or [p.format for p in paragraph.pieces]
    if not formats:
        yield Note("Không đọc được cỡ chữ của số trang; phần cỡ chữ chưa kiểm tra.")
        return
    sizes = sorted({f.size or 10.0 for f in formats})
    if any(not allowed.contains(s) for s in sizes):
        yield Finding(message=f"{where} cỡ chữ {size_text(sizes)}; phải từ {allowed.text()}. Hãy chọn lại cỡ chữ.",
                      found=size_text(sizes), expected=allowed.text())
    if any(f.italic for f in formats):
        yield Finding(message=f"{where} đang in nghiêng; phải là chữ đứng. Hãy bỏ in nghiêng.",
                      found="in nghiêng", expected="chữ đứng")


def _centred_by_tab(paragraph, text_width) -> bool:
    """The number stands at a centre tab stop in the middle of the line (Tabs typed before it, as
    Word's header does): it prints centred although the paragraph is not."""
    leading = len(paragraph.lines[0]) - len(paragraph.lines[0].lstrip("\t")) if paragraph.lines else 0
    if not leading or text_width is None or paragraph.lines[0].strip("\t").strip() == "":
        return False
    stops = tab_stops(paragraph)
    if len(stops) < leading:
        return False
    position, kind = stops[leading - 1]
    return kind == "center" and abs(position + paragraph.format.left - text_width // 2) <= CENTRED_ON_PAGE


def _first_page_numbered(view) -> bool:
    """The first page shows a PAGE field, in its header or footer (its own when "Different first
    page" is set)."""
    kind = "first" if view.sections and view.sections[0].title_page else "default"
    return any(page_fields(view.header_paragraphs(0, kind, footer=footer) or []) for footer in (False, True))


def _numbered(view, section: int) -> bool:
    """A page of the section after its first shows a PAGE field (header or footer, inherited too)."""
    return any(page_fields(view.header_paragraphs(section, "default", footer=footer) or [])
               for footer in (False, True))


def _holds_text(view, section: int) -> bool:
    return any(p.section == section and not p.is_empty for p in view.paragraphs)
