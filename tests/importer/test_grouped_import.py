"""Import of a provincial plan laid out as offices do: a seven-column task table with group rows
(Roman numbers), a blank-TT product row, a header repeated by hand, the table split in two, a
second appendix that is a schedule, and "(Ban hành kèm theo …)" under the titles."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Mm

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.importer import import_plan, write_import
from tests.importer.test_roundtrip import document_text
from tests.importer.test_word_quirks import _plan_around
from tests.importer.word_plans import WordPlan

HEADINGS = ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
            "Theo dõi, kiểm tra, đôn đốc"]
ATTACHED = "(Ban hành kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh)"


def table(plan: WordPlan, rows: list[list[str]], *, header: bool = True, group_rows: dict[int, str] = {}):
    """``rows`` under an optional header; ``group_rows``: row index -> "I"/"II" merged over the
    columns after the first."""
    data = ([HEADINGS] if header else []) + rows
    grid = plan.document.add_table(rows=len(data), cols=len(HEADINGS))
    for r, row in enumerate(data):
        for c, text in enumerate(row):
            plan.para(text, plan.cell(grid, r, c), bold=r == 0 and header)
    offset = 1 if header else 0
    for index in group_rows:
        merged = grid.cell(index + offset, 1).merge(grid.cell(index + offset, len(HEADINGS) - 1))
        for paragraph in merged.paragraphs[1:]:
            paragraph._p.getparent().remove(paragraph._p)
    return grid


def appendices(plan: WordPlan) -> None:
    plan.para("PHỤ LỤC I", bold=True, center=True)
    plan.para(["PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025", ATTACHED], bold=True, center=True)
    table(plan, [
        ["I", "Cải cách thể chế", "", "", "", "", ""],
        ["1", "Đăng tải văn bản", "Văn bản được đăng tải", "Quý I", "Sở Tư pháp", "", "Sở Tư pháp"],
        ["2", "Rà soát văn bản", "Danh mục văn bản hết hiệu lực", "Trước ngày 31/01/2025", "Sở Tư pháp",
         "Các sở, ngành", "Sở Tư pháp"],
        ["", "", "Báo cáo rà soát", "Trước ngày 15/12/2025", "Sở Tư pháp", "", ""],
        HEADINGS,
        ["II", "Cải cách thủ tục hành chính", "", "", "", "", ""],
    ], group_rows={0: "I", 5: "II"})
    plan.para("")
    table(plan, [
        ["3", "Công bố thủ tục hành chính", "Quyết định công bố", "Thường xuyên", "Văn phòng UBND tỉnh", "",
         "Văn phòng UBND tỉnh"],
        ["III", "Cải cách tổ chức bộ máy", "", "", "", "", "Sở Nội vụ"],
        ["4", "Sắp xếp tổ chức bộ máy", "Đề án", "Quý III", "Sở Nội vụ", "", "Sở Nội vụ"],
    ])
    plan.para("PHỤ LỤC II", bold=True, center=True)
    plan.para("LỊCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True, center=True)
    plan.para(ATTACHED, italic=True, center=True)
    plan.grid([["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"], ["1", "Sở Tư pháp", "Tháng 5"],
               ["2", "Sở Xây dựng", "Tháng 6"]])


def body(plan: WordPlan) -> None:
    plan.para("I. MỤC TIÊU", bold=True)
    plan.para("Các chỉ tiêu năm 2025:")
    plan.grid([["Chỉ tiêu", "Năm 2025"], ["Hồ sơ trực tuyến (%)", "50"]])
    plan.para("II. TỔ CHỨC THỰC HIỆN", bold=True)
    plan.para("Các sở, ngành thực hiện./.")


def imported(tmp_path: Path):
    return import_plan(_plan_around(tmp_path, body, appendices))


def test_groups_columns_product_rows_and_the_split_table(tmp_path: Path):
    result = imported(tmp_path)
    first = result.data["phu_luc"][0]
    assert first["ten"] == "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    assert first["kem_theo"] == ATTACHED
    assert first["danh_so"] == "lien_tuc"
    assert first["cot"] == [
        {"khoa": "tt", "ten": "STT"}, {"khoa": "noi_dung", "ten": "Nhiệm vụ"}, "san_pham",
        {"khoa": "thoi_gian", "ten": "Thời gian hoàn thành"}, {"khoa": "chu_tri", "ten": "Chủ trì thực hiện"},
        {"khoa": "phoi_hop", "ten": "Phối hợp thực hiện"}, {"khoa": "theo_doi", "ten": "Theo dõi, kiểm tra, đôn đốc"}]
    assert [(g["ten"], [t["noi_dung"] for t in g["nhiem_vu"]]) for g in first["nhom"]] == [
        ("Cải cách thể chế", ["Đăng tải văn bản", "Rà soát văn bản"]),
        ("Cải cách thủ tục hành chính", ["Công bố thủ tục hành chính"]),
        ("Cải cách tổ chức bộ máy", ["Sắp xếp tổ chức bộ máy"])]
    assert first["nhom"][0]["nhiem_vu"][1] == {
        "ma": "NV02", "noi_dung": "Rà soát văn bản", "chu_tri": "Sở Tư pháp", "phoi_hop": "Các sở, ngành",
        "theo_doi": "Sở Tư pháp",
        "san_pham": [{"san_pham": "Danh mục văn bản hết hiệu lực", "thoi_gian": "Trước ngày 31/01/2025"},
                     {"san_pham": "Báo cáo rà soát", "thoi_gian": "Trước ngày 15/12/2025", "chu_tri": "Sở Tư pháp"}]}
    assert first["nhom"][0]["nhiem_vu"][0]["theo_doi"] == "Sở Tư pháp"


def test_table_appendix_body_table_and_what_could_not_be_placed(tmp_path: Path):
    result = imported(tmp_path)
    second = result.data["phu_luc"][1]
    assert second == {"loai": "bang", "ten": "LỊCH KIỂM TRA CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "kem_theo": ATTACHED,
                      "cot": ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
                      "dong": [["1", "Sở Tư pháp", "Tháng 5"], ["2", "Sở Xây dựng", "Tháng 6"]]}
    assert result.data["noi_dung"][0] == {"tieu_de": "MỤC TIÊU", "noi_dung": [
        "Các chỉ tiêu năm 2025:",
        {"bang": {"cot": ["Chỉ tiêu", "Năm 2025"], "dong": [["Hồ sơ trực tuyến (%)", "50"]]}}]}
    # The group row "III" of the second table had text in the last column: kept, and said where.
    assert result.data["chua_xu_ly"] == ["Sở Nội vụ"]
    assert [w.message for w in result.warnings if "chua_xu_ly" in (w.location.field or "")] == [
        "Bảng 5, hàng 3, cột 7 ('Theo dõi, kiểm tra, đôn đốc') ('Sở Nội vụ') nằm trên dòng tên nhóm "
        "'III. Cải cách tổ chức bộ máy'; đã đưa vào 'chua_xu_ly' để bạn xếp lại bằng tay"]
    assert not any("kèm theo" in a["ten"].lower() for a in result.data["phu_luc"])


def test_render_of_the_import_keeps_the_paragraphs(tmp_path: Path):
    source = _plan_around(tmp_path, body, appendices)
    result = import_plan(source)
    yaml_path = write_import(result, tmp_path / "imported.yaml")
    text = (tmp_path / "imported.yaml").read_text(encoding="utf-8")
    (tmp_path / "imported.yaml").write_text(text.split("\nchua_xu_ly:")[0] + "\n", encoding="utf-8")
    second = render_plan(yaml_path, tmp_path / "second.docx").output
    original = {t.strip() for t in document_text(source) if t.strip()}
    again = {t.strip() for t in document_text(second) if t.strip()}
    # What changes is ND30 form the renderer writes itself (the appendix label in normal case, the
    # "(Kèm theo …)" wording, the header and signature cells' lines), and nothing of the tables.
    assert sorted(original - again) == [
        ATTACHED, "GIÁM ĐỐC\n\nTrần Thị Bình", "Hà Tĩnh, ngày      tháng 3 năm 2024",
        "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025\n" + ATTACHED, "PHỤ LỤC I", "PHỤ LỤC II",
        "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: /KH-SNV"]
    for text in ("Rà soát văn bản", "Báo cáo rà soát", "Trước ngày 15/12/2025", "Cải cách tổ chức bộ máy",
                 "Theo dõi, kiểm tra, đôn đốc", "Đơn vị được kiểm tra", "Hồ sơ trực tuyến (%)", "Phụ lục II",
                 "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh)"):
        assert text in again


def test_a_second_task_table_with_other_columns_is_kept_aside(tmp_path: Path):
    def two_tables(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC", bold=True, center=True)
        plan.para("NHIỆM VỤ", bold=True, center=True)
        table(plan, [["1", "Việc một", "Báo cáo", "Quý I", "Văn phòng", "", "Văn phòng"]])
        plan.grid([["TT", "Nội dung công việc", "Đơn vị chủ trì"], ["1", "Việc hai", "Thanh tra"]])

    result = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), two_tables))
    assert [t["noi_dung"] for t in result.data["phu_luc"][0]["nhiem_vu"]] == ["Việc một"]
    assert result.data["chua_xu_ly"] == ["TT | Nội dung công việc | Đơn vị chủ trì", "1 | Việc hai | Thanh tra"]
    assert any(w.message.startswith("Bảng 4 (2 hàng") and "các cột khác bảng trước" in w.message
               for w in result.warnings)


def test_tasks_numbered_with_roman_numbers_are_not_groups(tmp_path: Path):
    def roman_tasks(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC", bold=True, center=True)
        plan.para("NHIỆM VỤ", bold=True, center=True)
        table(plan, [["I", "Việc một", "Báo cáo", "Quý I", "Văn phòng", "", ""],
                     ["II", "Việc hai", "Kế hoạch", "Quý II", "Thanh tra", "", ""]])

    result = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), roman_tasks))
    appendix = result.data["phu_luc"][0]
    assert "nhom" not in appendix
    assert [t["noi_dung"] for t in appendix["nhiem_vu"]] == ["Việc một", "Việc hai"]


def test_attached_line_on_the_title_line_is_split_off(tmp_path: Path):
    def one_line(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC", bold=True, center=True)
        plan.para("DANH MỤC NHIỆM VỤ " + ATTACHED, bold=True, center=True)
        table(plan, [["1", "Việc một", "Báo cáo", "Quý I", "Văn phòng", "", ""]])

    appendix = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), one_line)).data["phu_luc"][0]
    assert appendix["ten"] == "DANH MỤC NHIỆM VỤ"
    assert appendix["kem_theo"] == ATTACHED


def test_the_offices_column_widths_come_back_and_render_in_proportion(tmp_path: Path):
    """Widths the office set (w:gridCol) become ``rong`` in mm; the re-rendered table keeps their proportions
    (scaled to the landscape text width). Equal widths are Word's default and are not written."""
    task_widths, target_widths = [12, 70, 50, 35, 30, 30, 30], [30, 90]

    def widened(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC", bold=True, center=True)
        plan.para(["PHÂN CÔNG THỰC HIỆN NHIỆM VỤ NĂM 2025", ATTACHED], bold=True, center=True)
        grid = table(plan, [["1", "Đăng tải văn bản", "Văn bản", "Quý I", "Sở Tư pháp", "", "Sở Tư pháp"]])
        for column, width in zip(grid.columns, task_widths):
            column.width = Mm(width)

    def body_with_targets(plan: WordPlan) -> None:
        plan.para("I. MỤC TIÊU", bold=True)
        targets = plan.grid([["Chỉ tiêu", "Năm 2025"], ["Hồ sơ trực tuyến (%)", "50"]])
        for column, width in zip(targets.columns, target_widths):
            column.width = Mm(width)
        plan.para("II. TỔ CHỨC THỰC HIỆN", bold=True)
        plan.para("Các sở, ngành thực hiện./.")

    result = import_plan(_plan_around(tmp_path, body_with_targets, widened))
    assert [c["rong"] for c in result.data["phu_luc"][0]["cot"]] == task_widths
    assert result.data["phu_luc"][0]["cot"][0] == {"khoa": "tt", "ten": "STT", "rong": 12}
    assert result.data["noi_dung"][0]["noi_dung"][0]["bang"]["cot"] == [
        {"ten": "Chỉ tiêu", "rong": 30}, {"ten": "Năm 2025", "rong": 90}]
    out = render_plan(write_import(result, tmp_path / "k.yaml"), tmp_path / "k.docx").output
    tables = docx.Document(str(out)).tables
    for first, widths in (("STT", task_widths), ("Chỉ tiêu", target_widths)):
        [rendered] = [t for t in tables if t.rows[0].cells[0].text == first]
        grid = [int(col.get(qn("w:w"))) for col in rendered._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert [round(g / sum(grid), 2) for g in grid] == [round(w / sum(widths), 2) for w in widths]


def test_equal_column_widths_are_not_written(tmp_path: Path):
    result = imported(tmp_path)  # python-docx gives every column the same width
    assert all("rong" not in c for c in result.data["phu_luc"][0]["cot"] if isinstance(c, dict))
    assert all(isinstance(c, str) for c in result.data["phu_luc"][1]["cot"])
