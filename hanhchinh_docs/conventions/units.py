"""Lengths without python-docx: an EMU integer that compares and adds with python-docx's ``Length``.

The pure layers (the ND30 spec, text widths) measure with it; python-docx accepts it wherever it
takes a length, because it is an int.
"""

from __future__ import annotations

EMU_PER_MM = 36000
EMU_PER_PT = 12700
EMU_PER_TWIP = 635


class Length(int):
    """A length in EMU (English Metric Units), like python-docx's ``Length``, which it compares
    and adds with; a plain int is accepted wherever python-docx takes a length."""

    @property
    def mm(self) -> float:
        return self / EMU_PER_MM

    @property
    def cm(self) -> float:
        return self / (EMU_PER_MM * 10)

    @property
    def pt(self) -> float:
        return self / EMU_PER_PT

    @property
    def twips(self) -> int:
        return round(self / EMU_PER_TWIP)

    @property
    def emu(self) -> int:
        return int(self)


def Mm(value: float) -> Length:  # noqa: N802 - reads like python-docx's constructor
    return Length(int(value * EMU_PER_MM))


def Cm(value: float) -> Length:  # noqa: N802
    return Length(int(value * EMU_PER_MM * 10))


def Pt(value: float) -> Length:  # noqa: N802
    return Length(int(value * EMU_PER_PT))


def Twips(value: float) -> Length:  # noqa: N802
    return Length(int(value * EMU_PER_TWIP))


def Emu(value: int) -> Length:  # noqa: N802
    return Length(int(value))
