"""List numbering: the labels ("I.", "1.", "a)") Word draws from numbering.xml, not in the text."""

from __future__ import annotations

from docx.oxml.ns import qn

from hanhchinh_docs.conventions.numbering import roman


class Numbering:
    """Automatic list labels ("I.", "1.", "a)") that Word draws but the text does not contain."""

    def __init__(self, numbering_element):
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._abstract: dict[str, dict[int, object]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.findall(qn("w:abstractNum")):
            levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.findall(qn("w:lvl"))}
            self._abstract[abstract.get(qn("w:abstractNumId"))] = levels
        for num in numbering_element.findall(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl")))] = int(start.get(qn("w:val")))
            if abstract_id is not None:
                self._nums[num.get(qn("w:numId"))] = (abstract_id.get(qn("w:val")), overrides)

    def _level(self, num_id: str, level: int):
        abstract_id, _ = self._nums.get(num_id, (None, {}))
        return self._abstract.get(abstract_id, {}).get(level)

    def level_ppr(self, num_id: str, level: int):
        lvl = self._level(num_id, level)
        return lvl.find(qn("w:pPr")) if lvl is not None else None

    def next_label(self, num_id: str, level: int) -> str:
        """Advance the list's counter and return the label Word shows (with its trailing space)."""
        lvl = self._level(num_id, level)
        if lvl is None:
            return ""
        abstract_id, overrides = self._nums[num_id]
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for override_level, start in overrides.items():
                counters[override_level] = start - 1
        start = int(_val(lvl, "w:start") or 1)
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        text = _val(lvl, "w:lvlText") or ""
        for index in range(9):
            if f"%{index + 1}" in text:
                sub = self._level(num_id, index)
                value = counters.get(index, int(_val(sub, "w:start") or 1) if sub is not None else 1)
                text = text.replace(f"%{index + 1}", _format_number(value, _val(sub, "w:numFmt") if sub is not None else None))
        return text + " " if text else ""


def _val(element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _format_number(value: int, fmt: str | None) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(max(value, 1))
        return text if fmt == "upperRoman" else text.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(value)
