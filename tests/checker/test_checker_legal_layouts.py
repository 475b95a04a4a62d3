"""Documents laid out differently but legally are not flagged, and the layouts are all understood."""

from __future__ import annotations

import pytest

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.docview import open_document
from hanhchinh_docs.checker.report import Outcome
from tests.checker.docx_builder import build, edit_part

OTHER_END_OF_RANGES = {
    "quoc_hieu": {"size": 12}, "tieu_ngu": {"size": 13}, "chu_quan": {"size": 12}, "ban_hanh": {"size": 12},
    "ngay": {"size": 13}, "ten_loai": {"size": 13}, "trich_yeu": {"size": 13}, "signer": {"size": 13},
    "name": {"size": 13}, "page_number": {"size": 13},
    "page": {"margins": {"top": 25, "bottom": 25, "left": 35, "right": 20}},
    "body_format": {"size": 13, "indent": 1.27, "before": 0, "after": 6, "line": 1.5},
}

LEGAL_VARIANTS = {
    "frames, drawn lines, 13 pt, styles": {
        **OTHER_END_OF_RANGES, "formatting": "style", "header_layout": "frames",
        "tieu_ngu_line": {"kind": "shape"}, "ban_hanh_line": {"kind": "shape"}, "trich_yeu_line": {"kind": "shape"},
        "appendices": [{"kem_theo": {"size": 14}, "title": {"size": 13}}],
    },
    "text boxes, underline, underscores, VML": {
        **OTHER_END_OF_RANGES, "header_layout": "textboxes", "textbox_fallback": True,
        "tieu_ngu_line": {"kind": "underline"}, "ban_hanh_line": {"kind": "underscores"},
        "trich_yeu_line": {"kind": "vml"},
    },
    "table, borders on the text and above, inline shape": {
        "tieu_ngu_line": {"kind": "own_border"}, "ban_hanh_line": {"kind": "top_border"},
        "trich_yeu_line": {"kind": "shape_inline"}, "ngay": {"text": "Hà Tĩnh, ngày      tháng 01 năm 2024"},
        "so": {"text": "Số:       /KH-STNMT"},
    },
    "two appendices, exactly-spaced lines": {
        "body_format": {"line_exact": 17},
        "appendices": [{"label": {"text": "Phụ lục I"}}, {"label": {"text": "Phụ lục II"}}],
    },
}


@pytest.mark.parametrize("overrides", LEGAL_VARIANTS.values(), ids=LEGAL_VARIANTS.keys())
def test_legal_layout_is_not_flagged(overrides: dict) -> None:
    report = check_document(build(overrides))
    assert report.failed_rules() == [], [(r.rule_id, [f.message for f in r.findings]) for r in report.results
                                         if r.outcome is Outcome.FAILED]
    for rule_id in ("HD02", "HD03", "HD04", "HD06", "HD07", "HD09", "HD11", "TL02", "TL03", "SG02", "NN01"):
        assert report.result(rule_id).outcome is Outcome.PASSED, rule_id


@pytest.mark.parametrize("layout", ["table", "frames", "textboxes"])
def test_header_elements_are_found_in_every_layout(layout: str) -> None:
    view = open_document(build({"header_layout": layout, "textbox_fallback": True}))
    containers = {p.container.kind for p in view.paragraphs if "CỘNG HÒA" in p.text}
    assert containers == {{"table": "cell", "frames": "frame", "textboxes": "textbox"}[layout]}
    assert sum("CỘNG HÒA" in p.text for p in view.paragraphs) == 1, "a VML fallback copy must not be read"


def test_an_unmeasurable_line_is_not_reported_as_passed() -> None:
    """A frame with no width gives the line paragraph nothing to measure against."""
    document = edit_part(build({"header_layout": "frames"}), "word/document.xml", b' w:w="5726"', b"")
    report = check_document(document)
    assert report.result("HD04").outcome is Outcome.NOT_CHECKED
    assert "không đo được" in report.result("HD04").reason
