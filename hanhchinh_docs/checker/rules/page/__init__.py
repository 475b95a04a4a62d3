"""PG: paper, orientation, margins and page numbers (NĐ 30/2020, Phụ lục I, mục I)."""

from hanhchinh_docs.checker.rules.page import (  # noqa: F401
    pg01_paper_size, pg02_orientation, pg03_margins, pg04_page_number, pg05_first_page_number,
    pg06_table_width, pg07_table_header_repeat,
)
