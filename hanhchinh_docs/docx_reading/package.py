"""Parts of the .docx package (styles, numbering) reached through the document's relationships."""

from __future__ import annotations


def related_element(part, reltype: str):
    """The XML root of the internal part ``part`` relates to by ``reltype``, or None.

    Reading the relationship rather than python-docx's ``numbering_part`` matters: that one
    invents an empty part when the document has none.
    """
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part.element
    return None
