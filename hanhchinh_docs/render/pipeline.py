"""The one way a document is made from a template: render, fix up, place the tables, set the title."""

from __future__ import annotations

from typing import Any

from hanhchinh_docs.render.docx_render import prepared_template, render_template, set_title
from hanhchinh_docs.render.postprocess import postprocess
from hanhchinh_docs.render.tables import TableLayout, place_tables, splice_tables


def render_docx(template: bytes, template_name: str, context: dict[str, Any], tables: list[TableLayout],
                subject: str) -> tuple[bytes, list[str]]:
    """The .docx bytes, and the names of our styles the template lacks (its parts fall back to Word's
    defaults). ``tables`` replace the template's table markers, in order; ``subject`` is the title."""
    prepared = prepared_template(template, template_name)
    with prepared.lock:
        document = render_template(prepared, template_name, context)
        postprocess(document)
        placed = place_tables(document, tables, template_name)  # after: the fix-ups need not walk table rows
        set_title(document, subject)
        return prepared.package(document, splice_tables(document.part.blob, placed)), prepared.missing_styles
