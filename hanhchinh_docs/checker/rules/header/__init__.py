"""HD: the header block — Quốc hiệu, Tiêu ngữ, agency names, number, place and date (Phụ lục I, mục II.1-4)."""

from hanhchinh_docs.checker.rules.header import (  # noqa: F401
    hd01_components, hd02_national_title, hd03_motto, hd04_motto_line, hd05_parent_agency, hd06_agency,
    hd07_agency_line, hd08_number_format, hd09_number_form, hd10_type_abbreviation, hd11_date_form,
    hd12_date_format,
)
