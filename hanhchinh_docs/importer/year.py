"""Writing the plan's own year as ``{{ nam }}``, so next year's copy needs one edit (``nam``).

Only "năm 2024" that means *this plan's* year is replaced. Left literal, as the example plan
explains: the year inside a citation ("Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về
... năm 2024": the cited document's title), a written-out date ("ngày 05 tháng 01 năm 2024") and
a range ("năm 2024-2025", "giai đoạn 2021-2030").
"""

from __future__ import annotations

import re

YEAR_VARIABLE = "{{ nam }}"

_JINJA_MARKERS = ("{{", "{%", "{#")

_CITATION = re.compile(r"\bsố\s+\d+[\w.\-]*/[\wĐđ.\-/]*\w", re.IGNORECASE)
"""A cited document's number and symbol: "số 08/KH-UBND", "số 12-NQ/TU", "số 3504/QĐ-UBND"."""

_CITATION_END = re.compile(r"[;:]|\.(?=\s|$)")


def _year_mention(year: int) -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\d)(?<![-–]\s)(?<![-–])\b(?P<word>năm)\s+{year}\b(?!\s*[-–]\s*\d{{4}})(?![\d/])",
        re.IGNORECASE)


_DATE_BEFORE = re.compile(r"tháng\s+\d{1,2}\s*$", re.IGNORECASE)


def _citation_spans(text: str, mention: re.Pattern[str]) -> list[tuple[int, int]]:
    """From each cited number to the end of the cited title: its first year mention, or the ';', ':'
    or full stop that ends the clause."""
    spans = []
    for cited in _CITATION.finditer(text):
        ends = [len(text)]
        if (stop := _CITATION_END.search(text, cited.end())) is not None:
            ends.append(stop.start())
        if (first_year := mention.search(text, cited.end())) is not None:
            ends.append(first_year.end())
        spans.append((cited.start(), min(ends)))
    return spans


def literal(text: str) -> str:
    """A text the loader's ``{{ }}`` expansion gives back unchanged: one holding ``{{``, ``{%`` or
    ``{#`` is wrapped in ``{% raw %}``."""
    if any(marker in text for marker in _JINJA_MARKERS):
        return "{% raw %}" + text + "{% endraw %}"
    return text


def with_year_variable(text: str, year: int) -> str:
    """Replace the mentions of ``year`` that mean the plan's own year by ``{{ nam }}`` (see ``literal``
    for texts that hold template markers: they are left as they are)."""
    if literal(text) != text:
        return literal(text)
    mention = _year_mention(year)
    protected = _citation_spans(text, mention)

    def replace(match: re.Match[str]) -> str:
        start = match.start()
        if any(a <= start < b for a, b in protected) or _DATE_BEFORE.search(text, 0, start):
            return match[0]
        return f"{match['word']} {YEAR_VARIABLE}"

    return mention.sub(replace, text)


def years_mentioned(text: str) -> set[int]:
    """Every "năm YYYY" in ``text`` that is not part of a range: to guess the plan's year."""
    return {int(y) for y in re.findall(r"\bnăm\s+(\d{4})\b(?!\s*[-–]\s*\d{4})", text, re.IGNORECASE)}
