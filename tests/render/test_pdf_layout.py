"""End to end: the seed plan through LibreOffice to PDF, and where things landed on the pages."""

from __future__ import annotations

import unicodedata

import pdfplumber
import pytest

MM = 72 / 25.4  # PDF points per millimetre


def lines_of_words(page):
    """Words grouped into text lines (same top within 2 pt), each as (text, x0, x1, top, bottom)."""
    rows: list[list[dict]] = []
    for word in sorted(page.extract_words(keep_blank_chars=False), key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) < 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    out = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        text = unicodedata.normalize("NFC", " ".join(w["text"] for w in row))
        out.append((text, row[0]["x0"], row[-1]["x1"], min(w["top"] for w in row), max(w["bottom"] for w in row)))
    return out


def words_span(page, text: str, near_top: float):
    """x0, x1, bottom of the consecutive words spelling ``text`` on the line at ``near_top``."""
    words = [w for w in page.extract_words() if abs(w["top"] - near_top) < 3]
    words.sort(key=lambda w: w["x0"])
    target = text.split()
    for i in range(len(words) - len(target) + 1):
        chunk = words[i:i + len(target)]
        if [unicodedata.normalize("NFC", w["text"]) for w in chunk] == target:
            return chunk[0]["x0"], chunk[-1]["x1"], max(w["bottom"] for w in chunk)
    raise AssertionError(f"{text!r} not found near top={near_top}")


def rule_below(page, x0: float, x1: float, bottom: float):
    """The horizontal rule drawn within 10 pt below ``bottom`` and overlapping x0..x1: (x0, x1)."""
    candidates = []
    for edge in page.edges:
        if edge["orientation"] != "h" or not (bottom - 1 <= edge["top"] <= bottom + 10):
            continue
        if edge["x1"] < x0 or edge["x0"] > x1:
            continue
        candidates.append((edge["top"], edge["x0"], edge["x1"]))
    assert candidates, f"no rule under the text at {bottom:.1f} pt"
    top = min(c[0] for c in candidates)
    same = [c for c in candidates if abs(c[0] - top) < 2]
    return min(c[1] for c in same), max(c[2] for c in same)


@pytest.fixture(scope="module")
def pdf(seed_pdf):
    with pdfplumber.open(str(seed_pdf)) as document:
        yield document


def test_header_pieces_sit_in_their_halves(pdf):
    page = pdf.pages[0]
    centre = page.width / 2
    for text, right in (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                        ("năm 2024", True), ("UBND TỈNH HÀ TĨNH", False), ("SỞ TÀI NGUYÊN", False),
                        ("Số:", False)):
        line = next(l for l in lines_of_words(page) if text in l[0])
        x0, x1, _ = words_span(page, text, line[3])
        middle = (x0 + x1) / 2
        assert (middle > centre) == right, (text, middle / MM)
    so = next(l for l in lines_of_words(page) if "Số:" in l[0])
    date = next(l for l in lines_of_words(page) if "tháng 01 năm 2024" in l[0])
    assert abs(so[3] - date[3]) < 4, "Số: and the date line are on the same level"


def test_line_under_motto_is_as_long_as_the_motto(pdf):
    page = pdf.pages[0]
    line = next(l for l in lines_of_words(page) if "Độc lập" in l[0])
    x0, x1, bottom = words_span(page, "Độc lập - Tự do - Hạnh phúc", line[3])
    r0, r1 = rule_below(page, x0, x1, bottom)
    assert abs((r1 - r0) - (x1 - x0)) <= 0.1 * (x1 - x0)
    assert abs((r0 + r1) / 2 - (x0 + x1) / 2) < 2 * MM


def test_line_under_agency_is_a_third_to_a_half_of_its_name(pdf):
    page = pdf.pages[0]
    lines = lines_of_words(page)
    first = next(l for l in lines if "SỞ TÀI NGUYÊN" in l[0])
    second = next(l for l in lines if "VÀ MÔI TRƯỜNG" in l[0])
    spans = [words_span(page, "SỞ TÀI NGUYÊN", first[3]), words_span(page, "VÀ MÔI TRƯỜNG", second[3])]
    longest = max(x1 - x0 for x0, x1, _ in spans)
    r0, r1 = rule_below(page, spans[1][0], spans[1][1], spans[1][2])
    assert longest / 3 - 1 <= r1 - r0 <= longest / 2 + 1
    centre = (spans[1][0] + spans[1][1]) / 2
    assert abs((r0 + r1) / 2 - centre) < 2 * MM


def test_page_numbers(pdf):
    top_words = [[w["text"] for w in page.extract_words() if w["top"] < 18 * MM] for page in pdf.pages[:2]]
    assert top_words[0] == []
    assert top_words[1] == ["2"]
    two = next(w for w in pdf.pages[1].extract_words() if w["top"] < 18 * MM)
    assert abs((two["x0"] + two["x1"]) / 2 - (30 + 165 / 2) * MM) < 3 * MM


def test_appendix_is_landscape_and_keeps_the_header_row(pdf):
    landscape = [p for p in pdf.pages if p.width > p.height]
    assert landscape, "no landscape page"
    first = landscape[0]
    text = unicodedata.normalize("NFC", first.extract_text())
    assert "Phụ lục" in text and "Nội dung công việc" in text
    assert all(p.width < p.height for p in pdf.pages[: pdf.pages.index(first)])
    for page in landscape[1:]:
        assert "Nội dung công việc" in unicodedata.normalize("NFC", page.extract_text())


def test_only_times_new_roman_compatible_fonts(pdf):
    fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert fonts and all(f.startswith(("LiberationSerif", "TimesNewRoman")) for f in fonts), fonts


def test_signature_block_stays_together(pdf):
    pages = [unicodedata.normalize("NFC", p.extract_text()) for p in pdf.pages]
    holder = [i for i, t in enumerate(pages) if "Nơi nhận:" in t]
    assert len(holder) == 1
    assert "Lê Ngọc Huấn" in pages[holder[0]] and "GIÁM ĐỐC" in pages[holder[0]]
