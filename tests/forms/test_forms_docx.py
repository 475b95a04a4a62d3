"""Each kind's distinctive parts, read back from the .docx (texts, bold/italic, sizes, alignment, sections)."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
import yaml
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from hanhchinh_docs import api
from tests.conftest import EXAMPLES


def render(tmp_path: Path, name: str, **changes) -> docx.document.Document:
    source = EXAMPLES / name
    if changes:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        data.update(changes)
        for key in [k for k, v in changes.items() if v is None]:
            del data[key]
        source = tmp_path / name
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for plan in EXAMPLES.glob("ke_hoach_*.yaml"):
            (tmp_path / plan.name).write_bytes(plan.read_bytes())
    out = tmp_path / (Path(name).stem + ".docx")
    api.render_document(source, out)
    return docx.Document(str(out))


def body_paragraphs(document) -> list:
    return [p for p in document.paragraphs if p.text.strip()]


def find(document, start: str):
    return next(p for p in body_paragraphs(document) if p.text.startswith(start))


def effective(paragraph, attr: str):
    """bold/italic/size of the first text run: the run's own value, else its paragraph style chain's."""
    run = next(r for r in paragraph.runs if r.text.strip())
    value = getattr(run.font, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    return value


def test_cong_van_has_v_v_under_the_number_and_no_type_name(tmp_path):
    document = render(tmp_path, "cong_van_don_doc_bao_cao_quy_1_2024.yaml")
    left = document.tables[0].cell(1, 0)
    texts = [p.text for p in left.paragraphs if p.text.strip()]
    assert texts[0] == "Số: 12/STNMT-VP"
    assert texts[1] == "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch tuyên truyền CCHC quý I năm 2024"
    subject = left.paragraphs[1]
    assert effective(subject, "size") == Pt(12) and not effective(subject, "bold")
    assert subject.style.paragraph_format.alignment == 1      # centred
    assert subject.style.paragraph_format.space_before == Pt(6)
    body = [p.text for p in body_paragraphs(document)]
    assert "CÔNG VĂN" not in body
    assert body[:3] == ["Kính gửi:", "- Các phòng chuyên môn thuộc Sở;", "- Các đơn vị sự nghiệp trực thuộc Sở."]


def test_cong_van_marks_and_drafter(tmp_path):
    document = render(tmp_path, "cong_van_don_doc_bao_cao_quy_1_2024.yaml", do_mat="mật",
                      pham_vi_luu_hanh="Lưu hành nội bộ")
    left = document.tables[0].cell(1, 0)
    marks = {p.text: p for p in left.paragraphs if p.text in ("MẬT", "KHẨN")}
    assert set(marks) == {"MẬT", "KHẨN"}
    for paragraph in marks.values():      # each stamp is a boxed run (ô 10a, 10b)
        assert paragraph.runs[0]._r.find(qn("w:rPr") + "/" + qn("w:bdr")) is not None
        assert effective(paragraph, "bold") and effective(paragraph, "size") == Pt(13)
    header = document.sections[0].first_page_header
    assert [p.text for p in header.paragraphs if p.text] == ["LƯU HÀNH NỘI BỘ"]
    footer = document.sections[0].first_page_footer
    assert [p.text for p in footer.paragraphs if p.text] == [
        "Địa chỉ: 01 Nguyễn Du, TP Hà Tĩnh; Điện thoại: 0239 3855 555; Email: stnmt@hatinh.gov.vn"]
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs if p.text]
    assert recipients == ["Nơi nhận:", "- Như trên;", "- Giám đốc Sở;", "- Lưu: VT, VP, NVA.(12)."]


def test_one_addressee_stays_on_the_kinh_gui_line(tmp_path):
    document = render(tmp_path, "cong_van_don_doc_bao_cao_quy_1_2024.yaml", kinh_gui="Ủy ban nhân dân tỉnh")
    assert body_paragraphs(document)[0].text == "Kính gửi: Ủy ban nhân dân tỉnh"


def test_quyet_dinh_authority_legal_bases_and_articles(tmp_path):
    document = render(tmp_path, "quyet_dinh_thanh_lap_to_cong_tac_2024.yaml")
    texts = [p.text for p in body_paragraphs(document)]
    start = texts.index("QUYẾT ĐỊNH")
    assert texts[start + 2] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"
    authority = find(document, "CHỦ TỊCH ỦY BAN")
    assert effective(authority, "bold") and authority.style.paragraph_format.alignment == 1
    assert texts[start + 3:start + 7] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính;",
        "Theo đề nghị của Giám đốc Sở Tài nguyên và Môi trường và Chánh Văn phòng UBND tỉnh.",
        "QUYẾT ĐỊNH:",
    ]
    assert effective(find(document, "Căn cứ Luật"), "italic")
    assert effective(find(document, "Theo đề nghị"), "italic")
    assert effective(find(document, "QUYẾT ĐỊNH:"), "bold")
    article = find(document, "Điều 1.")
    assert [r.text for r in article.runs][0] == "Điều 1." and article.runs[0].bold
    assert not article.runs[1].bold and article.runs[1].text.startswith(" Thành lập Tổ công tác")
    assert "1. Ông Trần Văn Kiên, Phó Chủ tịch UBND tỉnh, Tổ trưởng." in texts
    assert [t for t in texts if t[:2] in ("a)", "b)", "c)", "d)", "đ)")] == [
        "a) Thủ tục đăng ký đất đai lần đầu;", "b) Thủ tục cấp đổi, cấp lại giấy chứng nhận;",
        "c) Thủ tục chuyển mục đích sử dụng đất;", "d) Thủ tục giao đất, cho thuê đất;",
        "đ) Thủ tục thu hồi đất."]
    assert find(document, "Điều 3.").text.endswith("thi hành Quyết định này./.")
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs if p.text]
    assert recipients[:2] == ["Nơi nhận:", "- Như Điều 3;"]


def test_nghi_quyet_says_quyet_nghi(tmp_path):
    document = render(tmp_path, "nghi_quyet_thong_qua_ke_hoach_dau_tu_2024.yaml")
    texts = [p.text for p in body_paragraphs(document)]
    assert "NGHỊ QUYẾT" in texts and "QUYẾT NGHỊ:" in texts and "QUYẾT ĐỊNH:" not in texts
    assert document.tables[0].cell(1, 0).paragraphs[0].text == "Số: 12/NQ-HĐND"


def test_mau_1_3_attaches_the_plan_without_a_second_header(tmp_path):
    document = render(tmp_path, "quyet_dinh_ban_hanh_ke_hoach_cchc_2024.yaml")
    orientations = [s.orientation for s in document.sections]
    assert orientations[:2] == [WD_ORIENT.PORTRAIT, WD_ORIENT.PORTRAIT]
    assert orientations[-1] == WD_ORIENT.LANDSCAPE
    texts = [p.text for p in body_paragraphs(document)]
    attached = texts.index("KẾ HOẠCH")
    assert texts[attached + 1].startswith("Tuyên truyền cải cách hành chính, chỉ số năng lực cạnh tranh")
    assert texts[attached + 2] == ("(Kèm theo Quyết định số       /QĐ-STNMT ngày        tháng 01 năm 2024 của "
                                   "Giám đốc Sở Tài nguyên và Môi trường)")
    assert effective(find(document, "(Kèm theo Quyết định"), "italic")
    all_text = "\n".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert all_text.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
    assert document.sections[1].start_type == 2       # new page
    assert "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số" in texts[texts.index("Phụ lục") + 2]


def test_a_decision_without_attachment_has_one_section(tmp_path):
    document = render(tmp_path, "quyet_dinh_ban_hanh_ke_hoach_cchc_2024.yaml", kem_theo=None)
    assert len(document.sections) == 1
    assert "KẾ HOẠCH" not in [p.text for p in body_paragraphs(document)]


def test_to_trinh_is_addressed_and_starts_recipients_with_nhu_tren(tmp_path):
    document = render(tmp_path, "to_trinh_ke_hoach_cchc_2024.yaml")
    texts = [p.text for p in body_paragraphs(document)]
    assert texts[:3] == ["TỜ TRÌNH", "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính, PCI, DDCI năm 2024",
                         "Kính gửi: Giám đốc Sở Tài nguyên và Môi trường"]
    assert document.tables[0].cell(1, 0).paragraphs[0].text == "Số: 02/TTr-VP"
    recipients = [p.text for p in document.tables[1].cell(0, 0).paragraphs if p.text]
    assert recipients[1] == "- Như trên;"


def test_giay_moi_fixed_phrases(tmp_path):
    texts = [p.text for p in body_paragraphs(render(tmp_path, "giay_moi_hoi_nghi_trien_khai_cchc_2024.yaml"))]
    assert texts[0] == "GIẤY MỜI"
    assert "Sở Tài nguyên và Môi trường trân trọng kính mời:" in texts
    assert "Chủ trì: Đồng chí Nguyễn Văn Hùng, Giám đốc Sở." in texts
    assert "Thời gian: 08 giờ 00, ngày 18 tháng 01 năm 2024 (thứ Năm)." in texts
    assert any(t.startswith("Địa điểm: Hội trường tầng 3") for t in texts)
    assert texts[-1].endswith("./.")


def test_bien_ban_times_people_and_two_signatures(tmp_path):
    document = render(tmp_path, "bien_ban_hop_trien_khai_ke_hoach_cchc_2024.yaml")
    texts = [p.text for p in body_paragraphs(document)]
    assert "Thời gian bắt đầu: 08 giờ 00, ngày 18 tháng 01 năm 2024." in texts
    assert "Thư ký (người ghi biên bản): Lê Thị Hoa, Chuyên viên Văn phòng Sở." in texts
    assert texts[-1] == "Hội nghị kết thúc vào 10 giờ 30, ngày 18 tháng 01 năm 2024./."
    signatures = document.tables[1]
    left = [p.text for p in signatures.cell(0, 0).paragraphs if p.text]
    right = [p.text for p in signatures.cell(0, 1).paragraphs if p.text]
    assert left == ["THƯ KÝ", "Lê Thị Hoa"] and right == ["CHỦ TỌA", "Nguyễn Văn Hùng"]
    assert [p.text for p in signatures.cell(1, 0).paragraphs if p.text][0] == "Nơi nhận:"


def test_giay_gioi_thieu_and_nghi_phep(tmp_path):
    texts = [p.text for p in body_paragraphs(render(tmp_path, "giay_gioi_thieu_cong_tac_so_hoa_2024.yaml"))]
    assert texts[:3] == ["GIẤY GIỚI THIỆU", "Sở Tài nguyên và Môi trường trân trọng giới thiệu:",
                         "Ông (bà): Phạm Minh Đức"]
    assert texts[-1] == "Giấy này có giá trị đến hết ngày 30 tháng 4 năm 2024./."
    texts = [p.text for p in body_paragraphs(render(tmp_path, "giay_nghi_phep_2024.yaml"))]
    assert "Giám đốc Sở Tài nguyên và Môi trường cấp cho:" in texts
    assert ("Nghỉ phép năm 2024 trong thời gian 8 ngày, từ ngày 01 tháng 7 năm 2024 đến hết ngày 10 tháng 7 "
            "năm 2024.") in texts


def test_symbols_use_the_nd30_abbreviations(tmp_path):
    expected = {"quy_dinh_quan_ly_tai_lieu_luu_tru_2024.yaml": "Số: 02/QyĐ-STNMT",
                "chuong_trinh_cong_tac_nam_2024.yaml": "Số: 01/CTr-STNMT",
                "de_an_so_hoa_ho_so_dia_chinh_2024.yaml": "Số: 01/ĐA-STNMT",
                "cong_dien_phong_chong_bao_2024.yaml": "Số: 05/CĐ-UBND"}
    for name, number in expected.items():
        assert render(tmp_path, name).tables[0].cell(1, 0).paragraphs[0].text == number


def test_the_periodic_report_shares_the_marks(tmp_path):
    for plan in EXAMPLES.glob("ke_hoach_*.yaml"):
        (tmp_path / plan.name).write_bytes(plan.read_bytes())
    source = tmp_path / "bao_cao.yaml"
    source.write_text((EXAMPLES / "bao_cao_quy_1_2024.yaml").read_text(encoding="utf-8")
                      + "\ndo_khan: thượng khẩn\npham_vi_luu_hanh: XEM XONG TRẢ LẠI\n", encoding="utf-8")
    out = tmp_path / "bao_cao.docx"
    api.render_document(source, out)
    document = docx.Document(str(out))
    assert [p.text for p in document.tables[0].cell(1, 0).paragraphs if p.text][1:] == ["THƯỢNG KHẨN"]
    assert [p.text for p in document.sections[0].first_page_header.paragraphs if p.text] == ["XEM XONG TRẢ LẠI"]
