"""BD: the body's structure — headings, numbering, căn cứ (Phụ lục I, mục II.6)."""

from hanhchinh_docs.checker.rules.body import bd01_headings, bd02_numbering, bd03_legal_basis, bd04_articles  # noqa: F401
