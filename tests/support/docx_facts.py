"""Reading facts back from a .docx, independently of the renderer's code: resolved run formatting
(run -> character style chain -> paragraph style chain -> document defaults), texts, sections."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


@dataclass(frozen=True)
class RunFormat:
    fonts: dict[str, str | None]
    size_pt: float | None
    bold: bool
    italic: bool


def _style_chain(document: Document, style_id: str | None, kind: str):
    styles = document.styles.element
    seen = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = next((s for s in styles.findall(qn("w:style"))
                      if s.get(qn("w:styleId")) == style_id and s.get(qn("w:type")) == kind), None)
        if style is None:
            return
        yield style
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None


def _default_paragraph_style(document: Document) -> str | None:
    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
            return style.get(qn("w:styleId"))
    return None


def _on(el) -> bool:
    return el.get(qn("w:val")) not in ("0", "false", "off")


def resolve_run(document: Document, paragraph: Paragraph, run) -> RunFormat:
    """Effective font slots (a theme attribute is reported as 'THEME'), size and bold/italic."""
    layers = [run._r.rPr]
    r_style = run._r.rPr.find(qn("w:rStyle")) if run._r.rPr is not None else None
    if r_style is not None:
        layers += [s.find(qn("w:rPr")) for s in _style_chain(document, r_style.get(qn("w:val")), "character")]
    p_style = paragraph._p.pPr.pStyle.val if paragraph._p.pPr is not None and paragraph._p.pPr.pStyle is not None \
        else _default_paragraph_style(document)
    layers += [s.find(qn("w:rPr")) for s in _style_chain(document, p_style, "paragraph")]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    layers.append(defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None)
    fonts: dict[str, str | None] = {slot: None for slot in SLOTS}
    size = bold = italic = None
    for rpr in layers:
        if rpr is None:
            continue
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None:
            for slot in SLOTS:
                if fonts[slot] is None:
                    theme = rfonts.get(qn(f"w:{slot}Theme" if slot != "cs" else "w:cstheme"))
                    fonts[slot] = "THEME" if theme else rfonts.get(qn(f"w:{slot}"))
        if size is None and rpr.find(qn("w:sz")) is not None:
            size = int(rpr.find(qn("w:sz")).get(qn("w:val"))) / 2
        if bold is None and rpr.find(qn("w:b")) is not None:
            bold = _on(rpr.find(qn("w:b")))
        if italic is None and rpr.find(qn("w:i")) is not None:
            italic = _on(rpr.find(qn("w:i")))
    return RunFormat(fonts, size, bool(bold), bool(italic))


def all_paragraphs(document: Document):
    """Every paragraph in body order, including those inside table cells."""
    for p in document.element.body.iter(qn("w:p")):
        yield Paragraph(p, document._body)


def paragraph_format(document: Document, paragraph: Paragraph) -> RunFormat:
    run = next(r for r in paragraph.runs if r.text.strip())
    return resolve_run(document, paragraph, run)


def find_paragraph(document: Document, text: str) -> Paragraph:
    for paragraph in all_paragraphs(document):
        if paragraph.text.strip() == text:
            return paragraph
    raise AssertionError(f"no paragraph with text {text!r}")


def document_text(document: Document) -> list[str]:
    return [p.text for p in all_paragraphs(document)]


def xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if name.endswith((".xml", ".rels"))}


def parse_strict(data: bytes):
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False))
