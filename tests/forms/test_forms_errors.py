"""Bad input for each kind: a Vietnamese message naming the field and line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.conventions.kinds import KINDS

STARTERS = Path(__file__).resolve().parents[2] / "hanhchinh_docs" / "data" / "starters"


def render(tmp_path: Path, data: dict, existing: bytes | None = None):
    source = tmp_path / "vb.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "vb.docx"
    if existing is not None:
        out.write_bytes(existing)
    result = CliRunner().invoke(cli, ["render", str(source), "-o", str(out)], prog_name="hanhchinh-docs")
    return result, out


def starter(kind: str) -> dict:
    return yaml.safe_load((STARTERS / f"{kind}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "ke_hoach"])
def test_misspelt_field_is_refused_with_a_suggestion(kind, tmp_path):
    data = starter(kind)
    data["dia_dahn"] = data.pop("dia_danh")
    result, out = render(tmp_path, data)
    assert result.exit_code == 2
    assert "Trường 'dia_dahn' không có trong mẫu dữ liệu. Có phải ý bạn là 'dia_danh'?" in result.output
    assert "Thiếu trường bắt buộc 'dia_danh'" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("kind, field, message", [
    ("cong_van", "don_vi_soan_thao", "Thiếu trường bắt buộc 'don_vi_soan_thao'"),
    ("cong_van", "kinh_gui", "Thiếu trường bắt buộc 'kinh_gui'"),
    ("quyet_dinh", "tham_quyen", "Thiếu trường bắt buộc 'tham_quyen'"),
    ("quyet_dinh", "dieu", "Thiếu trường bắt buộc 'dieu'"),
    ("giay_moi", "thoi_gian", "Thiếu trường bắt buộc 'thoi_gian'"),
    ("bien_ban", "thu_ky", "Thiếu trường bắt buộc 'thu_ky'"),
    ("giay_nghi_phep", "tu_ngay", "Thiếu trường bắt buộc 'tu_ngay'"),
    ("giay_gioi_thieu", "gioi_thieu", "Thiếu trường bắt buộc 'gioi_thieu'"),
    ("cong_dien", "dien", "Thiếu trường bắt buộc 'dien'"),
    ("to_trinh", "trich_yeu", "Thiếu trường bắt buộc 'trich_yeu'"),
])
def test_missing_required_field(kind, field, message, tmp_path):
    data = starter(kind)
    del data[field]
    result, out = render(tmp_path, data, existing=b"old")
    assert result.exit_code == 2
    assert message in result.output and "vb.yaml" in result.output
    assert out.read_bytes() == b"old"


def test_bad_marks_and_empty_lists_are_explained(tmp_path):
    data = starter("cong_van")
    data.update(do_khan="gấp", do_mat="bí mật", kinh_gui=[], so_luong_ban=0)
    result, out = render(tmp_path, data)
    assert result.exit_code == 2
    assert "Độ khẩn phải là một trong: KHẨN, THƯỢNG KHẨN, HỎA TỐC" in result.output
    assert "Độ mật phải là một trong: MẬT, TỐI MẬT, TUYỆT MẬT" in result.output
    assert "Danh sách cần ít nhất 1 mục" in result.output and "trường 'kinh_gui'" in result.output
    assert "trường 'so_luong_ban'" in result.output
    assert not out.exists()


def test_decision_pointing_at_a_missing_plan(tmp_path):
    data = starter("quyet_dinh")
    data["kem_theo"] = "khong_co.yaml"
    result, out = render(tmp_path, data)
    assert result.exit_code == 2
    assert "Không tìm thấy tệp kế hoạch" in result.output and "'kem_theo'" in result.output
    assert not out.exists()


def test_legal_bases_only_where_the_kind_has_them(tmp_path):
    data = starter("thong_bao")
    data["can_cu"] = ["Căn cứ Luật Tổ chức chính quyền địa phương"]
    result, out = render(tmp_path, data)
    assert result.exit_code == 2
    assert "Chỉ quyết định, nghị quyết, quy chế, quy định và chỉ thị có phần căn cứ ban hành" in result.output
    assert not out.exists()


def test_an_article_written_as_a_mapping_without_text(tmp_path):
    data = starter("quyet_dinh")
    data["dieu"] = [{"khoan": ["x"]}]
    result, out = render(tmp_path, data)
    assert result.exit_code == 2
    assert "Thiếu trường bắt buộc 'van_ban'" in result.output and "trường 'dieu[0].van_ban'" in result.output \
        or "dieu" in result.output
    assert not out.exists()


def test_data_lint_warns_on_forms_too(tmp_path):
    data = starter("cong_van")
    data["kinh_gui"] = ["- Các phòng chuyên môn;", "Các đơn vị sự nghiệp"]
    data["noi_dung"] = ["Thực hiện Quyết định số 05/QĐ-UBND ngày 10 tháng 01 năm 2024 của UBND tỉnh."]
    result, out = render(tmp_path, data)
    assert result.exit_code == 0, result.output
    assert "Mục «- Các phòng chuyên môn;» đã có sẵn gạch đầu dòng" in result.output
    assert "Trích dẫn «Quyết định số 05/QĐ-UBND» chưa đúng dạng" in result.output
    assert out.exists()
