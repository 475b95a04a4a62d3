"""PR02: the first line of a body paragraph is indented 1 cm or 1.27 cm."""

from __future__ import annotations

from collections.abc import Iterator

from docx.shared import Length

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.lines import line_widths, typed_first_line
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotCheckable
from hanhchinh_docs.checker.roles import Role
from hanhchinh_docs.conventions.spec import number_text

ROLES = frozenset({Role.TEXT, Role.CLAUSE, Role.POINT, Role.ARTICLE})


def cm_text(length: Length) -> str:
    return f"{number_text(round(length.cm, 2))} cm"


@rule(id="PR02", name="body.first_line_indent", title="Lùi đầu dòng 1 cm hoặc 1,27 cm", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.e")
def check(ctx: Context) -> Iterator[Finding]:
    """The first line of each body paragraph starts 1 cm or 1.27 cm in; the other lines at the margin.

    **Wrong**: no first-line indent, a 0.5 cm indent, or a hanging indent from Word's list numbering.

    **Right**: first-line indent 1 cm (or 1.27 cm), left indent 0; or a Tab typed at the start of
    the line (it moves the text to Word's first default tab stop, 1.27 cm), as many offices do.
    """
    paragraphs = [b.paragraph for b in ctx.layout.body if b.role in ROLES]
    if not paragraphs:
        raise NotCheckable("Không tìm thấy đoạn văn nội dung")
    tolerance = ctx.spec.tolerances.indent
    allowed = ctx.spec.first_line_indents
    expected = " hoặc ".join(cm_text(v) for v in allowed)
    for paragraph in paragraphs:
        first, left = typed_first_line(paragraph), paragraph.format.left
        if len(line_widths(paragraph)) == 1:    # one printed line: a left indent looks like a first-line one
            first, left = Length(first + left), Length(0)
        if abs(left) > tolerance:
            yield finding_at(paragraph, f"Cả đoạn văn đang thụt lề trái {cm_text(left)}; lời văn phải sát lề, chỉ "
                                        f"dòng đầu lùi vào {expected}. Hãy đặt Thụt lề trái (Left) = 0 và Thụt dòng "
                                        f"đầu (First line) = 1 cm.", f"thụt lề trái {cm_text(left)}", "thụt lề trái 0 cm")
        elif not any(abs(first - value) <= tolerance for value in allowed):
            found = f"thụt treo {cm_text(Length(-first))}" if first < 0 else f"lùi {cm_text(first)}"
            yield finding_at(paragraph, f"Đầu dòng đang {found}; phải lùi vào {expected}. Hãy đặt Thụt dòng đầu "
                                        "(Special > First line) = 1 cm trong hộp thoại Đoạn văn (Paragraph).",
                             found, f"lùi {expected}")
