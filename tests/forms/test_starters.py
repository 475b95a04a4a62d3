"""`new`: every kind's starter file renders as is and passes `check`; `new --danh-sach` lists the kinds."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from openxml_audit import OpenXmlValidator

from hanhchinh_docs import api
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.conventions.kinds import KINDS


def invoke(*args):
    return CliRunner().invoke(cli, list(args), prog_name="hanhchinh-docs")


@pytest.mark.parametrize("kind", list(KINDS))
def test_starter_renders_to_a_valid_draft(kind, tmp_path):
    from hanhchinh_docs.checker import check_document

    data = tmp_path / f"{kind}.yaml"
    result = invoke("new", kind, "-o", str(data))
    assert result.exit_code == 0, result.output
    assert data.read_text(encoding="utf-8").startswith("# Tệp dữ liệu mẫu: ")
    assert f"loai: {kind}\n" in data.read_text(encoding="utf-8")
    out = tmp_path / f"{kind}.docx"
    result = invoke("render", str(data), "-o", str(out))
    assert result.exit_code == 0, result.output
    report = check_document(out)
    assert not report.failed, [r for r in report.results if r.outcome == "khong_dat"]
    audit = OpenXmlValidator().validate(str(out))
    assert audit.is_valid, [str(e) for e in audit.errors][:5]


def test_list_shows_every_kind_with_its_abbreviation_and_form():
    result = invoke("new", "--danh-sach")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1 + 25
    assert lines[1].split() == ["nghi_quyet", "Nghị", "quyết", "NQ", "1.1"]
    rows = {line.split()[0]: line.split() for line in lines[1:]}
    assert rows["quy_dinh"][-2:] == ["QyĐ", "1.4"]
    assert rows["chuong_trinh"][-2:] == ["CTr", "1.4"]
    assert rows["to_trinh"][-2:] == ["TTr", "1.4"]
    assert rows["cong_van"][-2:] == ["-", "1.5"]
    assert rows["giay_nghi_phep"][-2:] == ["GNP", "1.10"]


def test_an_existing_file_is_not_overwritten(tmp_path):
    target = tmp_path / "cv.yaml"
    target.write_text("giữ nguyên", encoding="utf-8")
    result = invoke("new", "cong_van", "-o", str(target))
    assert result.exit_code == 2
    assert "đã có" in result.output and "--ghi-de" in result.output
    assert target.read_text(encoding="utf-8") == "giữ nguyên"
    assert invoke("new", "cong_van", "-o", str(target), "--ghi-de").exit_code == 0
    assert "loai: cong_van" in target.read_text(encoding="utf-8")


def test_unknown_kind_suggests_the_closest(tmp_path):
    result = invoke("new", "quyet_dinhh", "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert "Không có loại văn bản 'quyet_dinhh'. Có phải ý bạn là 'quyet_dinh'?" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_missing_kind_says_how_to_list():
    result = invoke("new")
    assert result.exit_code == 2
    assert "hanhchinh-docs new --danh-sach" in result.output


def test_api_lists_25_kinds_in_phu_luc_iii_order():
    kinds = api.document_kinds()
    assert [k[0] for k in kinds][:3] == ["nghi_quyet", "quyet_dinh", "chi_thi"]
    assert ("cong_van", "Công văn", "", "1.5") in kinds
    assert ("giay_uy_quyen", "Giấy ủy quyền", "GUQ", "1.4") in kinds
