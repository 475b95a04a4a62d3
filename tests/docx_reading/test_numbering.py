"""Automatic numbering labels computed from numbering.xml."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hanhchinh_docs.conventions.numbering import point_letter
from hanhchinh_docs.docx_reading.numbering import ListDefinitions, Numbering, format_number

NUMBERING = f"""<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def test_automatic_numbering_labels() -> None:
    numbering = Numbering(parse_xml(NUMBERING))
    labels = [numbering.next_item("1", level).spell() for level in (0, 1, 2, 2, 1, 0, 1)]
    assert labels == ["I.", "1.", "a)", "b)", "2.", "II.", "1."]


def test_a_list_restarting_a_level_is_read_from_its_override() -> None:
    lists = ListDefinitions(parse_xml(NUMBERING.replace(
        "</w:numbering>",
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>')))
    assert lists.abstract_id("2") == "0" and lists.start_overrides("2") == {1: 5}
    assert lists.level("2", 2) is lists.level("1", 2)
    assert lists.level("9", 0) is None and lists.start_overrides("9") == {}


def test_numbers_are_spelled_in_the_level_format() -> None:
    assert [format_number(4, fmt) for fmt in ("upperRoman", "lowerRoman", "decimalZero", "bullet", None)] \
        == ["IV", "iv", "04", "", "4"]
    assert [format_number(n, "lowerLetter") for n in (1, 5, 27)] == ["a", "e", "aa"]
    assert format_number(5, "upperLetter", point_letter) == "Đ"
