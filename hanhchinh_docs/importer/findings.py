"""What an import found besides the plan: warnings, errors and the texts it could not place.

Nothing read from the Word file is dropped silently: a text that fits nowhere is kept in
``chua_xu_ly`` and named in a warning with where it stands, so the user can find it in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hanhchinh_docs.errors import Problem, SourceLocation
from hanhchinh_docs.importer.lines import excerpt
from hanhchinh_docs.importer.reader import Paragraph, Table, distinct_cells


def where(block: Paragraph | Table, row: int | None = None) -> str:
    """ "Đoạn 12" / "Bảng 3, hàng 2": how the user finds a block in the Word file."""
    if isinstance(block, Table):
        return f"Bảng {block.number}" + (f", hàng {row + 1}" if row is not None else "")
    return f"Đoạn {block.number}" if block.number else "Một đoạn trong bảng"


@dataclass
class Findings:
    file: str
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def warn(self, message: str, key: str | None = None) -> None:
        self.warnings.append(Problem(message, SourceLocation(self.file, field=key), severity="warning"))

    def error(self, message: str, key: str | None = None) -> None:
        self.errors.append(Problem(message, SourceLocation(self.file, field=key)))

    def unplace(self, text: str, place: str, reason: str) -> None:
        """Keep ``text`` in ``chua_xu_ly`` and say why it is there."""
        key = f"chua_xu_ly[{len(self.unplaced)}]"
        self.unplaced.append(text)
        self.warn(f"{place} ('{excerpt(text)}') {reason}; đã đưa vào 'chua_xu_ly' để bạn xếp lại bằng tay", key)

    def unplace_block(self, block: Paragraph | Table, reason: str) -> None:
        """A whole paragraph, or a table row by row (cells joined with ' | ')."""
        if isinstance(block, Paragraph):
            if block.text:
                self.unplace(block.text, where(block), reason)
            return
        rows = [" | ".join(cell.text for cell in distinct_cells(row)) for row in block.rows]
        rows = [row for row in rows if row.strip(" |")]
        if not rows:
            return
        key = f"chua_xu_ly[{len(self.unplaced)}]"
        self.unplaced.extend(rows)
        self.warn(f"{where(block)} ({len(rows)} hàng, bắt đầu '{excerpt(rows[0])}') {reason}; "
                  "đã đưa từng hàng vào 'chua_xu_ly' để bạn xếp lại bằng tay", key)

