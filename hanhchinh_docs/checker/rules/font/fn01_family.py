"""FN01: every character is set in Times New Roman (theme fonts count as not)."""

from __future__ import annotations

from collections.abc import Iterator

from hanhchinh_docs.checker.docview import Piece
from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.textnorm import quote
from hanhchinh_docs.conventions.elements import fold


def slots_used(piece: Piece) -> list[str]:
    """The rFonts slots Word draws this text with (MS-OI29500 2.1.88, simplified).

    Basic Latin uses ``ascii``, Vietnamese letters use ``hAnsi``; runs marked complex-script
    use ``cs``; with ``w:hint="eastAsia"`` non-ASCII letters may use ``eastAsia``.
    """
    text = piece.text.strip()
    fmt = piece.format
    if fmt.complex_script:
        return ["cs"]
    slots = []
    if any(ord(c) < 0x80 for c in text):
        slots.append("ascii")
    if any(ord(c) >= 0x80 for c in text):
        slots.append("hAnsi")
        if fmt.hint == "eastAsia":
            slots.append("eastAsia")
    return slots


def describe_font(name: str | None) -> str:
    if name is None:
        return "không đặt phông (Word dùng phông mặc định của máy)"
    if name.startswith("theme:"):
        return f"phông theo chủ đề (theme) '{name[6:]}'"
    if name.startswith(".Vn") or name.startswith("VNI-"):
        return f"'{name}' (phông bảng mã cũ TCVN3/VNI, không phải Unicode)"
    return f"'{name}'"


@rule(id="FN01", name="font.family", title="Phông chữ Times New Roman", component=Component.FONT,
      legal_ref="NĐ 30/2020, Phụ lục I, mục I.4")
def check(ctx: Context) -> Iterator[Finding]:
    """All text is in Times New Roman (Unicode), resolved through styles; theme fonts do not count.

    **Wrong**: a run in Arial, text in ".VnTime" (TCVN3), or Word's "+Body" theme font.

    **Right**: Times New Roman named in the run, its style, or the document defaults.
    """
    expected = fold(ctx.spec.font_family)
    paragraphs = ctx.view.paragraphs + ctx.view.page_part_paragraphs()
    if not any(p.visible_pieces() for p in paragraphs):
        raise NotCheckable("Văn bản không có chữ nào")
    for paragraph in paragraphs:
        for piece in paragraph.visible_pieces():
            wrong = [piece.format.fonts.get(slot) for slot in slots_used(piece)
                     if fold(piece.format.fonts.get(slot) or "") != expected]
            if wrong:
                found = describe_font(wrong[0])
                where = "Đầu/chân trang: " if paragraph.index is None else ""
                yield finding_at(paragraph, f"{where}Chữ «{quote(piece.text, 30)}» dùng {found}; phải là phông "
                                            f"{ctx.spec.font_family} (Unicode). Hãy bôi đen đoạn này và chọn đích "
                                            f"danh phông {ctx.spec.font_family}.", found, ctx.spec.font_family)
                break
