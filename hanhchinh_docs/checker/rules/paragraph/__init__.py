"""PR: how body paragraphs are set — alignment, indent, spacing, size, upright (Phụ lục I, mục II.6.e)."""

from hanhchinh_docs.checker.rules.paragraph import (  # noqa: F401
    pr01_alignment, pr02_first_line_indent, pr03_paragraph_spacing, pr04_line_spacing, pr05_font_size,
    pr06_upright,
)
