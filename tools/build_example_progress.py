"""Write examples/tien_do_quy_1_2024.xlsx: the quarter-I progress of examples/bao_cao_quy_1_2024.yaml
as the spreadsheet reporting staff keep (title row, Vietnamese headers, statuses typed by hand).

The rows come from the report's ``ket_qua``, so the two inputs cannot drift apart; zip timestamps
and document properties are fixed, so running this again gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "bao_cao_quy_1_2024.yaml"
TARGET = ROOT / "examples" / "tien_do_quy_1_2024.xlsx"
HEADERS = ("TT", "Nội dung", "Tình trạng", "Kết quả")
FIXED_TIME = datetime(2024, 3, 14)

sys.path.insert(0, str(ROOT))
from hanhchinh_docs.model.loader import load_report  # noqa: E402
from hanhchinh_docs.model.report import Progress  # noqa: E402

TYPED_STATUS = {
    Progress.DONE: "Hoàn thành",
    Progress.IN_PROGRESS: "đang thực hiện",
    Progress.NOT_STARTED: "Chưa thực hiện",
}
"""As people type them: capitalised or not; the reader understands every spelling."""


def progress_rows(report_path: Path = REPORT) -> list[tuple[int, str, str, str]]:
    """(TT, content, typed status, result) for every task the report gives a result for."""
    loaded = load_report(report_path)
    rows = []
    for position, plan_entry in enumerate(loaded.plan.document.task_entries(), start=1):
        key, task = plan_entry.key, plan_entry.task
        entry = loaded.progress.get(key)
        if entry is not None:
            rows.append((position, task.content, TYPED_STATUS[entry.status], entry.result))
    return rows


def build_workbook(rows: list[tuple[int, str, str, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Quý I"
    sheet.append(["THEO DÕI TIẾN ĐỘ KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024 - QUÝ I"])
    sheet["A1"].font = Font(bold=True)
    sheet.append(list(HEADERS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column, width in zip("ABCD", (6, 60, 18, 70)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.properties.creator = "hanhchinh-docs"
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_timestamps(raw.getvalue())


def _fixed_timestamps(data: bytes) -> bytes:
    """Zip entry times and the 'modified' property (openpyxl stamps it at save) set to ``FIXED_TIME``."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            target.writestr(fixed, content)
    return out.getvalue()


if __name__ == "__main__":
    TARGET.write_bytes(build_workbook(progress_rows()))
    print(f"wrote {TARGET}")
