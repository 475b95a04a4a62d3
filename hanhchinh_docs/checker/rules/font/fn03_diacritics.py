"""FN03: Vietnamese is written with its diacritics."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.conventions.elements import lacks_diacritics


def text_lacks_diacritics(view) -> bool:
    """The body text is Vietnamese typed without marks ("CONG HOA XA HOI CHU NGHIA VIET NAM")."""
    return lacks_diacritics(" ".join(p.plain for p in view.paragraphs[:200]), minimum_words=20)


@rule(id="FN03", name="font.diacritics", title="Chữ tiếng Việt có dấu", component=Component.FONT,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.4")
def check(ctx: Context) -> Iterator[Finding]:
    """Text is Vietnamese with its diacritics (Unicode); text typed without them cannot be an
    official document, and none of its elements can be recognised.

    **Wrong**: "CONG HOA XA HOI CHU NGHIA VIET NAM", "Kinh gui: Bo Xay dung."

    **Right**: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi: Bộ Xây dựng."
    """
    shown = [p for p in ctx.view.paragraphs if p.plain]
    if not shown:
        raise NotCheckable("Văn bản không có chữ nào")
    if text_lacks_diacritics(ctx.view):
        yield finding_at(shown[0], "Văn bản gõ tiếng Việt không dấu; văn bản hành chính phải viết tiếng Việt có dấu "
                                   "(phông Unicode). Hãy gõ lại có dấu (ví dụ bật bộ gõ Unikey, kiểu gõ Telex, bảng "
                                   "mã Unicode). Khi chữ không dấu, các thành phần thể thức khác không nhận ra được "
                                   "nên chưa kiểm tra.", "không dấu", "có dấu")
