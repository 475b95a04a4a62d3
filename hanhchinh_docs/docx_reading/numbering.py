"""List numbering: the labels ("I.", "1.", "a)") Word draws from numbering.xml, not in the text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hanhchinh_docs.conventions.numbering import roman
from hanhchinh_docs.docx_reading.values import MAX_LEVEL, MAX_START, int_attr, qn


class ListDefinitions:
    """numbering.xml as lookups: the ``w:lvl`` of a list level, and the restarts a list asks for.

    A paragraph names a list (``numId``); the list points at an abstract definition holding the
    levels, and may override where some levels start.
    """

    def __init__(self, numbering_element):
        self._nums: dict[str, tuple[str | None, dict[int, int]]] = {}
        self._abstract: dict[str, dict[int, object]] = {}
        if numbering_element is None:
            return
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels.setdefault(int_attr(lvl, "w:ilvl", 0, MAX_LEVEL, 0), lvl)
            self._abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in numbering_element.findall(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int_attr(override, "w:ilvl", 0, MAX_LEVEL, 0)] = int_attr(start, "w:val", 0, MAX_START, 1)
            self._nums[num.get(qn("w:numId"))] = (
                abstract_id.get(qn("w:val")) if abstract_id is not None else None, overrides)

    def abstract_id(self, num_id: str) -> str | None:
        return self._nums.get(num_id, (None, {}))[0]

    def start_overrides(self, num_id: str) -> dict[int, int]:
        """Level -> the number list ``num_id`` restarts that level at."""
        return self._nums.get(num_id, (None, {}))[1]

    def level(self, num_id: str, level: int):
        """The ``w:lvl`` element defining ``level`` of list ``num_id``, or None."""
        return self._abstract.get(self.abstract_id(num_id), {}).get(level)


def start_of(lvl) -> int:
    """Where a list level starts counting (``w:start``, 1 when absent), within Word's range."""
    return int_attr(lvl.find(qn("w:start")), "w:val", 0, MAX_START, 1)


def value_of(element, tag: str) -> str | None:
    """``w:val`` of the child ``tag`` (e.g. ``w:numFmt``), or None when there is no such child."""
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def latin_letter(index: int) -> str:
    """Word's ``lowerLetter`` for a 0-based index: a ... z, then aa ... zz ("" below 0)."""
    return chr(ord("a") + index % 26) * (index // 26 + 1)


def format_number(value: int, fmt: str | None, letter: Callable[[int], str] = latin_letter) -> str:
    """A counter in a list level's ``numFmt``; ``letter`` spells the 0-based letter index."""
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(max(value, 1))
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        text = letter(value - 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)


@dataclass(frozen=True)
class ListItem:
    """A numbered paragraph's place in its list, kept as numbers so each reader may spell the label.

    ``format`` is None when numbering.xml does not define the level (Word then draws nothing).
    """

    level: int
    value: int                    # this level's counter
    format: str | None            # the level's numFmt: decimal, upperRoman, lowerLetter, bullet, none...
    template: str                 # the level's lvlText: "%1.", "%1.%2.", a bullet symbol
    numbers: tuple[tuple[int, int, str | None], ...] = ()   # (level, value, numFmt) of each %n in the template

    def spell(self, letter: Callable[[int], str] = latin_letter) -> str:
        """The label as Word draws it, letters spelled by ``letter`` ("" when the level is undefined)."""
        if self.format is None:
            return ""
        text = self.template
        for level, value, fmt in self.numbers:
            text = text.replace(f"%{level + 1}", format_number(value, fmt, letter))
        return text


class Numbering:
    """Automatic list labels ("I.", "1.", "a)") that Word draws but the text does not contain.

    Counters run per abstract definition, as in Word (and LibreOffice): lists sharing one continue
    each other ("I.", "II." then "III." in the second list) unless a list restarts a level
    (``w:startOverride``) the first time it is used.
    """

    def __init__(self, numbering_element):
        self.definitions = ListDefinitions(numbering_element)
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()

    def level_ppr(self, num_id: str, level: int):
        lvl = self.definitions.level(num_id, level)
        return lvl.find(qn("w:pPr")) if lvl is not None else None

    def next_item(self, num_id: str, level: int) -> ListItem:
        """Advance the list's counter for one more paragraph at ``level`` and say where it stands."""
        lvl = self.definitions.level(num_id, level)
        abstract = self.definitions.abstract_id(num_id)
        counters = self._counters.setdefault(abstract if abstract is not None else f"num {num_id}", {})
        if num_id not in self._started:
            self._started.add(num_id)
            for override_level, start in self.definitions.start_overrides(num_id).items():
                counters[override_level] = start - 1
        start = start_of(lvl) if lvl is not None else 1
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if lvl is None:
            return ListItem(level, counters[level], None, "")
        text = value_of(lvl, "w:lvlText") or ""
        numbers = []
        for index in range(MAX_LEVEL + 1):
            if f"%{index + 1}" in text:
                sub = self.definitions.level(num_id, index)
                value = counters.get(index, start_of(sub) if sub is not None else 1)
                numbers.append((index, value, value_of(sub, "w:numFmt") if sub is not None else None))
        return ListItem(level, counters[level], value_of(lvl, "w:numFmt") or "decimal", text, tuple(numbers))
