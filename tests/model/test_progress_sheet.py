"""Progress spreadsheets as staff keep them: headers and statuses typed in many ways."""

from __future__ import annotations

from openpyxl import Workbook

from hanhchinh_docs.model.progress_sheet import read_progress_sheet
from hanhchinh_docs.model.report import Progress


def test_headers_found_below_a_title_and_statuses_as_typed(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH QUÝ I"])
    sheet.append(["Mã nhiệm vụ", "Nội dung", "Trạng thái", "Kết quả thực hiện"])
    sheet.append(["NV01", "Tuyên truyền", "hoàn thành", "25 tin, bài"])
    sheet.append(["NV02", "Đối thoại", "ĐANG THỰC HIỆN", ""])
    sheet.append(["NV03", "Phổ biến", "", ""])
    sheet.append([3, "Theo số thứ tự", "Chua thuc hien", "x"])
    path = tmp_path / "tien_do.xlsx"
    book.save(path)
    rows, problems = read_progress_sheet(path)
    assert problems == []
    assert [(r.task_key, r.status, r.result) for r in rows] == [
        ("NV01", Progress.DONE, "25 tin, bài"),
        ("NV02", Progress.IN_PROGRESS, ""),
        ("3", Progress.NOT_STARTED, "x"),
    ]
    assert rows[0].location.line == 3


def test_csv_with_semicolons_and_an_unknown_status(tmp_path):
    path = tmp_path / "tien_do.csv"
    path.write_text("TT;Tình trạng;Kết quả\n1;Hoàn thành;Xong\n2;sắp làm;\n", encoding="utf-8")
    rows, problems = read_progress_sheet(path)
    assert [(r.task_key, r.status) for r in rows] == [("1", Progress.DONE)]
    assert len(problems) == 1 and "sắp làm" in problems[0].message and problems[0].location.line == 3
