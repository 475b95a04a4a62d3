"""Which paragraph is which element: readings that real documents taught (each once a false alarm)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.checker.roles import detect_layout
from hanhchinh_docs.conventions.elements import is_date_line
from tests.checker.docx_builder import build

FILLER = "Sở Tài nguyên và Môi trường triển khai các nội dung sau đây."


@pytest.mark.parametrize(("text", "expected"), [
    ("Hà Tĩnh, ngày 08 tháng 01 năm 2024", True),
    ("Lâm Đồng, ngày       tháng 01 năm 2026", True),
    ("................, ngày .... tháng .... năm ......", True),        # a form's blanks
    ("(Kèm theo Quyết định số /QĐ-UBND ngày tháng 10 năm 2025 của Chủ tịch UBND tỉnh)", False),
    ("ngày 12 tháng 3 năm 2025 của Chủ tịch UBND tỉnh)", False),           # a date cited in a sentence
    ("Ngày tháng năm sinh", False),                                        # a column heading
])
def test_the_date_line_holds_nothing_after_the_year(text: str, expected: bool) -> None:
    assert is_date_line(text) is expected


@pytest.mark.parametrize(("fillers", "found"), [(4, True), (5, False)])
def test_a_date_line_far_below_the_header_is_not_its_date(fillers: int, found: bool) -> None:
    """Between the "Số:" line and the date: tên loại, trích yếu and the fillers; at most 6 filled
    paragraphs (4 fillers) keep it the header's date, 7 make it a form's approval box date."""
    document = build({"ngay": {"text": ""}, "body": [FILLER] * fillers + ["Hà Tĩnh, ngày 08 tháng 01 năm 2024"]})
    date = detect_layout(open_document(document)).date
    assert (date is not None) is found
    if found:
        assert date.text == "Hà Tĩnh, ngày 08 tháng 01 năm 2024"


def _standalone_appendix() -> io.BytesIO:
    """A file that is only an appendix (sent on its own), page numbers in the header, no restart."""
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    for text in ("Phụ lục", "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC",
                 "(Kèm theo Quyết định số 15/QĐ-UBND ngày 08 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh)"):
        document.add_paragraph(text)
    document.add_paragraph("1. Ông Nguyễn Văn An, Phó Giám đốc Sở: Tổ trưởng.")
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    return out


def test_an_appendix_that_opens_the_file_is_numbered_from_one() -> None:
    result = check_document(_standalone_appendix()).result("PL04")
    assert result.outcome.name == "PASSED", [f.message for f in result.findings]
