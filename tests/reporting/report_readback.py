"""Reading a rendered report back with python-docx, independently of the code that wrote it."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
QUARTER_REPORT = EXAMPLES / "bao_cao_quy_1_2024.yaml"
YEAR_REPORT = EXAMPLES / "bao_cao_nam_2024.yaml"
PROGRESS_XLSX = EXAMPLES / "tien_do_quy_1_2024.xlsx"
SEED_PLAN = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def body_texts(document: Document) -> list[str]:
    """Non-empty paragraphs outside tables, in order."""
    return [p.text for p in document.paragraphs if p.text.strip()]


def all_texts(document: Document) -> list[str]:
    """Every paragraph's text, tables included, in document order: what a reader sees."""
    return [Paragraph(p, document._body).text for p in document.element.body.iter(qn("w:p"))]


def section_under(texts: list[str], heading_start: str) -> list[str]:
    """Paragraphs after the heading that starts with ``heading_start`` up to the next Roman heading."""
    start = next(i for i, t in enumerate(texts) if t.startswith(heading_start))
    out = []
    for text in texts[start + 1:]:
        if text.split(" ", 1)[0] in ("I.", "II.", "III.", "IV.", "V.") or text.startswith("Trên đây"):
            break
        out.append(text)
    return out


def results_table(document: Document) -> Table:
    return next(t for t in document.tables if t.rows[0].cells[0].text == "TT")


def cell_texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def fonts_in_use(path: Path) -> set[str]:
    """Every font the text can use: named by w:rFonts in the body, styles, headers and footers
    ('THEME' for a theme font reference; the unused bullet definitions of numbering.xml do not count)."""
    names: set[str] = set()
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not re.fullmatch(r"word/(document|styles|header\d*|footer\d*)\.xml", name):
                continue
            root = etree.fromstring(package.read(name))
            for rfonts in root.iter(qn("w:rFonts")):
                for attribute, value in rfonts.attrib.items():
                    if attribute != qn("w:hint"):
                        names.add("THEME" if "theme" in attribute.lower() else value)
    return names


def default_font(document: Document) -> str | None:
    rfonts = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(
        qn("w:rPr")).find(qn("w:rFonts"))
    return rfonts.get(qn("w:ascii")) if rfonts is not None else None
