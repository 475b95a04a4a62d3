"""Fix-ups on the rendered document that a template cannot express, in the order they run.

They find their targets by the template's style ids (``ND30...``), so they keep working on a
template the user restyled in Word.
"""

from __future__ import annotations

import itertools
from functools import lru_cache, partial

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Twips
from docx.text.paragraph import Paragraph
from lxml import etree

from hanhchinh_docs.docx_reading.formatting import Resolver, RunContext, StyleSheet
from hanhchinh_docs.docx_reading.numbering import Numbering
from hanhchinh_docs.render import oxml
from hanhchinh_docs.conventions.legal_basis import is_legal_basis
from hanhchinh_docs.conventions.spec import load_spec
from hanhchinh_docs.conventions.text_width import text_width, wrapped_line_widths

SHORT_LINE_RATIO = 0.4
"""ND30: the lines under the agency name and the trích yếu are 1/3-1/2 of the text line."""

DEFAULT_CELL_MARGIN = load_spec().default_cell_margin
"""Word's default left/right cell margin (Normal Table: 0.08 inch)."""

NAME_STYLES = ("ND30CoQuanChuQuan", "ND30CoQuanBanHanh")
LINE_STYLE_PREFIX = "ND30DuongKe"
EXACT_LENGTH_LINES = ("ND30DuongKeTieuNgu",)


def _style_id(p) -> str | None:
    ppr = p.find(qn("w:pPr"))
    style = ppr.find(qn("w:pStyle")) if ppr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def _styled_paragraphs(document: Document, condition: str) -> list:
    """Paragraphs whose style id meets the XPath ``condition`` on ``@w:val``: found in C by lxml,
    not by walking every paragraph of a long task table in Python."""
    return document.element.body.xpath(f".//w:p[w:pPr/w:pStyle[{condition}]]")


def ensure_cell_paragraphs(document: Document) -> None:
    """Word refuses a table cell with no paragraph (a loop over an empty list leaves one)."""
    for tc in document.element.body.xpath(".//w:tc[not(w:p) and not(w:tbl)]"):
        tc.append(OxmlElement("w:p"))


def _section_breaks(body) -> list:
    return body.xpath("./w:p[w:pPr/w:sectPr]")


def _is_empty(elements) -> bool:
    return not any(el.tag == qn("w:tbl") or "".join(el.itertext()).strip() for el in elements)


def drop_empty_sections(document: Document) -> None:
    """A section the data left empty (no attached plan, no appendix) is removed with its page break;
    with no appendix the document ends in portrait."""
    body = document.element.body
    breaks = _section_breaks(body)
    for previous, current in zip(breaks, breaks[1:]):
        between = list(itertools.takewhile(lambda el: el is not current, previous.itersiblings()))
        if _is_empty(between):
            for el in between:
                body.remove(el)
            body.remove(current)
    breaks = _section_breaks(body)
    if not breaks:
        return
    last_break = breaks[-1]
    after = list(itertools.takewhile(lambda el: el.tag != qn("w:sectPr"), last_break.itersiblings()))
    if not _is_empty(after):
        return
    for el in after:
        body.remove(el)
    sect_pr = last_break.find(qn("w:pPr")).find(qn("w:sectPr"))
    body.replace(body.sectPr, sect_pr)
    body.remove(last_break)


_CACHE_SIZE = 64
_resolvers: dict[int, tuple[object, Resolver]] = {}
_formats: dict[tuple, tuple[float, bool, bool]] = {}
"""Per process: documents rendered from one template share its styles part (``PreparedTemplate``),
so the style chains are resolved once, not for every document of a batch."""


def _resolved(resolver: Resolver, paragraph: Paragraph) -> tuple[float, bool, bool]:
    """Size (pt), bold, italic of the paragraph's first text run, after style inheritance."""
    run = next((r for r in paragraph.runs if r.text.strip()), None)
    rpr = run._r.rPr if run is not None else None
    run_style = rpr.find(qn("w:rStyle")) if rpr is not None else None
    context = RunContext(
        run_style=run_style.get(qn("w:val")) if run_style is not None else None,
        paragraph_style=resolver.paragraph_style_id(paragraph._p.pPr),
        table_style=None,
    )
    key = (id(resolver), context, etree.tostring(rpr) if rpr is not None else b"")
    found = _formats.get(key)
    if found is None:
        fmt = resolver.run_format(rpr, context)
        found = _formats[key] = (fmt.size or 14.0, fmt.bold, fmt.italic)
    return found


def _resolver(document: Document) -> Resolver:
    """Formatting resolution over the document's styles (the same code the checker judges with),
    made once per styles part (kept with it, so its id is not reused while cached)."""
    styles = document.styles.element
    found = _resolvers.get(id(styles))
    if found is None or found[0] is not styles:
        if len(_resolvers) >= _CACHE_SIZE:
            _resolvers.clear()
            _formats.clear()  # its keys hold the ids of the resolvers just dropped
        found = _resolvers[id(styles)] = (styles, Resolver(StyleSheet(styles), Numbering(None)))
    return found[1]


@lru_cache(maxsize=1024)
def _line_widths(text: str, size: float, available: Length, bold: bool, italic: bool) -> tuple[Length, ...]:
    """``wrapped_line_widths``, measured once per process for the texts every document repeats
    (national title, motto, the agency's name)."""
    return tuple(wrapped_line_widths(text, size, available, bold, italic))


def _available_width(document: Document, p) -> Length:
    """Text width for paragraph ``p``: its cell minus the cell margins, or its section's text width."""
    tc = next((a for a in p.iterancestors() if a.tag == qn("w:tc")), None)
    if tc is not None:
        tc_w = tc.find(qn("w:tcPr") + "/" + qn("w:tcW"))
        if tc_w is not None and tc_w.get(qn("w:type")) == "dxa":
            return Length(Twips(int(tc_w.get(qn("w:w")))) - 2 * DEFAULT_CELL_MARGIN)
    sect_pr = _section_of(document, p)
    width = Twips(int(sect_pr.find(qn("w:pgSz")).get(qn("w:w"))))
    margins = sect_pr.find(qn("w:pgMar"))
    return Length(width - Twips(int(margins.get(qn("w:left")))) - Twips(int(margins.get(qn("w:right")))))


def _section_of(document: Document, p):
    """The sectPr that ends the section holding ``p``: the next section break after it, or the body's."""
    top = p
    while top.getparent() is not document.element.body:
        top = top.getparent()
    found = top.xpath("(. | following-sibling::w:p)[w:pPr/w:sectPr][1]/w:pPr/w:sectPr")
    return found[0] if found else document.element.body.sectPr


def _balanced_split(words: list[str], lines: int, measure) -> list[str]:
    """Split ``words`` into ``lines`` lines whose widest line is as narrow as possible."""
    best, best_width = [" ".join(words)], None
    for cuts in itertools.combinations(range(1, len(words)), lines - 1):
        bounds = (0, *cuts, len(words))
        parts = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
        widest = max(measure(part) for part in parts)
        if best_width is None or widest < best_width:
            best, best_width = parts, widest
    return best


def balance_agency_names(document: Document) -> None:
    """A name too long for its header column breaks into even lines ("SỞ TÀI NGUYÊN / VÀ MÔI TRƯỜNG")
    rather than leaving one word alone on the last line."""
    resolver = _resolver(document)
    for p in _styled_paragraphs(document, " or ".join(f"@w:val='{name}'" for name in NAME_STYLES)):
        paragraph = Paragraph(p, document._body)
        text = paragraph.text
        if not text.strip() or "\n" in text or len(paragraph.runs) != 1:
            continue
        size, bold, italic = _resolved(resolver, paragraph)
        available = _available_width(document, p)
        line_count = len(_line_widths(text, size, available, bold, italic))
        if line_count < 2 or len(text.split()) > 16:
            continue
        parts = _balanced_split(text.split(), line_count, partial(text_width, size_pt=size, bold=bold, italic=italic))
        paragraph.runs[0].text = "\n".join(parts)


def size_short_lines(document: Document) -> None:
    """Set the indents of every ND30 short line from the text just above it."""
    resolver = _resolver(document)
    for p in _styled_paragraphs(document, f"starts-with(@w:val, '{LINE_STYLE_PREFIX}')"):
        style = _style_id(p)
        if style == LINE_STYLE_PREFIX:
            continue
        above = p.getprevious()
        if above is None or above.tag != qn("w:p"):
            continue
        paragraph = Paragraph(above, document._body)
        text = paragraph.text
        if not text.strip():
            continue
        size, bold, italic = _resolved(resolver, paragraph)
        available = _available_width(document, p)
        widths = [w for line in text.split("\n")
                  for w in _line_widths(line, size, available, bold, italic)]
        longest = max(widths)
        length = longest if style in EXACT_LENGTH_LINES else Length(int(longest * SHORT_LINE_RATIO))
        side = Length(int((available - length) / 2))
        oxml.set_indents(p.get_or_add_pPr(), side, side)


BODY_TEXT_STYLE = "ND30NoiDung"


def italicise_legal_basis(document: Document) -> None:
    """The căn cứ lines the body opens with are italic (NĐ 30, Phụ lục I, mục II.6.a: every văn bản
    that opens with căn cứ, a kế hoạch too); the template's body style is upright for the rest."""
    for p in document.element.body.iterchildren(qn("w:p")):
        if _style_id(p) != BODY_TEXT_STYLE:
            continue
        paragraph = Paragraph(p, document._body)
        if not is_legal_basis(paragraph.text):
            return
        for run in paragraph.runs:
            run.italic = True


def keep_body_with_signature(document: Document) -> None:
    """The paragraph before the signature table moves with it, so a page never starts with a lone signature."""
    for tbl in document.element.body.iter(qn("w:tbl")):
        if any(_style_id(p) == "ND30NoiNhanTieuDe" for p in tbl.iter(qn("w:p"))):
            previous = tbl.getprevious()
            if previous is not None and previous.tag == qn("w:p"):
                Paragraph(previous, document._body).paragraph_format.keep_with_next = True
            return


STEPS = (ensure_cell_paragraphs, drop_empty_sections, balance_agency_names, size_short_lines,
         italicise_legal_basis, keep_body_with_signature)


def postprocess(document: Document) -> None:
    for step in STEPS:
        step(document)



