"""Which year a "năm 2024" in a text is: the document's own, or part of something else.

One classifier for the lint (a stray year), rollover (which years to change) and import (which
years become ``{{ nam }}``), so the three never disagree. A year belongs to:

- a range: "2021-2030", "giai đoạn 2021 - 2025", "2021 - năm 2024", "từ năm 2021 đến năm 2025",
  "đến năm 2030";
- a citation of another document: its number or symbol ("30/2020/NĐ-CP"), its date and title
  ("Kế hoạch số 08/KH-UBND ngày 08/01/2024 ... về CCHC năm 2024", up to the end of the clause or
  the title's first year), a law's name ("Luật Đất đai năm 2024");
- a date: "08/01/2024", "ngày 05 tháng 01 năm 2024"; or a month: "tháng 3/2024", "tháng 3 năm 2024";
- a period written with a slash: "Quý IV/2023";
- the text's own year: "năm 2024" anywhere else (the only kind import and rollover may change);
- or none of these: digits with no "năm" before them ("Kế hoạch 2024"), left for a person to judge.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from hanhchinh_docs.conventions.abbreviations import DOCUMENT_TYPES


class YearRole(enum.Enum):
    OWN = "năm của chính văn bản"
    CITATION = "năm trong trích dẫn văn bản khác"
    DATE = "ngày tháng"
    MONTH = "tháng của năm"
    PERIOD = "kỳ của năm"
    RANGE = "giai đoạn"
    BARE = "số năm đứng riêng"


@dataclass(frozen=True)
class YearMention:
    year: int
    start: int
    """Offset of the year's digits in the (NFC) text."""
    end: int
    role: YearRole
    citation: str | None = None
    """For ``CITATION``: the words that open the citation ("Kế hoạch số 08/KH-UBND", "Luật Đất đai")."""


_YEAR = re.compile(r"(?<![\d])(?P<year>1[89]\d\d|2[01]\d\d)(?![\d])")
_DASH = r"[-–—]"
_RANGE_BEFORE = re.compile(
    rf"(?:\d{{4}}\s*{_DASH}\s*(?:năm\s+)?|\d{{4}}\s+(?:đến|tới)\s+(?:năm\s+)?|\b(?:đến|tới|từ)\s+(?:năm\s+)?)$",
    re.IGNORECASE)
_RANGE_AFTER = re.compile(rf"^(?:\s*{_DASH}\s*(?:năm\s+)?\d{{4}}|\s+(?:đến|tới)\s+(?:năm\s+)?\d{{4}})", re.IGNORECASE)
_DATE_BEFORE = re.compile(
    r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)$", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:tháng\s+\d{1,2}\s*(?:năm\s+|[/.\-]\s*)|\b\d{1,2}\s*/\s*)$", re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"/\s*$")
_OWN_BEFORE = re.compile(r"\bnăm\s+$", re.IGNORECASE)
_SYMBOL_AROUND = re.compile(r"\d+/\d{4}/[A-ZĐ]")

CITED_TYPES = sorted({*DOCUMENT_TYPES, "Luật", "Bộ luật", "Pháp lệnh", "Nghị định", "Thông tư liên tịch", "Thông tư",
                 "Công văn", "Văn bản", "Kết luận", "Chỉ thị", "Nghị quyết", "Quyết định"}, key=len, reverse=True)
"""Names of documents a text cites, longest first ("Thông tư liên tịch" before "Thông tư")."""
_CITED = re.compile(
    r"\bsố\s+\d+[\w.\-]*\s*/\s*[\wĐđ.\-/]*\w"                                          # số 08/KH-UBND
    rf"|\b(?:{'|'.join(re.escape(t) for t in CITED_TYPES)})\s+\d+(?:\s*[/\-]\s*[\wĐđ.]+)+"  # Quyết định 12/QĐ-UBND
    r"|\b\d+/\d{4}/[A-ZĐ][\w\-]*",                                                     # 30/2020/NĐ-CP
    re.IGNORECASE)
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_LAW = re.compile(r"\b(?:Bộ luật|Luật|Hiến pháp|Pháp lệnh)"
                  rf"(?:\s+(?!năm\b)[^\s\d;,.:()]+(?:,(?=\s+[{_LOWER}]))?){{0,6}}\s+năm\s+\d{{4}}")
"""A law named with its year: "Luật Đất đai năm 2024", "Luật Phòng, chống thiên tai năm 2013" (a comma
inside the name is followed by a small letter; "Luật Đất đai, Sở ... năm 2024" is two clauses)."""
_CLAUSE_END = re.compile(r"[;:\n]|\.(?=\s|$)")


def year_mentions(text: str) -> list[YearMention]:
    """Every year (1800-2199) written in ``text``, in order, with its role (see the module docstring).

    Offsets refer to ``unicodedata.normalize("NFC", text)``, which callers should edit.
    """
    text = unicodedata.normalize("NFC", text)
    if _YEAR.search(text) is None:
        return []  # most texts of a long task list have no year: skip the citation scan
    citations = _citation_spans(text)
    mentions = []
    for match in _YEAR.finditer(text):
        start, end = match.span()
        before, after = text[:start], text[end:]
        citation = next((name for a, b, name in citations if a <= start < b), None)
        if _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
            role = YearRole.RANGE
        elif citation is not None:
            role = YearRole.CITATION
        elif _DATE_BEFORE.search(before):
            role = YearRole.DATE
        elif _MONTH_BEFORE.search(before):
            role = YearRole.MONTH
        elif _PERIOD_BEFORE.search(before):
            role = YearRole.PERIOD
        elif _OWN_BEFORE.search(before):
            role = YearRole.OWN
        else:
            role = YearRole.BARE
        mentions.append(YearMention(int(match["year"]), start, end, role, citation))
    return mentions


def _citation_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, reference) of each citation. A numbered citation runs to the end of its
    clause or to the first "năm YYYY" after its date (the cited title's year), whichever comes first."""
    spans = [(m.start(), m.end(), " ".join(m.group(0).split()[:-2])) for m in _LAW.finditer(text)]
    for cited in _CITED.finditer(text):
        stop = _CLAUSE_END.search(text, cited.end())
        end = stop.start() if stop else len(text)
        for match in _YEAR.finditer(text, cited.end(), end):
            before = text[:match.start()]
            if _OWN_BEFORE.search(before) and not (_DATE_BEFORE.search(before) or _MONTH_BEFORE.search(before)):
                end = match.end()
                break
        spans.append((cited.start(), end, " ".join(cited.group(0).split())))
    return spans
