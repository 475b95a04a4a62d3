"""What Word and LibreOffice change when they save a template, undone so the renderer keeps working.

Styles are found by their name, which Word and LibreOffice keep, not by their id, which they rewrite.

The templates name every style "ND30 ..." and the renderer refers to them by id (``ND30CoQuanChuQuan``).
Saving a template in LibreOffice (or Word) keeps the names but rewrites the ids ("ND30Cquanchqun"),
and the fix-ups after rendering would then find nothing: the short lines would come out full width,
in silence. So right after rendering, every style whose name is one of ours gets its id back, with
every reference to it; a style the template lost is reported.

LibreOffice also links the core properties with an Office-namespace relationship type, not the package one,
so python-docx adds a second ``docProps/core.xml`` (a duplicate zip entry) when the title is set.
"""

from __future__ import annotations

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from hanhchinh_docs.conventions.style_names import STYLE_NAMES, own_style_id
from hanhchinh_docs.render.template_builder import STYLES

_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:basedOn", "w:next", "w:link")
"""Elements whose ``w:val`` names a style id."""


def restore_style_ids(document: Document) -> list[str]:
    """Give our styles back their ids (found by name); returns the names of our styles the document lacks."""
    styles = document.styles.element
    renamed: dict[str, str] = {}
    present: set[str] = set()
    taken = {style.get(qn("w:styleId")) for style in styles.iterchildren(qn("w:style"))}
    for style in styles.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        canonical = own_style_id(name.get(qn("w:val"))) if name is not None else None
        if canonical is None:
            if style_id in STYLE_NAMES:
                present.add(style_id)
            continue
        present.add(canonical)
        if style_id != canonical and canonical not in taken:
            style.set(qn("w:styleId"), canonical)
            renamed[style_id] = canonical
    if renamed:
        for part in document.part.package.iter_parts():
            element = getattr(part, "_element", None)
            if element is None:
                continue
            for tag in _REFERENCES:
                for reference in element.iter(qn(tag)):
                    value = reference.get(qn("w:val"))
                    if value in renamed:
                        reference.set(qn("w:val"), renamed[value])
    return [spec.name for spec in STYLES if spec.style_id not in present]


def repair_core_properties_link(document: Document) -> None:
    """One core properties part, under the standard relationship type (see module docstring): when
    python-docx or docxtpl has already added its own, LibreOffice's is dropped."""
    rels = document.part.package.rels
    core = [r for r in rels.values() if not r.is_external and r.reltype.endswith("/metadata/core-properties")]
    standard = [r for r in core if r.reltype == RT.CORE_PROPERTIES]
    for relationship in core:
        if relationship.reltype == RT.CORE_PROPERTIES:
            continue
        if standard:
            del rels[relationship.rId]
        else:
            relationship._reltype = RT.CORE_PROPERTIES


def undo_editor_changes(document: Document) -> list[str]:
    """Both repairs; returns the names of our styles the template lacks."""
    repair_core_properties_link(document)
    return restore_style_ids(document)
