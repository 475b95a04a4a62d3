"""What the printed page shows decides: text without diacritics is one finding, text that prints
centred is centred, a Tab typed before the text is a first-line indent."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.report import Outcome
from tests.checker.docx_builder import build

UNMARKED = ["BO TAI CHINH", "CONG HOA XA HOI CHU NGHIA VIET NAM", "Doc lap - Tu do - Hanh phuc",
            "So: 12/BTC-TCCB", "Ha Noi, ngay 10 thang 3 nam 2026", "Kinh gui: Bo Xay dung.",
            "Phuc dap Cong van so 3797/BXD-KTQLXD ngay 11/3/2026 cua Bo Xay dung ve viec cu dai dien tham gia.",
            "De nghi Bo Xay dung tong hop./.", "BO TRUONG", "Nguyen Van Thang"]


def _saved(document) -> io.BytesIO:
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    return out


def test_text_without_diacritics_is_one_finding_not_a_cascade() -> None:
    document = docx.Document()
    for text in UNMARKED:
        document.add_paragraph(text)
    report = check_document(_saved(document))
    assert "FN03" in report.failed_rules()
    assert all(rule_id.startswith(("PG", "FN")) for rule_id in report.failed_rules())   # Letter, Calibri
    finding = report.result("FN03").findings[0]
    assert finding.quote == "BO TAI CHINH" and "không dấu" in finding.message
    assert report.result("HD01").outcome is Outcome.NOT_CHECKED
    assert "xem FN03" in report.result("HD01").reason


def test_marked_text_passes_fn03() -> None:
    assert check_document(build({})).result("FN03").outcome is Outcome.PASSED


def test_a_tab_typed_before_the_text_is_a_first_line_indent() -> None:
    doc = build({"body_patch": {6: {"indent": 0, "text": "\tVăn phòng Sở theo dõi, đôn đốc các phòng, đơn vị "
                                                          "thực hiện Kế hoạch này và báo cáo kết quả về Sở./."}}})
    assert check_document(doc).result("PR02").outcome is Outcome.PASSED


def test_no_indent_at_all_still_fails() -> None:
    doc = build({"body_patch": {6: {"indent": 0, "text": "Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị "
                                                         "thực hiện Kế hoạch này và báo cáo kết quả về Sở./."}}})
    assert check_document(doc).failed_rules() == ["PR02"]


def test_a_left_aligned_quoc_hieu_filling_its_cell_prints_centred() -> None:
    # 13 pt bold Quốc hiệu is 95.7 mm wide; its cell leaves 97.2 mm: it is 0.8 mm off centre on paper
    assert check_document(build({"quoc_hieu": {"align": "left"}})).result("HD02").outcome is Outcome.PASSED


def test_a_quoc_hieu_too_wide_for_its_cell_fails_hd02() -> None:
    report = check_document(build({"quoc_hieu": {"left": 0.3, "right": 0.3}}))   # 97.2 - 6 mm < 95.7 mm
    assert report.failed_rules() == ["HD02"]
    assert "không vừa một dòng" in report.result("HD02").findings[0].message
