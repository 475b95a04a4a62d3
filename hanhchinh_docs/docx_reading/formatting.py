"""Resolves inherited formatting the way Word does, once, for every reader of a .docx.

A run's property comes from the first level that sets it: direct formatting, then the character
style chain, the paragraph style chain, the table style, then the document defaults. Toggle
properties (bold, italic, caps) set by more than one kind of style cancel out, as in Word.
A theme font (``w:asciiTheme``...) overrides an explicit name on the same level and is reported
as ``theme:<name>``: it is never Times New Roman for the checker, since the theme decides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from docx.shared import Length

from hanhchinh_docs.docx_reading.numbering import Numbering
from hanhchinh_docs.docx_reading.values import MAX_LEVEL, MAX_TWIPS, bounded_int, content_key, int_attr, qn, twips

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_FALSE = ("0", "false", "off")


def on_off(element) -> bool | None:
    """A toggle/on-off element: absent -> None, ``w:val="0"`` -> False, otherwise True."""
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in _FALSE


@dataclass(frozen=True)
class RunFormat:
    """The effective look of a run. ``size`` is in points (None: not set anywhere)."""

    size: float | None
    bold: bool
    italic: bool
    caps: bool
    underline: bool
    hidden: bool
    color: str | None            # hex or "auto"; None when never set (prints black)
    theme_color: str | None
    fonts: dict[str, str | None] = field(default_factory=dict)  # slot -> name or "theme:..."
    complex_script: bool = False
    hint: str | None = None
    spacing: float = 0.0         # points added after each character (w:spacing; negative: condensed)


@dataclass(frozen=True)
class ParagraphFormat:
    """The effective paragraph properties the rules judge."""

    alignment: str | None        # w:jc value, normalised: left/center/right/both/distribute
    left: Length
    right: Length
    first_line: Length           # negative for a hanging indent
    first_line_chars: float | None   # set in hundredths of a character (East Asian Word)
    before: float | None         # points; None = "auto" spacing
    after: float | None
    line: float | None           # lines (auto rule) or points (exact / atLeast)
    line_rule: str               # "auto" | "exact" | "atLeast"
    contextual: bool
    border_top: bool
    border_bottom: bool
    frame: tuple | None          # the w:framePr attributes, when the paragraph sits in a text frame
    style_id: str | None
    tab_stops: tuple[Length, ...] = ()   # custom tab stops from the margin, in order (bar tabs print no stop)


def _normal_alignment(value: str | None) -> str | None:
    return {"start": "left", "end": "right", "justify": "both"}.get(value, value)


class StyleSheet:
    """``styles.xml`` as lookups: style elements by id, their chains, and the document defaults."""

    def __init__(self, styles_element):
        self._styles: dict[str, object] = {}
        self.default_paragraph_style: str | None = None
        self.doc_rpr = None
        self.doc_ppr = None
        if styles_element is None:
            return
        for style in styles_element.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self._styles[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and _on_attr(style.get(qn("w:default"))):
                self.default_paragraph_style = style_id
        defaults = styles_element.find(qn("w:docDefaults"))
        if defaults is not None:
            self.doc_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
            self.doc_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, style_id: str | None) -> list:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        out, seen = [], set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def has(self, style_id: str | None) -> bool:
        return style_id in self._styles

    def name(self, style_id: str | None) -> str | None:
        """The style's name as Word shows it (kept when an editor rewrites the id)."""
        style = self._styles.get(style_id) if style_id else None
        element = style.find(qn("w:name")) if style is not None else None
        return element.get(qn("w:val")) if element is not None else None

    def style_props(self, style_id: str | None, tag: str) -> list:
        """The ``w:pPr`` or ``w:rPr`` of each style in the chain, nearest first."""
        return [p for p in (s.find(qn(tag)) for s in self.chain(style_id)) if p is not None]

    def numbering_ref(self, ppr, style_id: str | None) -> tuple[str, int] | None:
        """(numId, level) of a paragraph's automatic numbering, from its pPr or its style chain.

        None when it has none, or when ``numId`` 0 switches the style's numbering off.
        """
        for props in ([ppr] if ppr is not None else []) + self.style_props(style_id, "w:pPr"):
            num_pr = props.find(qn("w:numPr"))
            if num_pr is None:
                continue
            num_id = num_pr.find(qn("w:numId"))
            level = num_pr.find(qn("w:ilvl"))
            if num_id is None:
                continue
            value = num_id.get(qn("w:val"), "0")
            if value == "0":
                return None
            return value, int_attr(level, "w:val", 0, MAX_LEVEL, 0)
        return None


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE


class RunContext(NamedTuple):
    """Where a run's inherited properties come from (a tuple: made and hashed for every run)."""

    run_style: str | None
    paragraph_style: str | None
    table_style: str | None


class Resolver:
    """Effective run and paragraph formatting over one document's styles and numbering."""

    def __init__(self, styles: StyleSheet, numbering: Numbering):
        self.styles = styles
        self.numbering = numbering
        self._runs: dict[tuple, RunFormat] = {}
        self._paragraphs: dict[tuple, tuple] = {}

    # -- runs ---------------------------------------------------------------------------
    def _style_levels(self, ctx: RunContext) -> list[list]:
        """rPr lists per kind of style: character chain, paragraph chain, table style chain."""
        paragraph_style = ctx.paragraph_style if self.styles.has(ctx.paragraph_style) \
            else self.styles.default_paragraph_style
        return [
            self.styles.style_props(ctx.run_style, "w:rPr"),
            self.styles.style_props(paragraph_style, "w:rPr"),
            self.styles.style_props(ctx.table_style, "w:rPr"),
        ]

    def run_format(self, rpr, ctx: RunContext) -> RunFormat:
        """The run's effective format; resolved once per distinct (rPr, styles): a long table repeats
        the same few formats thousands of times."""
        key = (content_key(rpr), ctx)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = self._run_format(rpr, ctx)
        return found

    def _run_format(self, rpr, ctx: RunContext) -> RunFormat:
        levels = self._style_levels(ctx)
        ordered = ([rpr] if rpr is not None else []) + [p for kind in levels for p in kind]
        defaults = [self.styles.doc_rpr] if self.styles.doc_rpr is not None else []

        def first(getter: Callable) -> object:
            for props in ordered + defaults:
                value = getter(props)
                if value is not None:
                    return value
            return None

        def toggle(tag: str) -> bool:
            direct = on_off(rpr.find(qn(tag))) if rpr is not None else None
            if direct is not None:
                return direct
            found = [_first_on(kind, tag) for kind in levels]
            found = [value for value in found if value is not None]
            if found:
                result = False
                for value in found:
                    result ^= value
                return result
            return bool(_first_on(defaults, tag))

        size = first(lambda p: _half_points(p.find(qn("w:sz"))))
        underline = first(lambda p: _underline(p.find(qn("w:u"))))
        color_el = first(lambda p: p.find(qn("w:color")))
        fonts = {slot: first(lambda p, s=slot: _font_slot(p, s)) for slot in FONT_SLOTS}
        hint = first(lambda p: p.find(qn("w:rFonts")).get(qn("w:hint"))
                     if p.find(qn("w:rFonts")) is not None else None)
        spacing = first(lambda p: _character_spacing(p.find(qn("w:spacing"))))
        return RunFormat(
            size=size,
            bold=toggle("w:b"),
            italic=toggle("w:i"),
            caps=toggle("w:caps"),
            underline=bool(underline),
            hidden=toggle("w:vanish"),
            color=color_el.get(qn("w:val")) if color_el is not None else None,
            theme_color=color_el.get(qn("w:themeColor")) if color_el is not None else None,
            fonts=fonts,
            complex_script=toggle("w:cs") or toggle("w:rtl"),
            hint=hint,
            spacing=spacing or 0.0,
        )

    # -- paragraphs ---------------------------------------------------------------------
    def paragraph_style_id(self, ppr) -> str | None:
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style.get(qn("w:val")) if style is not None else None
        return style_id if self.styles.has(style_id) else self.styles.default_paragraph_style

    def paragraph(self, ppr, table_style: str | None) -> tuple[str | None, tuple[str, int] | None, ParagraphFormat]:
        """The paragraph's style, list (numId, level) and effective format, worked out once per distinct
        (pPr, table style): a long table repeats the same few paragraph kinds thousands of times."""
        key = (content_key(ppr), table_style)
        found = self._paragraphs.get(key)
        if found is None:
            style_id = self.paragraph_style_id(ppr)
            numbering = self.styles.numbering_ref(ppr, style_id)
            found = self._paragraphs[key] = (style_id, numbering, self._paragraph_format(ppr, table_style, numbering))
        return found

    def _paragraph_format(self, ppr, table_style: str | None, numbering: tuple[str, int] | None) -> ParagraphFormat:
        style_id = self.paragraph_style_id(ppr)
        levels = ([ppr] if ppr is not None else []) + self.styles.style_props(style_id, "w:pPr")
        level_ppr = self.numbering.level_ppr(*numbering) if numbering else None
        if level_ppr is not None:
            levels.append(level_ppr)
        levels += self.styles.style_props(table_style, "w:pPr")
        if self.styles.doc_ppr is not None:
            levels.append(self.styles.doc_ppr)

        def attr(tag: str, *names: str) -> str | None:
            for props in levels:
                element = props.find(qn(tag))
                if element is None:
                    continue
                for name in names:
                    value = element.get(qn(f"w:{name}"))
                    if value is not None:
                        return value
            return None

        def flag(tag: str) -> bool:
            for props in levels:
                value = on_off(props.find(qn(tag)))
                if value is not None:
                    return value
            return False

        def border(side: str) -> bool:
            for props in levels:
                borders = props.find(qn("w:pBdr"))
                edge = borders.find(qn(f"w:{side}")) if borders is not None else None
                if edge is not None:
                    return edge.get(qn("w:val"), "nil") not in ("nil", "none")
            return False

        first_line, chars = self._first_line(levels)
        line_rule = attr("w:spacing", "lineRule") or "auto"
        line_raw = bounded_int(attr("w:spacing", "line"), 0, 31_680)
        if line_raw is None:
            line = None
        elif line_rule == "auto":
            line = line_raw / 240
        else:
            line = line_raw / 20
        frame = next((props.find(qn("w:framePr")) for props in levels
                      if props.find(qn("w:framePr")) is not None), None)
        return ParagraphFormat(
            alignment=_normal_alignment(attr("w:jc", "val")),
            left=twips(attr("w:ind", "left", "start")) or Length(0),
            right=twips(attr("w:ind", "right", "end")) or Length(0),
            first_line=first_line,
            first_line_chars=chars,
            before=_spacing_pt(levels, "before"),
            after=_spacing_pt(levels, "after"),
            line=line,
            line_rule=line_rule,
            contextual=flag("w:contextualSpacing"),
            border_top=border("top"),
            border_bottom=border("bottom"),
            frame=tuple(sorted(frame.attrib.items())) if frame is not None else None,
            style_id=style_id,
            tab_stops=_tab_stops(levels),
        )

    @staticmethod
    def _first_line(levels: list) -> tuple[Length, float | None]:
        """First-line indent (negative when hanging) from the first level that sets either."""
        for props in levels:
            ind = props.find(qn("w:ind"))
            if ind is None:
                continue
            chars = bounded_int(ind.get(qn("w:firstLineChars")) or ind.get(qn("w:hangingChars")), 0, 10_000, 0)
            hanging = twips(ind.get(qn("w:hanging")))
            first = twips(ind.get(qn("w:firstLine")))
            if chars:
                sign = -1 if ind.get(qn("w:hangingChars")) else 1
                return Length(0), sign * chars / 100
            if hanging is not None:
                return Length(-hanging), None
            if first is not None:
                return first, None
        return Length(0), None


def _tab_stops(levels: list) -> tuple[Length, ...]:
    """Tab stops as Word merges them: each level, from the farthest (defaults, styles) to the paragraph
    itself, adds its stops and removes those it clears (``w:val="clear"``)."""
    stops: dict[int, str] = {}
    for props in reversed(levels):
        tabs = props.find(qn("w:tabs"))
        for tab in (tabs.findall(qn("w:tab")) if tabs is not None else ()):
            position = bounded_int(tab.get(qn("w:pos")), -MAX_TWIPS, MAX_TWIPS)
            if position is None:
                continue
            kind = tab.get(qn("w:val"), "left")
            if kind == "clear":
                stops.pop(position, None)
            else:
                stops[position] = kind
    return tuple(twips(str(position)) for position, kind in sorted(stops.items()) if kind != "bar")


def _first_on(props_list: Iterable, tag: str) -> bool | None:
    for props in props_list:
        value = on_off(props.find(qn(tag)))
        if value is not None:
            return value
    return None


def _half_points(element) -> float | None:
    value = int_attr(element, "w:val", 1, 3276)
    return value / 2 if value is not None else None


def _character_spacing(element) -> float | None:
    """w:spacing of a run: twentieths of a point added after each character (Word allows ±1584 pt)."""
    value = int_attr(element, "w:val", -31_680, 31_680)
    return value / 20 if value is not None else None


def _underline(element) -> bool | None:
    if element is None:
        return None
    return element.get(qn("w:val"), "single") != "none"


def _font_slot(rpr, slot: str) -> str | None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    theme = fonts.get(qn(f"w:{_THEME_ATTR[slot]}"))
    if theme:
        return f"theme:{theme}"
    return fonts.get(qn(f"w:{slot}"))


def _spacing_pt(levels: list, side: str) -> float | None:
    """Space before/after in points; None when Word's "auto" spacing (HTML-like, 14 pt) is on.

    ``beforeLines``/``afterLines`` (hundredths of a line) win over ``before``/``after``.
    """
    for props in levels:
        spacing = props.find(qn("w:spacing"))
        if spacing is None:
            continue
        if _on_attr(spacing.get(qn(f"w:{side}Autospacing"))):
            return None
        lines = bounded_int(spacing.get(qn(f"w:{side}Lines")), 0, 10_000)
        if lines:
            return lines / 100 * 12
        value = bounded_int(spacing.get(qn(f"w:{side}")), 0, 31_680)
        if value is not None:
            return value / 20
    return 0.0
