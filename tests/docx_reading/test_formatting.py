"""Inherited formatting resolved as Word does."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hanhchinh_docs.docx_reading.formatting import Resolver, RunContext, StyleSheet
from hanhchinh_docs.docx_reading.numbering import Numbering

STYLES = f"""<w:styles {nsdecls("w")}>
  <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsi="Arial"/><w:sz w:val="24"/>
  </w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Times New Roman"/></w:rPr>
  </w:style>
  <w:style w:type="paragraph" w:styleId="Bold"><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>
  </w:style>
  <w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def resolver() -> Resolver:
    return Resolver(StyleSheet(parse_xml(STYLES)), Numbering(None))


def test_run_properties_come_from_the_nearest_level() -> None:
    fmt = resolver().run_format(None, RunContext(None, "Bold", None))
    assert fmt.size == 13 and fmt.bold
    assert fmt.fonts["ascii"] == "Times New Roman"            # paragraph style chain (Normal)
    assert fmt.fonts["hAnsi"] == "Arial"                      # document defaults


def test_bold_in_both_paragraph_and_character_style_cancels_out() -> None:
    assert resolver().run_format(None, RunContext("Strong", "Bold", None)).bold is False
    direct = parse_xml(f'<w:rPr {nsdecls("w")}><w:b/></w:rPr>')
    assert resolver().run_format(direct, RunContext("Strong", "Bold", None)).bold is True


def test_theme_fonts_are_reported_as_theme() -> None:
    fmt = resolver().run_format(None, RunContext(None, "Missing", None))
    assert fmt.fonts["ascii"] == "Times New Roman"            # unknown style -> default paragraph style
    defaults_only = Resolver(StyleSheet(parse_xml(STYLES.replace('<w:rFonts w:ascii="Times New Roman"/>', ""))),
                             Numbering(None))
    assert defaults_only.run_format(None, RunContext(None, None, None)).fonts["ascii"] == "theme:minorHAnsi"


def test_numbering_comes_from_the_paragraph_or_its_style_and_num_id_0_switches_it_off() -> None:
    styles = StyleSheet(parse_xml(STYLES.replace(
        '<w:style w:type="character"',
        '<w:style w:type="paragraph" w:styleId="List"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr>'
        '</w:style><w:style w:type="character"')))
    own = parse_xml(f'<w:pPr {nsdecls("w")}><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr>')
    off = parse_xml(f'<w:pPr {nsdecls("w")}><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>')
    assert styles.numbering_ref(own, "List") == ("7", 1)
    assert styles.numbering_ref(None, "List") == ("3", 0)
    assert styles.numbering_ref(off, "List") is None
    assert styles.numbering_ref(None, "Normal") is None


def test_tab_stops_merge_the_style_and_the_paragraph_and_clear_removes_one() -> None:
    styles = StyleSheet(parse_xml(STYLES.replace(
        '<w:style w:type="character"',
        '<w:style w:type="paragraph" w:styleId="Header"><w:basedOn w:val="Normal"/><w:pPr><w:tabs>'
        '<w:tab w:val="center" w:pos="2835"/><w:tab w:val="right" w:pos="9072"/><w:tab w:val="bar" w:pos="100"/>'
        '</w:tabs></w:pPr></w:style><w:style w:type="character"')))
    own = parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="Header"/><w:tabs><w:tab w:val="clear" w:pos="9072"/>'
                    '<w:tab w:val="left" w:pos="6804"/></w:tabs></w:pPr>')
    _, _, fmt = Resolver(styles, Numbering(None)).paragraph(own, None)
    assert [stop.twips for stop in fmt.tab_stops] == [2835, 6804]      # 5 cm and 12 cm; 16 cm cleared
    _, _, plain = Resolver(styles, Numbering(None)).paragraph(None, None)
    assert plain.tab_stops == ()
