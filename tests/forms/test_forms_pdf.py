"""Where each kind's distinctive parts land on paper (LibreOffice PDF): V/v under Số, Kính gửi dashes
under its colon, the two signatures of a biên bản side by side, the address at the foot of page 1."""

from __future__ import annotations

import unicodedata

import pdfplumber
import pytest

from hanhchinh_docs import api
from tests.conftest import EXAMPLES, convert_to_pdf

MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forms_pdf")
    out = {}
    for name in ("cong_van_don_doc_bao_cao_quy_1_2024", "bien_ban_hop_trien_khai_ke_hoach_cchc_2024"):
        docx = folder / f"{name}.docx"
        api.render_document(EXAMPLES / f"{name}.yaml", docx)
        with pdfplumber.open(str(convert_to_pdf(docx, folder))) as document:
            out[name] = [page.extract_words() for page in document.pages], document.pages[0].height
    return out


def word(words, text: str, after_top: float = 0.0) -> dict:
    return next(w for w in words if unicodedata.normalize("NFC", w["text"]) == text and w["top"] >= after_top)


def line_with(words, first: str, right: float = 1e9) -> list[dict]:
    """The words on ``first``'s line that end left of ``right`` (pt)."""
    start = word(words, first)
    return sorted((w for w in words if abs(w["top"] - start["top"]) < 2 and w["x1"] <= right), key=lambda w: w["x0"])


def centre(words: list[dict]) -> float:
    return (min(w["x0"] for w in words) + max(w["x1"] for w in words)) / 2


def test_v_v_is_centred_under_the_number(pages):
    words = pages["cong_van_don_doc_bao_cao_quy_1_2024"][0][0]
    left_column = (30 + 64) * MM
    number = line_with(words, "Số:", left_column)
    v_v = line_with(words, "V/v", left_column)
    assert v_v[0]["top"] > number[0]["bottom"]
    assert v_v[0]["top"] - number[0]["bottom"] < 12          # directly under it (6 pt before)
    assert abs(centre(v_v) - centre(number)) < 3 * MM         # both centred in the left header column
    assert v_v[0]["bottom"] - v_v[0]["top"] < 12.5           # 12 pt, smaller than the 13 pt number


def test_kinh_gui_dashes_start_under_the_colon(pages):
    words = pages["cong_van_don_doc_bao_cao_quy_1_2024"][0][0]
    label = line_with(words, "Kính")
    colon_end = next(w for w in label if w["text"].endswith(":"))["x1"]
    dashes = [w for w in words if w["text"] == "-" and w["top"] > label[0]["top"] and w["top"] < label[0]["top"] + 50]
    assert len(dashes) == 2
    for dash in dashes:
        assert colon_end - 1 <= dash["x0"] <= colon_end + 4 * MM
    assert abs(dashes[0]["x0"] - dashes[1]["x0"]) < 0.5


def test_address_sits_at_the_foot_of_page_one(pages):
    page_words, height = pages["cong_van_don_doc_bao_cao_quy_1_2024"]
    address = word(page_words[0], "Địa")
    assert address["top"] > height - 25 * MM
    assert all(unicodedata.normalize("NFC", w["text"]) != "Địa" or w["top"] < height - 25 * MM
               for page in page_words[1:] for w in page)


def test_bien_ban_has_two_signatures_side_by_side(pages):
    words = [w for page in pages["bien_ban_hop_trien_khai_ke_hoach_cchc_2024"][0] for w in page]
    secretary, chair = word(words, "THƯ"), word(words, "CHỦ", after_top=word(words, "THƯ")["top"] - 1)
    assert abs(secretary["top"] - chair["top"]) < 2
    middle = (30 + 165 / 2) * MM
    assert secretary["x1"] < 30 * MM + 65 * MM and chair["x0"] > 30 * MM + 65 * MM
    hoa, hung = word(words, "Hoa", after_top=secretary["top"]), word(words, "Hùng", after_top=chair["top"])
    assert abs(hoa["top"] - hung["top"]) < 2 and hoa["top"] > secretary["top"] + 40
    assert hoa["x1"] < middle < hung["x0"]
