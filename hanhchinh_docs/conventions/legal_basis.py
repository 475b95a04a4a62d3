"""Căn cứ lines (NĐ 30/2020, Phụ lục I, mục II.6.a): the legal bases a document opens with.

A run of opening paragraphs starting "Căn cứ ..." (and the "Theo đề nghị của ..." that closes
it) ends each line with ";" and the last with ".". A clerk writes them in ``mo_dau`` as ordinary
paragraphs, often with "," or no mark at the end: the renderer fixes the marks (with a warning
from the lint). They print in italics in every kind, a kế hoạch or báo cáo too (the reference's
căn cứ row names no kind). The checker expects them only in the kinds listed below; elsewhere it
reads an italic "Căn cứ ..." line as a căn cứ and an upright one as running text.
"""

from __future__ import annotations

import re
import unicodedata

from hanhchinh_docs.conventions.kinds import KINDS, LEGAL_BASIS_KINDS

TYPES_WITH_LEGAL_BASIS = frozenset(KINDS[code].name for code in LEGAL_BASIS_KINDS)
"""Type names ("Quyết định") of the kinds whose ND30 form has a căn cứ ban hành, as the checker reads them."""

_STARTS = ("căn cứ", "theo đề nghị")
_END_MARKS = re.compile(r"[\s;,.:]+$")


def is_legal_basis(text: str) -> bool:
    """``"Căn cứ Luật Tổ chức chính quyền địa phương;"`` -> True (case and spacing forgiven)."""
    folded = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return folded.startswith(_STARTS)


def legal_basis_count(opening: list[str]) -> int:
    """How many of the first paragraphs are căn cứ lines (they must come first and together)."""
    count = 0
    while count < len(opening) and is_legal_basis(opening[count]):
        count += 1
    return count


def punctuated(opening: list[str]) -> list[str]:
    """``opening`` with each căn cứ line ending ";" and the last one ".", other paragraphs as given."""
    count = legal_basis_count(opening)
    fixed = [_END_MARKS.sub("", line) + (";" if index < count - 1 else ".")
             for index, line in enumerate(opening[:count])]
    return fixed + list(opening[count:])
