"""Plans typed by hand in Word, with the quirks of real files: every variant reads the same."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hanhchinh_docs.api import render_plan
from hanhchinh_docs.importer import import_plan, write_import
from hanhchinh_docs.model.loader import load_plan
from tests.importer.word_plans import EXPECTED, WordPlan, build_plan, task_table

QUIRKS = {
    "typed numbering": {},
    "Word list numbering": {"word_lists": "defined"},
    "list numbering missing from numbering.xml": {"word_lists": "undefined"},
    "header typed with tabs, no table": {"header_table": False},
    "manual line breaks": {"line_breaks": True},
    "stray empty paragraphs": {"stray_empty": True},
    "text split across runs": {"split_runs": True},
    "NFD text": {"nfd": True},
    "all at once": {"word_lists": "defined", "stray_empty": True, "split_runs": True, "nfd": True},
}


@pytest.mark.parametrize("quirks", QUIRKS.values(), ids=QUIRKS.keys())
def test_every_variant_reads_as_the_same_plan(quirks, tmp_path: Path):
    result = import_plan(build_plan(tmp_path / "plan.docx", **quirks))
    assert not result.partial
    for key in EXPECTED:
        assert result.data[key] == EXPECTED[key], key
    assert list(result.data) == list(EXPECTED)


def test_the_imported_plan_renders(tmp_path: Path):
    result = import_plan(build_plan(tmp_path / "plan.docx", word_lists="defined"))
    loaded = load_plan(write_import(result, tmp_path / "plan.yaml"))
    plan = loaded.document
    assert plan.issuer.parent_body == "UBND TỈNH HÀ TĨNH"
    assert plan.number == 5 and plan.issue_date.to_text() == "2024-01-05"
    assert plan.subject == "Tuyên truyền cải cách hành chính năm 2024"
    assert plan.signer.authority == "KT. GIÁM ĐỐC" and plan.signer.full_name == "Nguyễn Văn An"
    assert [t.lead_units for t in plan.appendices[0].tasks] == [["Văn phòng"], ["Văn phòng"]]
    assert plan.unplaced == ["(Đã ký)", "Ghi chú: bản này gửi kèm tệp điện tử."]
    assert any("chua_xu_ly" in w.message for w in loaded.warnings)


def test_unplaced_texts_are_warned_about_with_their_place(tmp_path: Path):
    result = import_plan(build_plan(tmp_path / "plan.docx"))
    messages = [w.message for w in result.warnings]
    assert len(messages) == 2
    assert messages[0].startswith("Bảng 2 ('(Đã ký)')")
    assert messages[1].startswith("Đoạn 22 ('Ghi chú: bản này gửi kèm tệp điện tử.')")
    assert all("chua_xu_ly" in m for m in messages)
    assert [w.location.field for w in result.warnings] == ["chua_xu_ly[0]", "chua_xu_ly[1]"]
    assert all(w.severity == "warning" for w in result.warnings)
    assert "# Cảnh báo khi nhập:" in result.yaml_text


def _header_table(plan: WordPlan) -> None:
    table = plan.document.add_table(rows=1, cols=2)
    plan.para(["UBND TỈNH HÀ TĨNH"], plan.cell(table, 0, 0))
    plan.para("SỞ NỘI VỤ", table.cell(0, 0), bold=True)
    plan.para("Số: /KH-SNV", table.cell(0, 0))
    plan.para("Hà Tĩnh, ngày      tháng 3 năm 2024", plan.cell(table, 0, 1), italic=True)


def _plan_around(tmp_path: Path, body, appendix=None, *, before_title=None, header=_header_table) -> Path:
    """A minimal plan with a custom body and appendix (callables that add to a ``WordPlan``)."""
    plan = WordPlan()
    if before_title:
        before_title(plan)
    header(plan)
    plan.para("KẾ HOẠCH", bold=True, center=True)
    plan.para("Cải cách hành chính năm 2024", bold=True, center=True)
    plan.para("")
    body(plan)
    signature = plan.document.add_table(rows=1, cols=2)
    plan.para(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], plan.cell(signature, 0, 0))
    plan.para(["GIÁM ĐỐC", "", "Trần Thị Bình"], plan.cell(signature, 0, 1))
    if appendix:
        appendix(plan)
    return plan.save(tmp_path / "plan.docx")


def test_header_with_blank_number_and_day(tmp_path: Path):
    data = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."))).data
    assert data["so"] is None
    assert data["co_quan"] == {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ NỘI VỤ", "viet_tat": "SNV"}
    assert data["ngay"] == "2024-03"
    assert data["nguoi_ky"] == {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Trần Thị Bình"}
    assert data["noi_nhan"] == ["Như trên"] and data["luu"] == ["VT"]
    assert data["noi_dung"] == [{"tieu_de": "NỘI DUNG"}]


def test_table_in_the_body_is_a_bang_item(tmp_path: Path):
    """Issue 9: a table inside the body is kept where it stands, as a ``bang`` item."""
    def body(plan: WordPlan) -> None:
        plan.para("I. KẾT QUẢ")
        plan.grid([["Chỉ tiêu", "Kết quả"], ["Hồ sơ đúng hạn", "98%"]])
        plan.para("Các phòng thực hiện./.")

    result = import_plan(_plan_around(tmp_path, body))
    assert "chua_xu_ly" not in result.data
    assert result.data["noi_dung"] == [{"tieu_de": "KẾT QUẢ", "noi_dung": [
        {"bang": {"cot": ["Chỉ tiêu", "Kết quả"], "dong": [["Hồ sơ đúng hạn", "98%"]]}},
        "Các phòng thực hiện."]}]


def test_a_body_table_with_a_blank_heading_cell_imports_and_renders(tmp_path: Path):
    """Real plans (G01) have a header cell left blank: it is kept as ten: "", not refused as a missing heading."""
    def body(plan: WordPlan) -> None:
        plan.para("I. LỊCH TRÌNH")
        plan.grid([["Thời gian", "Nội dung", None], ["7h00 - 7h15", "Ổn định tổ chức", "x"]])
        plan.para("Các lớp thực hiện./.")

    result = import_plan(_plan_around(tmp_path, body))
    assert result.data["noi_dung"][0]["noi_dung"][0] == {
        "bang": {"cot": ["Thời gian", "Nội dung", ""], "dong": [["7h00 - 7h15", "Ổn định tổ chức", "x"]]}}
    out = render_plan(write_import(result, tmp_path / "k.yaml"), tmp_path / "k.docx").output
    [table] = [t for t in docx.Document(str(out)).tables if t.rows[0].cells[0].text == "Thời gian"]
    assert [c.text for c in table.rows[0].cells] == ["Thời gian", "Nội dung", ""]
    assert [c.text for c in table.rows[1].cells] == ["7h00 - 7h15", "Ổn định tổ chức", "x"]


def test_text_after_the_closing_mark_and_before_the_header_is_kept(tmp_path: Path):
    def body(plan: WordPlan) -> None:
        plan.para("I. NỘI DUNG")
        plan.para("Các phòng thực hiện./.")
        plan.para("(Bản dự thảo lần 2)")

    result = import_plan(_plan_around(tmp_path, body, before_title=lambda p: p.para("DỰ THẢO", bold=True)))
    assert result.data["chua_xu_ly"] == ["DỰ THẢO", "(Bản dự thảo lần 2)"]
    assert any("Đoạn 1 ('DỰ THẢO')" in w.message for w in result.warnings)
    assert any("sau câu kết thúc './.'" in w.message for w in result.warnings)


def test_typed_numbering_that_skips_is_renumbered_with_a_warning(tmp_path: Path):
    def body(plan: WordPlan) -> None:
        plan.para("I. MỤC ĐÍCH")
        plan.para("1. Một")
        plan.para("3. Ba")
        plan.para("Thực hiện./.")

    result = import_plan(_plan_around(tmp_path, body))
    assert [n["tieu_de"] for n in result.data["noi_dung"][0]["noi_dung"]] == ["Một", "Ba"]
    assert any("'3.' sẽ thành '2.'" in w.message for w in result.warnings)


def test_merged_header_cells_and_group_rows_in_the_task_table(tmp_path: Path):
    """A two-row header ("Đơn vị thực hiện" over "Chủ trì" / "Phối hợp"), a group row, and a task
    whose content cell is merged down over two rows (one deadline per row): issue 9 keeps the
    group and the second row's own deadline and units."""
    def appendix(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC I")
        plan.para("NHIỆM VỤ NĂM 2024")
        table = plan.document.add_table(rows=6, cols=5)
        for column, text in enumerate(["STT", "Nhiệm vụ", "Đơn vị thực hiện", "", "Thời hạn"]):
            plan.para(text, plan.cell(table, 0, column))
        plan.para("Chủ trì", plan.cell(table, 1, 2))
        plan.para("Phối hợp", plan.cell(table, 1, 3))
        table.cell(0, 2).merge(table.cell(0, 3))
        for rows in ([2, "I", "NHIỆM VỤ TRỌNG TÂM", "", "", ""],
                     [3, "1", "Rà soát thủ tục", "Văn phòng", "Các phòng", "Quý I"],
                     [4, "", "", "Văn phòng", "Thanh tra", "Quý II"],
                     [5, "2", "Số hóa hồ sơ", "Trung tâm", "", "Tháng 6/2024"]):
            for column, text in enumerate(rows[1:]):
                plan.para(text, plan.cell(table, rows[0], column))
        table.cell(3, 1).merge(table.cell(4, 1))
        table.cell(3, 0).merge(table.cell(4, 0))

    result = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), appendix))
    assert result.data["phu_luc"] == [{
        "ten": "NHIỆM VỤ NĂM {{ nam }}",
        "cot": [{"khoa": "tt", "ten": "STT"}, {"khoa": "noi_dung", "ten": "Nhiệm vụ"},
                {"khoa": "chu_tri", "ten": "Chủ trì"}, {"khoa": "phoi_hop", "ten": "Phối hợp"},
                {"khoa": "thoi_gian", "ten": "Thời hạn"}],
        "nhom": [{"ten": "NHIỆM VỤ TRỌNG TÂM", "nhiem_vu": [
            {"ma": "NV01", "noi_dung": "Rà soát thủ tục", "chu_tri": "Văn phòng", "phoi_hop": "Các phòng",
             "san_pham": [{"thoi_gian": "Quý I"},
                          {"chu_tri": "Văn phòng", "phoi_hop": "Thanh tra", "thoi_gian": "Quý II"}]},
            {"ma": "NV02", "noi_dung": "Số hóa hồ sơ", "chu_tri": "Trung tâm", "thoi_gian": "Tháng 6/2024"},
        ]}]}]
    assert "chua_xu_ly" not in result.data


def test_a_table_split_by_word_continues_the_appendix(tmp_path: Path):
    def appendix(plan: WordPlan) -> None:
        plan.para("PHỤ LỤC")
        plan.para("NHIỆM VỤ")
        task_table(plan, [["1", "Việc một", "Báo cáo", "Văn phòng", "Các phòng", "Quý I"]])
        plan.para("")
        task_table(plan, [["2", "Việc hai", "Báo cáo", "Thanh tra", "Các phòng", "Quý II"]], header=False)

    tasks = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), appendix)).data["phu_luc"][0]
    assert [(t["ma"], t["noi_dung"], t["chu_tri"]) for t in tasks["nhiem_vu"]] == [
        ("NV01", "Việc một", "Văn phòng"), ("NV02", "Việc hai", "Thanh tra")]


def test_task_table_after_the_signature_without_a_label(tmp_path: Path):
    def appendix(plan: WordPlan) -> None:
        plan.para("Ghi chú: gửi bản điện tử.")
        plan.para("")
        plan.para("BẢNG NHIỆM VỤ NĂM 2024", bold=True, center=True)
        task_table(plan, [["1", "Việc một", "Báo cáo", "Văn phòng", "Các phòng", "Quý I"]])
        plan.para("Người lập biểu")
        plan.grid([["Ký", "Duyệt"]])

    data = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), appendix)).data
    assert [a["ten"] for a in data["phu_luc"]] == ["BẢNG NHIỆM VỤ NĂM {{ nam }}"]
    assert data["phu_luc"][0]["nhiem_vu"][0]["noi_dung"] == "Việc một"
    assert data["chua_xu_ly"] == ["Ghi chú: gửi bản điện tử.", "Người lập biểu", "Ký | Duyệt"]


def test_signature_typed_without_a_table(tmp_path: Path):
    plan = WordPlan()
    plan.para("UBND HUYỆN CAN LỘC\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    plan.para("PHÒNG NỘI VỤ\tĐộc lập - Tự do - Hạnh phúc", bold=True)
    plan.para("Số: 12/KH-PNV\tCan Lộc, ngày 15 tháng 12 năm 2023")
    plan.para("KẾ HOẠCH", bold=True, center=True)
    plan.para("Công tác văn thư năm 2024", bold=True, center=True)
    plan.para("I. NỘI DUNG", bold=True)
    plan.para("Thực hiện đúng quy định./.")
    plan.para("Nơi nhận:\t\tKT.TRƯỞNG PHÒNG", bold=True)
    plan.para("- UBND huyện;\t\tPHÓ TRƯỞNG PHÒNG")
    plan.para("- Lưu: VT.")
    plan.para("\t\tLê  Văn  Cường")
    data = import_plan(plan.save(tmp_path / "plan.docx")).data
    assert data["nam"] == 2024  # dated in December for the next year
    assert data["co_quan"] == {"chu_quan": "UBND HUYỆN CAN LỘC", "ban_hanh": "PHÒNG NỘI VỤ", "viet_tat": "PNV"}
    assert data["so"] == 12 and data["dia_danh"] == "Can Lộc"
    assert data["trich_yeu"] == "Công tác văn thư năm {{ nam }}"
    assert data["nguoi_ky"] == {"quyen_han": "KT. TRƯỞNG PHÒNG", "chuc_vu": "PHÓ TRƯỞNG PHÒNG",
                                "ho_ten": "Lê Văn Cường"}
    assert data["noi_nhan"] == ["UBND huyện"] and data["luu"] == ["VT"]


def test_template_markers_in_the_text_stay_literal(tmp_path: Path):
    result = import_plan(_plan_around(tmp_path, lambda p: p.para("I. GHI {{ ten }} NĂM 2024./.")))
    assert result.data["noi_dung"] == [{"tieu_de": "{% raw %}GHI {{ ten }} NĂM 2024{% endraw %}"}]
    loaded = load_plan(write_import(result, tmp_path / "plan.yaml"))
    assert loaded.document.body[0].title == "GHI {{ ten }} NĂM 2024"


def test_seed_layout_header_in_one_cell_without_bold(tmp_path: Path):
    """The seed plan's Word layout: names, blank lines and "Số:" in one cell, no bold to tell the
    parent body from the issuer, a blank day, a two-line trích yếu naming another year, "Lưu" without
    a colon, doubled spaces in the signer, items separated by empty paragraphs in the task table."""
    plan = WordPlan()
    table = plan.document.add_table(rows=1, cols=2)
    for text in ("UBND TỈNH HÀ TĨNH", "", "SỞ TÀI NGUYÊN VÀ\u00a0MÔI TRƯỜNG", "Số:\u00a0\u00a0\t  /KH-STNMT\u200b"):
        plan.para(text, plan.cell(table, 0, 0) if text == "UBND TỈNH HÀ TĨNH" else table.cell(0, 0))
    for text in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", "Độc lập - Tự do - Hạnh phúc", "     ",
                 "          Hà Tĩnh, ngày      tháng 01 năm 2024"):
        plan.para(text, plan.cell(table, 0, 1) if text.startswith("CỘNG") else table.cell(0, 1))
    plan.para("")
    plan.para("KẾ HOẠCH")
    plan.para("Tuyên truyền cải cách hành chính ")
    plan.para("của Sở Tài nguyên và Môi trường năm 2023")
    plan.para("")
    plan.para("I. MỤC ĐÍCH, YÊU CẦU")
    plan.para("1. Mục đích:")
    plan.para("- Nâng cao nhận thức.")
    plan.para("Trên đây là nội dung Kế hoạch năm 2024 của Sở./.")
    signature = plan.document.add_table(rows=1, cols=2)
    for text in (" Nơi nhận:", "- UBND tỉnh (để b/c); ", "", "- Lưu VT, VP, TTT.", " "):
        plan.para(text, plan.cell(signature, 0, 0) if "Nơi" in text else signature.cell(0, 0))
    for text in ("    GIÁM  ĐỐC", "", "      Lê\u00a0 Ngọc  Huấn"):
        plan.para(text, plan.cell(signature, 0, 1) if "GIÁM" in text else signature.cell(0, 1))
    plan.para("PHỤ LỤC ")
    plan.para("NỘI DUNG TUYÊN TRUYỀN NĂM 2024 ")
    plan.para("(Kèm theo Kế hoạch số         /KH-STNMT ngày      / 01 /2024 của Sở Tài nguyên và Môi trường) ")
    task_table(plan, [["1", "Tuyên truyền về dịch vụ công trực tuyến.",
                       ["- Văn bản chỉ đạo, hướng dẫn;", "", "- Báo cáo kết quả thực hiện."],
                       ["- Thanh tra;", "", "- Văn phòng."], "Các phòng, đơn vị trực thuộc ",
                       "Thường xuyên trong năm "]])
    result = import_plan(plan.save(tmp_path / "seed.docx"))
    data = result.data
    assert data["co_quan"] == {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
                               "viet_tat": "STNMT", "ten": "Sở Tài nguyên và Môi trường"}
    assert (data["so"], data["dia_danh"], data["ngay"], data["nam"]) == (None, "Hà Tĩnh", "2024-01", 2024)
    assert data["trich_yeu"] == "Tuyên truyền cải cách hành chính của Sở Tài nguyên và Môi trường năm 2023"
    assert any("Tên kế hoạch ghi năm 2023 nhưng ngày ban hành là năm 2024" in w.message for w in result.warnings)
    assert data["noi_dung"] == [
        {"tieu_de": "MỤC ĐÍCH, YÊU CẦU", "noi_dung": [{"tieu_de": "Mục đích:", "noi_dung": ["- Nâng cao nhận thức."]}]},
        "Trên đây là nội dung Kế hoạch năm {{ nam }} của Sở.",
    ]
    assert data["nguoi_ky"] == {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Lê Ngọc Huấn"}
    assert data["noi_nhan"] == ["UBND tỉnh (để b/c)"] and data["luu"] == ["VT", "VP", "TTT"]
    assert data["phu_luc"] == [{"ten": "NỘI DUNG TUYÊN TRUYỀN NĂM {{ nam }}", "danh_so_cot": True, "nhiem_vu": [
        {"ma": "NV01", "noi_dung": "Tuyên truyền về dịch vụ công trực tuyến.",
         "san_pham": ["Văn bản chỉ đạo, hướng dẫn", "Báo cáo kết quả thực hiện"], "chu_tri": ["Thanh tra", "Văn phòng"],
         "phoi_hop": "Các phòng, đơn vị trực thuộc", "thoi_gian": "Thường xuyên trong năm"}]}]
    assert "chua_xu_ly" not in data


def test_addressees(tmp_path: Path):
    def body(plan: WordPlan) -> None:
        plan.para("Kính gửi:")
        plan.para("- Sở Nội vụ;")
        plan.para("- Sở Tài chính.")
        plan.para("Căn cứ Luật Tổ chức chính quyền địa phương;")
        plan.para("I. NỘI DUNG./.")

    data = import_plan(_plan_around(tmp_path, body)).data
    assert data["kinh_gui"] == ["Sở Nội vụ", "Sở Tài chính"]
    assert data["mo_dau"] == ["Căn cứ Luật Tổ chức chính quyền địa phương;"]
    single = import_plan(_plan_around(tmp_path, lambda p: (p.para("Kính gửi: Ủy ban nhân dân tỉnh"),
                                                           p.para("I. NỘI DUNG./.")))).data
    assert single["kinh_gui"] == ["Ủy ban nhân dân tỉnh"]


def _text_boxes(plan: WordPlan) -> None:
    """The header drawn as two VML text boxes anchored in an empty paragraph."""
    def box(lines: list[tuple[str, bool]]) -> str:
        paragraphs = "".join(f'<w:p><w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t>{text}</w:t></w:r></w:p>'
                             for text, bold in lines)
        return (f'<w:r {nsdecls("w")} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
                f'<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')

    host = plan.para("")
    host._p.append(parse_xml(box([("UBND TỈNH HÀ TĨNH", False), ("SỞ NỘI VỤ", True), ("Số: 07/KH-SNV", False)])))
    host._p.append(parse_xml(box([("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
                                  ("Hà Tĩnh, ngày 02 tháng 02 năm 2024", False)])))


def test_header_in_text_boxes(tmp_path: Path):
    data = import_plan(_plan_around(tmp_path, lambda p: p.para("I. NỘI DUNG./."), header=_text_boxes)).data
    assert data["co_quan"] == {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ NỘI VỤ", "viet_tat": "SNV"}
    assert (data["so"], data["dia_danh"], data["ngay"].isoformat()) == (7, "Hà Tĩnh", "2024-02-02")


def test_tracked_changes_read_as_accepted_and_hidden_text_is_left_out(tmp_path: Path):
    def body(plan: WordPlan) -> None:
        paragraph = plan.para("I. NỘI DUNG NĂM ")
        paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"><w:r><w:delText>2023</w:delText>'
                                      "</w:r></w:del>"))
        paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A"><w:r><w:t>2024</w:t></w:r></w:ins>'))
        paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t> (ẩn)</w:t></w:r>'))
        plan.para("Thực hiện./.")

    data = import_plan(_plan_around(tmp_path, body)).data
    assert data["noi_dung"] == [{"tieu_de": "NỘI DUNG NĂM {{ nam }}", "noi_dung": ["Thực hiện."]}]
