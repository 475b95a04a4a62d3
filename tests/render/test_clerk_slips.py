"""A clerk's slips give the document they meant or a clear error: typed heading numbers, căn cứ lines.

Invariant: what ``render``/``report`` write passes our own ``check`` with 0 không đạt.
"""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

from hanhchinh_docs import api
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.conventions.legal_basis import punctuated
from hanhchinh_docs.conventions.numbering import typed_label, without_typed_label
from tests.support.plans import plan_data, write_plan

CAN_CU = [
    "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013,",
    "Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ",
    "Căn cứ tình hình thực tế của xã;",
    "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
]


def body_paragraphs(path):
    return [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_can_cu_lines_are_punctuated_and_pass_check(tmp_path):
    plan = write_plan(tmp_path / "ke_hoach.yaml", mo_dau=CAN_CU)
    result = api.render_plan(plan, tmp_path / "ke_hoach.docx")
    paragraphs = body_paragraphs(result.output)
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Căn cứ"))
    lines = paragraphs[start:start + 4]
    assert [p.text for p in lines] == [
        "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;",
        "Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ;",
        "Căn cứ tình hình thực tế của xã.",
        "Ủy ban nhân dân xã ban hành Kế hoạch như sau:",
    ]
    # NĐ 30, Phụ lục I, mục II.6.a: căn cứ lines are italic in any văn bản that opens with them
    assert [all(r.italic for r in p.runs) for p in lines] == [True, True, True, False]
    warned = [w for w in result.warnings if w.message.startswith("Dòng căn cứ")]
    assert [w.location.field for w in warned] == ["mo_dau[0]", "mo_dau[1]", "mo_dau[2]"]
    assert warned[2].message.startswith("Dòng căn cứ «Căn cứ tình hình thực tế của xã;» sẽ in kết thúc bằng «.»")
    report = api.check_docx(result.output)
    assert not report.failed, report.to_text()


@pytest.mark.parametrize("opening", [
    ["Căn cứ Luật Tổ chức chính quyền địa phương;"],
    ["Căn cứ Luật A", "Căn cứ Luật B", "Theo đề nghị của Văn phòng"],
    ["căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND huyện.", "Xã ban hành Kế hoạch:"],
    ["Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh;", "Căn cứ tình hình thực tế,"],
])
def test_generated_plans_with_can_cu_pass_check(tmp_path, opening):
    plan = write_plan(tmp_path / "ke_hoach.yaml", mo_dau=opening)
    result = api.render_plan(plan, tmp_path / "ke_hoach.docx")
    report = api.check_docx(result.output)
    assert not report.failed, report.to_text()


@pytest.mark.parametrize("opening, expected", [
    (["Căn cứ A,", "Căn cứ B", "Căn cứ C;", "Sở ban hành:"], ["Căn cứ A;", "Căn cứ B;", "Căn cứ C.", "Sở ban hành:"]),
    (["Căn cứ A."], ["Căn cứ A."]),
    (["Thực hiện A;", "Căn cứ B"], ["Thực hiện A;", "Căn cứ B"]),
    (["Căn cứ A ; ", "Theo đề nghị của Văn phòng"], ["Căn cứ A;", "Theo đề nghị của Văn phòng."]),
])
def test_punctuated(opening, expected):
    assert punctuated(opening) == expected


@pytest.mark.parametrize("text, level, index, typed, matches, printed", [
    ("I. MỤC ĐÍCH, YÊU CẦU", 1, 0, "I.", True, "MỤC ĐÍCH, YÊU CẦU"),
    ("IV. KINH PHÍ", 1, 3, "IV.", True, "KINH PHÍ"),
    ("II. KINH PHÍ", 1, 0, "II.", False, "II. KINH PHÍ"),
    ("1. Mục đích:", 2, 0, "1.", True, "Mục đích:"),
    ("2) Yêu cầu:", 2, 1, "2)", True, "Yêu cầu:"),
    ("1. Mục đích:", 1, 0, "1.", False, "1. Mục đích:"),
    ("đ) Tập huấn", 3, 4, "đ)", True, "Tập huấn"),
    ("MỤC ĐÍCH, YÊU CẦU", 1, 0, None, None, "MỤC ĐÍCH, YÊU CẦU"),
    ("Việc 2024 năm", 2, 0, None, None, "Việc 2024 năm"),
])
def test_typed_labels(text, level, index, typed, matches, printed):
    found = typed_label(text, level, index)
    assert (found.typed, found.matches) == (typed, matches) if typed else found is None
    assert without_typed_label(text, level, index) == printed


def test_a_typed_number_matching_the_automatic_one_is_printed_once(tmp_path):
    data = plan_data()
    data["noi_dung"][0]["tieu_de"] = "I. MỤC ĐÍCH, YÊU CẦU"
    data["noi_dung"][0]["noi_dung"][0]["tieu_de"] = "1. Mục đích:"
    result = api.render_plan(write_plan(tmp_path / "ke_hoach.yaml", data), tmp_path / "ke_hoach.docx")
    texts = [p.text for p in body_paragraphs(result.output)]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "1. Mục đích:" in texts
    assert not any(t.startswith(("I. I.", "1. 1.")) for t in texts)
    [warning] = [w for w in result.warnings if "«I. MỤC" in w.message]
    assert warning.message == ("«I. MỤC ĐÍCH, YÊU CẦU» đã gõ sẵn số «I.»; công cụ tự đánh số nên chỉ in một lần "
                               "«I. MỤC ĐÍCH, YÊU CẦU». Hãy xóa «I. » khỏi 'tieu_de'")
    assert warning.location.field == "noi_dung[0].tieu_de"
    assert not api.check_docx(result.output).failed


def test_a_conflicting_typed_number_is_refused_and_nothing_written(tmp_path):
    data = plan_data()
    data["noi_dung"][1]["tieu_de"] = "III. TỔ CHỨC THỰC HIỆN"
    plan = write_plan(tmp_path / "ke_hoach.yaml", data)
    out = tmp_path / "ke_hoach.docx"
    result = CliRunner().invoke(cli, ["render", str(plan), "-o", str(out)])
    assert result.exit_code == 2
    assert ("  - «III. TỔ CHỨC THỰC HIỆN» đã gõ sẵn số «III.» nhưng ở vị trí này công cụ tự đánh số «II.»; hãy "
            "xóa «III. » khỏi 'tieu_de' (công cụ tự đánh số theo thứ tự các mục, không in hai số)") in result.stderr
    assert "trường 'noi_dung[1].tieu_de'" in result.stderr
    assert not out.exists()


def test_can_cu_lines_are_italic_in_a_kind_that_has_a_can_cu_ban_hanh(tmp_path):
    """Quyết định, nghị quyết ... (NĐ 30, Phụ lục I, mục II.6.a): the same step italicises them."""
    from hanhchinh_docs.render.postprocess import italicise_legal_basis

    result = api.render_plan(write_plan(tmp_path / "ke_hoach.yaml", mo_dau=CAN_CU), tmp_path / "ke_hoach.docx")
    document = docx.Document(str(result.output))
    [type_name] = [p for p in document.paragraphs if p.text == "KẾ HOẠCH"]
    type_name.runs[0].text = "QUYẾT ĐỊNH"
    italicise_legal_basis(document)
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Căn cứ"))
    assert [all(r.italic for r in p.runs) for p in paragraphs[start:start + 4]] == [True, True, True, False]
