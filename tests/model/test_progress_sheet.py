"""Progress spreadsheets as staff keep them: headers and statuses typed in many ways."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest
from openpyxl import Workbook

from hanhchinh_docs.errors import DataFileError
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


def _rows(path):
    rows, problems = read_progress_sheet(path)
    return [(r.task_key, r.status, r.result) for r in rows], problems


HEADER = "TT,Tình trạng,Kết quả\r\n"


def test_csv_as_excel_writes_it_with_quoted_commas_and_bom(tmp_path):
    path = tmp_path / "tien_do.csv"
    path.write_bytes(("\ufeff" + HEADER + '1,Hoàn thành,"Đăng 25 tin, bài; 3 video"\r\n'
                      '2,Đang thực hiện,"Nói ""đúng hạn"", xong 50%"\r\n').encode("utf-8"))
    assert _rows(path) == ([("1", Progress.DONE, "Đăng 25 tin, bài; 3 video"),
                            ("2", Progress.IN_PROGRESS, 'Nói "đúng hạn", xong 50%')], [])


def test_csv_semicolons_with_quoted_semicolon_and_no_bom(tmp_path):
    path = tmp_path / "tien_do.csv"
    path.write_text('Mã;Trạng thái;Kết quả\nNV01;hoàn thành;"a; b, c"\n', encoding="utf-8")
    assert _rows(path) == ([("NV01", Progress.DONE, "a; b, c")], [])


def _cp1258_letter(letter: str) -> str:
    """"ế" -> "ê" + U+0301: Windows-1258 has the shaped vowels but writes tone marks apart."""
    try:
        letter.encode("cp1258")
        return letter
    except UnicodeEncodeError:
        parts = unicodedata.normalize("NFD", letter)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        return unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones)) + tones


def test_csv_saved_by_vietnamese_windows_excel_cp1258(tmp_path):
    """Windows-1258 writes tone marks as combining characters: "Tình" is T, ì as i + U+0300 ..."""
    path = tmp_path / "tien_do.csv"
    text = "TT;Tình trạng;Kết quả\n1;Đang thực hiện;Đã tổ chức 02 hội nghị\n"
    path.write_bytes("".join(_cp1258_letter(c) for c in text).encode("cp1258"))
    assert _rows(path) == ([("1", Progress.IN_PROGRESS, "Đã tổ chức 02 hội nghị")], [])


def test_csv_saved_as_windows_1252_is_read_or_explained(tmp_path):
    readable = tmp_path / "tay_au.csv"
    readable.write_bytes("TT,Tình trang,Kêt qua\n1,Hoàn thành,Xong\n".encode("cp1252"))
    assert _rows(readable) == ([("1", Progress.DONE, "Xong")], [])
    garbled = tmp_path / "mat_chu.csv"
    garbled.write_bytes("TT,Tình tr?ng,K?t qu?\n1,Hoàn thành,Xong\n".encode("cp1252"))
    with pytest.raises(DataFileError) as raised:
        read_progress_sheet(garbled)
    assert "Chữ tiếng Việt trong tệp đã bị đổi thành '?'" in raised.value.message
    assert "'CSV UTF-8'" in raised.value.message


def test_ragged_rows_and_a_200000_character_cell(tmp_path):
    path = tmp_path / "tien_do.csv"
    long = "x" * 200_000
    path.write_text(HEADER + "1,Hoàn thành\n2\n3,Chưa thực hiện," + f'"{long}"' + ",thừa,ô\n", encoding="utf-8")
    assert _rows(path) == ([("1", Progress.DONE, ""), ("3", Progress.NOT_STARTED, long)], [])


@pytest.mark.parametrize("content, expected", [
    ("Chỉ một cột\nNV01\nNV02\n", "cần một dòng tiêu đề (trong 10 dòng đầu) có cột mã nhiệm vụ"),
    ("", "cần một dòng tiêu đề"),
    ('TT,Tình trạng,Kết quả\n1,Hoàn thành,"không đóng ngoặc\n', None),
])
def test_what_cannot_be_read_is_said_in_vietnamese(tmp_path, content, expected):
    path = tmp_path / "tien_do.csv"
    path.write_text(content, encoding="utf-8")
    try:
        rows, _ = _rows(path)
    except DataFileError as exc:
        assert expected and expected in exc.message and exc.location.file == str(path)
    else:
        assert expected is None and rows == [("1", Progress.DONE, "không đóng ngoặc")]


def _patched_xlsx(tmp_path, name, replace):
    book = Workbook()
    book.active.append(["TT", "Tình trạng", "Kết quả"])
    book.active.append([1, "Hoàn thành", "XXXX"])
    base = tmp_path / "base.xlsx"
    book.save(base)
    out = tmp_path / name
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("sheet1.xml"):
                data = replace(data)
            target.writestr(info, data)
    return out


@pytest.mark.parametrize("name, replace", [
    ("control_ref.xlsx", lambda d: d.replace(b"XXXX", b"A&#1;B")),
    ("entity.xlsx", lambda d: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     + d.split(b"?>", 1)[-1].replace(b"XXXX", b"&e;")),
])
def test_damaged_xlsx_gives_a_message_not_a_traceback(tmp_path, name, replace):
    path = _patched_xlsx(tmp_path, name, replace)
    with pytest.raises(DataFileError) as raised:
        read_progress_sheet(path)
    assert raised.value.message == (
        f"Không đọc được bảng tính tiến độ '{path}': tệp .xlsx bị hỏng hoặc có ký tự, thực thể XML không hợp lệ bên "
        "trong (hãy mở bằng Excel, sao chép bảng sang tệp mới và lưu lại)")


def test_control_characters_in_xlsx_cells_are_dropped(tmp_path):
    path = _patched_xlsx(tmp_path, "excel_escape.xlsx", lambda d: d.replace(b"XXXX", b"A_x0001_B\x7fC"))
    assert _rows(path) == ([("1", Progress.DONE, "ABC")], [])
