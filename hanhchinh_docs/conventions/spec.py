"""The ND30 format rules as typed values, read once from ``data/nd30.yaml``.

The checker accepts the ranges, the renderer uses the sample values: both read this one spec,
so neither holds numbers of its own and they cannot drift apart. Pure: lengths are the small
``Length`` value type of ``conventions.units``, not python-docx's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from hanhchinh_docs.conventions.units import Cm, Emu, Length, Mm, Twips


def number_text(value: float) -> str:
    """``13.0`` -> ``"13"``, ``1.27`` -> ``"1,27"`` (Vietnamese decimal comma)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass(frozen=True)
class Range:
    """An inclusive range of allowed values in one unit (pt, mm, cm, lines)."""

    low: float
    high: float
    unit: str

    def contains(self, value: float, tolerance: float = 0.0) -> bool:
        return self.low - tolerance <= value <= self.high + tolerance

    def text(self) -> str:
        """``"13 đến 14 pt"``, or ``"13 pt"`` for a fixed value."""
        unit = f" {self.unit}" if self.unit else ""
        if self.low == self.high:
            return f"{number_text(self.low)}{unit}"
        return f"{number_text(self.low)} đến {number_text(self.high)}{unit}"


@dataclass(frozen=True)
class ElementSpec:
    """How one element is typeset; ``None`` means the decree does not regulate that attribute."""

    id: str
    size: Range | None
    sample_size: float | None
    case: str | None      # "upper" | "normal"
    bold: bool | None
    italic: bool | None
    align: str | None     # "center" | "justify" | "left"


@dataclass(frozen=True)
class Tolerances:
    line_length_ratio: float
    margin: Length
    centre: Length
    addressee_dash_after: Length
    indent: Length
    line_spacing_lines: float
    size_pt: float


@dataclass(frozen=True)
class Spec:
    """Everything the rules compare against."""

    paper: tuple[Length, Length]
    paper_tolerance: Length
    margins: dict[str, Range]                 # mm, keys top/bottom/left/right
    page_number_size: Range
    font_family: str
    black_colors: frozenset[str]
    elements: dict[str, ElementSpec]
    first_line_indents: tuple[Length, ...]
    min_space_between_pt: float
    line_spacing: Range                       # in lines
    short_lines: dict[str, Range]             # ratio of the line to its text line
    tolerances: Tolerances
    single_line_em: float
    default_cell_margin: Length
    textbox_inset: Length

    def element(self, element_id: str) -> ElementSpec:
        return self.elements[element_id]


def _range(values: list[float], unit: str) -> Range:
    low, high = values
    return Range(float(low), float(high), unit)


def _element(element_id: str, raw: dict) -> ElementSpec:
    size = raw.get("size_pt")
    return ElementSpec(
        id=element_id,
        size=_range(size, "pt") if size else None,
        sample_size=raw.get("sample_size_pt"),
        case=raw.get("case"),
        bold=raw.get("bold"),
        italic=raw.get("italic"),
        align=raw.get("align"),
    )


def parse_spec(raw: dict) -> Spec:
    page, tolerances, measure = raw["page"], raw["tolerances"], raw["measure"]
    width, height = page["paper_mm"]
    return Spec(
        paper=(Mm(width), Mm(height)),
        paper_tolerance=Mm(page["paper_tolerance_mm"]),
        margins={side: _range(values, "mm") for side, values in page["margins_mm"].items()},
        page_number_size=_range(page["page_number"]["size_pt"], "pt"),
        font_family=raw["font"]["family"],
        black_colors=frozenset(str(c).lower() for c in raw["font"]["black"]),
        elements={key: _element(key, value) for key, value in raw["elements"].items()},
        first_line_indents=tuple(Cm(v) for v in raw["paragraph"]["first_line_indent_cm"]),
        min_space_between_pt=float(raw["paragraph"]["min_space_between_pt"]),
        line_spacing=_range(raw["paragraph"]["line_spacing_lines"], "dòng"),
        short_lines={key: _range(values, "") for key, values in raw["short_lines"].items()},
        tolerances=Tolerances(
            line_length_ratio=float(tolerances["line_length_ratio"]),
            margin=Mm(tolerances["margin_mm"]),
            centre=Mm(tolerances["centre_mm"]),
            addressee_dash_after=Mm(tolerances["addressee_dash_after_mm"]),
            indent=Cm(tolerances["indent_cm"]),
            line_spacing_lines=float(tolerances["line_spacing_lines"]),
            size_pt=float(tolerances["size_pt"]),
        ),
        single_line_em=float(measure["single_line_em"]),
        default_cell_margin=Twips(measure["default_cell_margin_twips"]),
        textbox_inset=Emu(measure["textbox_inset_emu"]),
    )


@lru_cache(maxsize=1)
def load_spec() -> Spec:
    """The spec shipped in the package (``hanhchinh_docs/data/nd30.yaml``)."""
    text = resources.files("hanhchinh_docs.data").joinpath("nd30.yaml").read_text("utf-8")
    return parse_spec(yaml.safe_load(text))
