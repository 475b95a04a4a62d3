"""TL: tên loại, trích yếu and its line; V/v of a công văn (Phụ lục I, mục II.5)."""

from hanhchinh_docs.checker.rules.title import (  # noqa: F401
    tl01_type_name, tl02_subject, tl03_subject_line, tl04_letter_subject, tl05_issuing_authority,
)
