"""Plan structures of real offices: task groups, the office's own columns, product rows, table
appendices and body tables, as the loader reads them."""

from __future__ import annotations

import textwrap
from types import SimpleNamespace

import pytest

from hanhchinh_docs.errors import InvalidDataError
from hanhchinh_docs.model.common import BodyTable
from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.model.plan import Product

HEAD = """\
loai: ke_hoach
nam: 2025
co_quan: {ban_hanh: UBND TỈNH HÀ TĨNH, viet_tat: UBND}
dia_danh: Hà Tĩnh
trich_yeu: Cải cách hành chính năm 2025
nguoi_ky: {quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
luu: [VT, NC]
"""


def load(tmp_path, text: str):
    path = tmp_path / "ke_hoach.yaml"
    path.write_text(HEAD + textwrap.dedent(text), encoding="utf-8")
    return load_plan(path)


def errors(tmp_path, text: str) -> list[str]:
    with pytest.raises(InvalidDataError) as info:
        load(tmp_path, text)
    return [f"{p.location.line}: {p.message}" for p in info.value.problems]


GROUPED = """\
phu_luc:
  - ten: PHÂN CÔNG THỰC HIỆN NHIỆM VỤ
    cot:
      - tt
      - noi_dung
      - san_pham
      - thoi_gian
      - chu_tri
      - phoi_hop
      - {khoa: theo_doi, ten: "Theo dõi, kiểm tra, đôn đốc", rong: 30}
    nhom:
      - ten: Cải cách thể chế
        nhiem_vu:
          - noi_dung: Đăng tải văn bản
            san_pham: Văn bản được đăng tải
            chu_tri: Sở Tư pháp
            theo_doi: Sở Tư pháp
          - ma: NV02
            noi_dung: Rà soát văn bản
            san_pham:
              - {san_pham: Báo cáo rà soát, thoi_gian: Trước ngày 31/01/2025, chu_tri: Sở Tư pháp}
              - {san_pham: Danh mục văn bản hết hiệu lực, thoi_gian: Quý IV, theo_doi: Văn phòng}
      - ten: Cải cách thủ tục hành chính
        so: V
        nhiem_vu:
          - {noi_dung: Công bố thủ tục, chu_tri: Văn phòng}
"""


def test_groups_columns_and_product_rows_load(tmp_path):
    appendix = load(tmp_path, GROUPED).document.appendices[0]
    assert [g.title for g in appendix.groups] == ["Cải cách thể chế", "Cải cách thủ tục hành chính"]
    assert [appendix.group_number(0), appendix.group_number(1)] == ["I", "V"]
    first, second = appendix.groups[0].tasks
    assert first.extra == {"theo_doi": ["Sở Tư pháp"]}
    assert second.product_names == ["Báo cáo rà soát", "Danh mục văn bản hết hiệu lực"]
    rows = second.product_rows
    assert rows[0] == Product(san_pham="Báo cáo rà soát", thoi_gian="Trước ngày 31/01/2025", chu_tri=["Sở Tư pháp"])
    assert rows[1].extra == {"theo_doi": ["Văn phòng"]}
    assert first.product_rows == []
    columns = appendix.task_columns()
    assert [(c.key, c.heading, c.width) for c in columns][-2:] == [
        ("phoi_hop", "Đơn vị phối hợp", 34), ("theo_doi", "Theo dõi, kiểm tra, đôn đốc", 30)]


def test_task_numbers_restart_per_group_or_run_on(tmp_path):
    plan = load(tmp_path, GROUPED).document
    assert [(e.key, e.position, e.number) for e in plan.task_entries()] == [
        ("I.1", "I.1", "1"), ("NV02", "I.2", "2"), ("V.1", "V.1", "1")]
    assert plan.task_entries()[2].path == ("phu_luc", 0, "nhom", 1, "nhiem_vu", 0)
    continuous = load(tmp_path, GROUPED.replace("    cot:", "    danh_so: lien_tuc\n    cot:", 1)).document
    assert [(e.key, e.number) for e in continuous.task_entries()] == [("1", "1"), ("NV02", "2"), ("3", "3")]


def test_flat_plan_keys_are_unchanged(tmp_path):
    plan = load(tmp_path, """\
        phu_luc:
          - ten: A
            nhiem_vu: [{noi_dung: Một}, {noi_dung: Hai, ma: X2}]
          - ten: B
            nhiem_vu: [{noi_dung: Ba}]
        """).document
    assert [(e.key, e.number, e.path) for e in plan.task_entries()] == [
        ("1.1", "1", ("phu_luc", 0, "nhiem_vu", 0)), ("X2", "2", ("phu_luc", 0, "nhiem_vu", 1)),
        ("2.1", "1", ("phu_luc", 1, "nhiem_vu", 0))]


def test_misspelt_standard_key_is_still_caught_next_to_an_office_column(tmp_path):
    text = GROUPED.replace("            chu_tri: Sở Tư pháp\n            theo_doi",
                           "            chu_tr: Sở Tư pháp\n            theo_doi")
    assert errors(tmp_path, text) == [
        "23: Trường 'chu_tr' không có trong mẫu dữ liệu. Có phải ý bạn là 'chu_tri'?"]


def test_undeclared_office_column_is_an_unknown_field(tmp_path):
    text = GROUPED.replace('      - {khoa: theo_doi, ten: "Theo dõi, kiểm tra, đôn đốc", rong: 30}\n', "")
    found = errors(tmp_path, text)
    assert found[0].startswith("23: Trường 'theo_doi' không có trong mẫu dữ liệu")


def test_office_column_needs_a_heading(tmp_path):
    text = GROUPED.replace('{khoa: theo_doi, ten: "Theo dõi, kiểm tra, đôn đốc", rong: 30}', "theo_doi")
    assert errors(tmp_path, text) == [
        "17: Cột riêng 'theo_doi' cần tiêu đề 'ten' (ví dụ ten: \"Theo dõi, kiểm tra, đôn đốc\")."]


@pytest.mark.parametrize("width", ["30mm", "-5", "0", "1001"])
def test_a_column_width_that_is_not_a_positive_number_of_mm_says_how_to_write_it(tmp_path, width):
    text = GROUPED.replace('ten: "Theo dõi, kiểm tra, đôn đốc", rong: 30}', f'ten: "Theo dõi, kiểm tra, đôn đốc", rong: {width}}}')
    assert errors(tmp_path, text) == [
        "17: Độ rộng cột 'rong' tính bằng mm: chỉ ghi số lớn hơn 0 và không quá 1000, không kèm 'mm' (ví dụ "
        "rong: 30); các cột được co giãn theo tỷ lệ cho vừa khổ giấy"]


def test_pydantic_limits_print_as_whole_numbers(tmp_path):
    """"phải từ 1 trở lên", never "1.0": the limit in a message is the number the clerk would type."""
    from hanhchinh_docs.model.loader import translate_validation_error
    from pydantic import BaseModel, Field, ValidationError

    class Limited(BaseModel):
        value: float = Field(gt=0.0, le=5.0)

    with pytest.raises(ValidationError) as caught:
        Limited(value=-1)
    [problem] = translate_validation_error(caught.value, SimpleNamespace(locate=lambda path: None), set())
    assert problem.message == "Giá trị phải lớn hơn 0"


def test_tasks_and_groups_together_are_refused(tmp_path):
    text = GROUPED.replace("    nhom:", "    nhiem_vu: [{noi_dung: Lạc}]\n    nhom:")
    assert errors(tmp_path, text) == [
        "18: Phụ lục có cả 'nhiem_vu' và 'nhom'; khi chia nhóm, hãy đưa mọi nhiệm vụ vào 'nhiem_vu' của từng nhóm"]


def test_table_appendix_and_body_table(tmp_path):
    plan = load(tmp_path, """\
        noi_dung:
          - tieu_de: CHỈ TIÊU
            noi_dung:
              - bang:
                  ten: Chỉ tiêu theo năm
                  cot: [Chỉ tiêu, {ten: "2025", rong: 20}]
                  dong:
                    - [Hồ sơ trực tuyến (%), 80]
                    - [Thủ tục công bố, null]
        phu_luc:
          - loai: bang
            ten: LỊCH KIỂM TRA
            cot: [STT, Đơn vị được kiểm tra, Thời gian kiểm tra]
            dong:
              - ["1", Sở Tư pháp, Tháng 5/2025]
        """).document
    table = plan.body[0].children[0]
    assert isinstance(table, BodyTable)
    assert [(c.heading, c.width) for c in table.table.columns] == [("Chỉ tiêu", None), ("2025", 20)]
    assert table.table.rows == [["Hồ sơ trực tuyến (%)", "80"], ["Thủ tục công bố", ""]]
    schedule = plan.appendices[0]
    assert schedule.kind == "bang"
    assert [c.heading for c in schedule.columns] == ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"]
    assert plan.task_entries() == []


def test_table_rows_must_match_the_columns(tmp_path):
    assert errors(tmp_path, """\
        noi_dung:
          - bang:
              cot: [A, B]
              dong:
                - [x, y]
                - [z]
        phu_luc:
          - loai: bang
            ten: LỊCH
            cot: [A]
            nhiem_vu: [{noi_dung: x}]
        """) == [
        "13: Dòng 2 của bảng có 1 ô nhưng bảng có 2 cột; mỗi dòng cần đúng 2 ô (ô trống viết \"\")",
        "18: Phụ lục dạng bảng (loai: bang) không dùng 'nhiem_vu'; hãy ghi từng dòng của bảng trong 'dong'"]


def test_lint_reads_group_titles_and_table_captions(tmp_path):
    from hanhchinh_docs.model.lint import lint_plan

    loaded = load(tmp_path, """\
        noi_dung:
          - bang: {ten: Chỉ tiêu năm 2024, cot: [A], dong: [["năm 2023"]]}
        phu_luc:
          - ten: NHIỆM VỤ
            nhom:
              - ten: Nhiệm vụ năm 2024
                nhiem_vu: [{noi_dung: Việc, chu_tri: VP}]
        """)
    years = [(p.location.field, p.message.split(" khác")[0]) for p in lint_plan(loaded) if p.message.startswith("Năm ")]
    assert years == [("noi_dung[0].bang.ten", "Năm 2024 trong «Chỉ tiêu năm 2024»"),
                     ("phu_luc[0].nhom[0].ten", "Năm 2024 trong «Nhiệm vụ năm 2024»")]
