"""Writing the plan's own year as ``{{ nam }}``, so next year's copy needs one edit (``nam``).

Only "năm 2024" that means *this plan's* year is replaced; ``conventions.years`` decides, for the
lint and rollover too (a citation, a law's name, a date and a range keep their year).
"""

from __future__ import annotations

import unicodedata

from hanhchinh_docs.conventions.years import YearRole, year_mentions

YEAR_VARIABLE = "{{ nam }}"

_JINJA_MARKERS = ("{{", "{%", "{#")


def literal(text: str) -> str:
    """A text the loader's ``{{ }}`` expansion gives back unchanged: one holding ``{{``, ``{%`` or
    ``{#`` is wrapped in ``{% raw %}``."""
    if any(marker in text for marker in _JINJA_MARKERS):
        return "{% raw %}" + text + "{% endraw %}"
    return text


def with_year_variable(text: str, year: int) -> str:
    """Replace the mentions of ``year`` that are the plan's own (``YearRole.OWN``) by ``{{ nam }}``
    (see ``literal`` for texts that hold template markers: they are left as they are)."""
    if literal(text) != text:
        return literal(text)
    text = unicodedata.normalize("NFC", text)
    for mention in reversed(year_mentions(text)):
        if mention.year == year and mention.role is YearRole.OWN:
            text = text[:mention.start] + YEAR_VARIABLE + text[mention.end:]
    return text


def years_mentioned(text: str) -> set[int]:
    """Every year written as the text's own ("năm 2024", not a range, date or citation): to guess the plan's year."""
    return {m.year for m in year_mentions(text) if m.role is YearRole.OWN}
