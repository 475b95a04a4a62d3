"""Shared judgements of an element's look (size, bold, italic, case, alignment) and their messages.

Every rule about "how an element is typeset" is the same few comparisons against the element's
entry in the spec; they live here once, with one wording for each kind of mistake.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length

from hanhchinh_docs.checker.docview import ParagraphView, Piece
from hanhchinh_docs.checker.lines import (
    CENTRED_ON_PAGE, DEFAULT_SIZE_PT, block_centre, find_line_below, line_widths, text_room, unwrapped_widths,
    visual_centre_offset,
)
from hanhchinh_docs.checker.report import Finding, Note, NotCheckable
from hanhchinh_docs.checker.roles import Layout, Part
from hanhchinh_docs.conventions.spec import ElementSpec, Range, Spec, number_text
from hanhchinh_docs.checker.textnorm import quote
from hanhchinh_docs.conventions.elements import has_lower, is_all_upper

ALIGNMENT_WORDS = {
    "left": "căn trái", "center": "căn giữa", "right": "căn phải", "both": "căn đều hai bên",
    "distribute": "căn dàn đều", None: "căn trái (mặc định)",
}
EXPECTED_ALIGNMENT = {
    "center": ({"center"}, "căn giữa", "Ctrl+E"),
    "justify": ({"both"}, "căn đều hai bên", "Ctrl+J"),
    "left": ({"left", None, "both"}, "căn trái", "Ctrl+L"),
}


def finding_at(where: Part | ParagraphView, message: str, found: str, expected: str) -> Finding:
    paragraph = where.paragraph if isinstance(where, Part) else where
    text = where.text if isinstance(where, Part) else where.plain
    return Finding(message=message, found=found, expected=expected, paragraph=paragraph.index, quote=quote(text))


def require(part, what: str, hint: str = ""):
    """The element, or ``NotCheckable`` saying it was not found (and where it should be)."""
    if not part:
        raise NotCheckable(f"Không tìm thấy {what} trong văn bản{hint}")
    return part


def sizes_of(pieces: list[Piece]) -> list[float]:
    return sorted({p.format.size or DEFAULT_SIZE_PT for p in pieces})


def size_text(sizes: list[float]) -> str:
    return ", ".join(f"{number_text(s)} pt" for s in sizes)


def worded(pieces: list[Piece]) -> list[Piece]:
    """The pieces holding a letter or digit (all of them when none does): a lone "-" or ";" prints
    alike in any size, weight or slant, so it never decides how a line looks."""
    return [p for p in pieces if any(c.isalnum() for c in p.text)] or pieces


def size_findings(parts: list[Part], allowed: Range, what: str, tolerance: float = 0.01) -> Iterator[Finding]:
    for part in parts:
        pieces = worded(part.pieces())
        wrong = [s for s in sizes_of(pieces) if not allowed.contains(s, tolerance)]
        if wrong:
            found = size_text(sizes_of(pieces))
            yield finding_at(part, f"{what} đang dùng cỡ chữ {found}; phải là {allowed.text()}. "
                                   f"Hãy chọn lại cỡ chữ cho dòng này.", found, allowed.text())
            return


def style_findings(parts: list[Part], attribute: str, required: bool, what: str) -> Iterator[Finding]:
    """Bold or italic: required (every visible run) or forbidden (no run)."""
    words = {"bold": ("in đậm", "Ctrl+B"), "italic": ("in nghiêng", "Ctrl+I")}[attribute]
    for part in parts:
        states = [getattr(p.format, attribute) for p in worded(part.pieces())]
        if required and not all(states):
            yield finding_at(part, f"{what} chưa {words[0]} (hoặc chỉ {words[0]} một phần); phải {words[0]}. "
                                   f"Hãy bôi đen cả dòng và bấm {words[1]}.",
                             f"không {words[0]}", words[0])
            return
        if not required and any(states):
            plain = "chữ đứng" if attribute == "italic" else "chữ không đậm"
            yield finding_at(part, f"{what} đang {words[0]}; phải là {plain}. Hãy bỏ {words[0]} ({words[1]}).",
                             words[0], plain)
            return


def display_text(part: Part) -> str:
    """The text as printed: runs with "All caps" show in capitals; runs holding only a space keep it
    ("V/v" + " " + "cho phép" reads "V/v cho phép")."""
    pieces = [p for p in part.paragraph.pieces if (part.lines is None or p.line in part.lines)
              and (part.column is None or p.column == part.column)]
    return " ".join("".join(p.text.upper() if p.format.caps else p.text for p in pieces).split())


def case_findings(parts: list[Part], case: str, what: str) -> Iterator[Finding]:
    for part in parts:
        text = display_text(part)
        if case == "upper" and has_lower(text):
            yield finding_at(part, f"{what} chưa viết in hoa toàn bộ; phải viết IN HOA. Hãy gõ lại bằng chữ in hoa.",
                             "có chữ thường", "in hoa")
            return
        if case == "normal" and is_all_upper(text) and len(text.split()) > 1:
            yield finding_at(part, f"{what} đang viết in hoa toàn bộ; phải viết chữ thường "
                                   "(chỉ viết hoa chữ đầu và tên riêng). Hãy gõ lại bằng chữ thường.",
                             "in hoa toàn bộ", "chữ thường")
            return


def alignment_finding(paragraph: ParagraphView, expected: str, what: str, where: Part | None = None,
                      centre_on: Length | None = None) -> Finding | None:
    """``centre_on``: where the text should be centred instead of its container's centre (offset from
    it), e.g. the agency name's printed centre for the "Số:" line under it."""
    accepted, words, keys = EXPECTED_ALIGNMENT[expected]
    if paragraph.format.alignment in accepted:
        return None
    if expected == "center":
        offset = visual_centre_offset(paragraph, where.lines if where is not None else None)
        if offset is not None and abs(offset - (centre_on or 0)) <= CENTRED_ON_PAGE:
            return None
    found = ALIGNMENT_WORDS.get(paragraph.format.alignment, paragraph.format.alignment or "")
    return finding_at(where or paragraph, f"{what} đang {found}; phải {words}. Hãy chọn {words} ({keys}).",
                      found, words)


def element_findings(parts: list[Part], element: ElementSpec, what: str, spec: Spec,
                     centre_on: Length | None = None) -> Iterator[Finding | Note]:
    """Everything the spec says about the element's look: size, bold, italic, case, alignment
    (``centre_on``: see ``alignment_finding``)."""
    if element.size is not None:
        yield from size_findings(parts, element.size, what, spec.tolerances.size_pt)
    if element.bold is not None:
        yield from style_findings(parts, "bold", element.bold, what)
    if element.italic is not None:
        yield from style_findings(parts, "italic", element.italic, what)
    if element.case is not None:
        yield from case_findings(parts, element.case, what)
    if element.align is not None:
        seen = set()
        for part in parts:
            if part.column is not None:
                yield Note(f"{what} được dàn bằng phím Tab thay vì bảng hay căn lề; vị trí căn lề chưa kiểm tra.")
                break
            if part.paragraph.index in seen:
                continue
            seen.add(part.paragraph.index)
            found = alignment_finding(part.paragraph, element.align, what, part, centre_on)
            if found:
                yield found
                break


def overflow_finding(part: Part, what: str) -> Finding | None:
    """The element must print on one line: its text is wider than the room its cell or box leaves
    (cell width minus cell margins and indents), so the line breaks on paper."""
    room = text_room(part.paragraph)
    if room is None or part.column is not None:
        return None
    widest = max(unwrapped_widths(part.paragraph, part.lines), default=None)
    if widest is None or widest <= room:
        return None
    found = f"dòng chữ dài {mm_text(widest)}, chỗ trống chỉ {mm_text(room)}"
    return finding_at(part, f"{what} không vừa một dòng ({found}) nên bị xuống dòng khi in. Hãy nới rộng cột "
                            "(ô) chứa nó, giảm lề trong của ô hoặc chọn cỡ chữ nhỏ hơn trong khoảng cho phép.",
                      found, "vừa một dòng")


def signature_centre(layout: Layout) -> Length | None:
    """Where the signature block prints centred, when its lines (authority, name) are centred on each
    other near the middle of their column (see ``lines.block_centre``)."""
    parts = [*layout.authority, *([layout.signer_name] if layout.signer_name else [])]
    parts = [part for part in parts if part.paragraph.container == parts[0].paragraph.container] if parts else []
    if not parts or any(part.column is not None for part in parts):
        return None
    return block_centre([part.paragraph for part in parts])


def mm_text(length: Length) -> str:
    return f"{number_text(round(length.mm, 1))} mm"


def short_line_findings(ctx, parts: list[Part], line_id: str, what: str, expected_words: str) -> Iterator[Finding | Note]:
    """The line under an element: present, its length a share of the text line, centred under it.

    ``line_id`` names the allowed ratio in the spec's ``short_lines``; ``what`` names the element
    ("Tiêu ngữ"); ``expected_words`` says the length in words ("bằng độ dài dòng chữ").
    """
    last = parts[-1]
    if any(part.column is not None for part in parts):
        raise NotCheckable(f"{what[0].upper() + what[1:]} được dàn bằng phím Tab nên không đo được đường kẻ "
                           "bên dưới; hãy trình bày phần đầu văn bản bằng bảng hai cột")
    line = find_line_below(ctx.view, last.paragraph, last.last_line)
    if line is None:
        yield finding_at(last, f"Dưới {what} chưa có đường kẻ ngang nét liền; phải có đường kẻ {expected_words}, "
                               "đặt cân giữa dòng chữ. Hãy thêm đường kẻ (ví dụ: đoạn trống có viền dưới).",
                         "không có đường kẻ", f"đường kẻ {expected_words}")
        return
    widths = [w for part in parts for w in line_widths(part.paragraph, part.lines)]
    if not widths:
        raise NotCheckable(f"Không đo được độ dài dòng chữ {what}")
    if line.length is None:
        raise NotCheckable(f"Có đường kẻ dưới {what} ({line.describe()}) nhưng không đo được độ dài của nó "
                           "(khung chứa không ghi độ rộng)")
    text = max(widths)
    allowed = ctx.spec.short_lines[line_id]
    ratio = line.length / text
    tolerance = ctx.spec.tolerances.line_length_ratio * allowed.high
    under_last = ratio        # a name broken by Enter may have its line sized by its last line
    manual_lines = sum(len(unwrapped_widths(part.paragraph, part.lines)) for part in parts)
    last_widths = line_widths(last.paragraph, frozenset({last.last_line}))
    if manual_lines > 1 and len(last_widths) == 1 and last_widths[0]:
        under_last = line.length / last_widths[0]
    if not allowed.contains(ratio, tolerance) and not allowed.contains(under_last, tolerance):
        found = f"dài {mm_text(line.length)}, bằng {round(ratio * 100)}% dòng chữ ({mm_text(text)})"
        low, high = Length(int(text * allowed.low)), Length(int(text * allowed.high))
        span = mm_text(low) if allowed.low == allowed.high else f"{mm_text(low)} đến {mm_text(high)}"
        yield finding_at(last, f"Đường kẻ dưới {what} ({line.describe()}) {found}; phải {expected_words} "
                               f"(khoảng {span}). Hãy chỉnh lại độ dài đường kẻ.", found, f"{expected_words} ({span})")
    if line.centre_offset is None:
        yield Note(f"Không xác định được đường kẻ dưới {what} ({line.describe()}) có đặt cân giữa dòng chữ "
                   "hay không; phần này chưa kiểm tra.")
    elif abs(line.centre_offset) > ctx.spec.tolerances.centre:
        side = "phải" if line.centre_offset > 0 else "trái"
        off = mm_text(Length(abs(line.centre_offset)))
        yield finding_at(last, f"Đường kẻ dưới {what} lệch sang {side} {off} so với giữa dòng chữ; "
                               "phải đặt cân giữa dòng chữ. Hãy căn giữa đường kẻ.",
                         f"lệch {side} {off}", "cân giữa dòng chữ")
