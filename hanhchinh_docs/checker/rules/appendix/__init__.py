"""PL: appendices — label, title, "(Kèm theo ...)" line, separate page numbers (Phụ lục I, mục III.1)."""

from hanhchinh_docs.checker.rules.appendix import (  # noqa: F401
    pl01_label, pl02_title, pl03_attached_line, pl04_pagination,
)
