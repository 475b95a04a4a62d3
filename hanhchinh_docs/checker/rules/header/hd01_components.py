"""HD01: the header block has all its required elements."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable

REQUIRED = (
    ("national_title", "Quốc hiệu «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM»"),
    ("motto", "Tiêu ngữ «Độc lập - Tự do - Hạnh phúc»"),
    ("agency", "tên cơ quan, tổ chức ban hành văn bản"),
    ("number", "số, ký hiệu văn bản («Số: ...»)"),
    ("date", "địa danh và ngày tháng năm ban hành («..., ngày ... tháng ... năm ...»)"),
)

OWN_ISSUE = ("number", "date")
"""A document issued with a decision ("(Ban hành kèm theo Quyết định số ...)": a quy chế, điều lệ)
carries that decision's number and date, not its own (ND30, Phụ lục III, Mẫu 1.3)."""


@rule(id="HD01", name="header.components", title="Đủ các thành phần phần đầu văn bản", component=Component.HEADER,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.1-4")
def check(ctx: Context) -> Iterator[Finding]:
    """The first page carries Quốc hiệu, Tiêu ngữ, the agency name, the number and the place and date.

    **Wrong**: a document that starts with its title, without "Số:" or the date line.

    **Right**: the two-column header of Mẫu 1.4 with all five elements. A speech, a list or a
    score sheet that carries none of them and names no ND30 kind is not an administrative
    document: not applicable.
    """
    layout = ctx.layout
    if layout.issued_with is not None and not any(getattr(layout, a) for a, _ in REQUIRED if a != "agency"):
        raise NotApplicable("Văn bản kèm theo văn bản khác (dòng «Kèm theo ...» dưới tên văn bản) và không có phần "
                            "đầu riêng, như một phụ lục")
    if layout.document_type is None and not any(getattr(layout, a) for a, _ in REQUIRED if a != "agency"):
        raise NotApplicable("Văn bản không có phần đầu (Quốc hiệu, Tiêu ngữ, số, ngày tháng) và tên văn bản không "
                            "thuộc các loại văn bản hành chính (NĐ 30/2020, Điều 7), như bài phát biểu, tham luận, "
                            "danh sách")
    for attribute, words in REQUIRED:
        if attribute in OWN_ISSUE and layout.issued_with is not None:
            continue
        if not getattr(layout, attribute):
            yield Finding(message=f"Không tìm thấy {words} ở phần đầu văn bản; thành phần này là bắt buộc. "
                                  "Hãy bổ sung theo Mẫu 1.4 (Phụ lục III, NĐ 30/2020).",
                          found="không có", expected=words)
