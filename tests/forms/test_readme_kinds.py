"""The README's minimal YAML of each kind, with the shared fields added, renders and passes `check`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hanhchinh_docs import api

README = Path(__file__).resolve().parents[2] / "README.md"
SHARED = {
    "co_quan": {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "viet_tat": "STNMT"},
    "dia_danh": "Hà Tĩnh", "ngay": "2024-03-04",
    "nguoi_ky": {"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn An"},
    "noi_nhan": ["Giám đốc Sở"], "luu": ["VT", "VP"],
}


def kind_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Mọi loại văn bản hành chính", 1)[1].split("\n## ", 1)[0]
    return [b for b in re.findall(r"```yaml\n(.*?)```", section, re.S) if b.startswith("loai:")]


def test_every_special_form_has_a_readme_section():
    kinds = {yaml.safe_load(b)["loai"] for b in kind_blocks()}
    assert kinds == {"quyet_dinh", "thong_bao", "cong_van", "cong_dien", "giay_moi", "giay_gioi_thieu",
                     "bien_ban", "giay_nghi_phep"}


@pytest.mark.parametrize("block", kind_blocks(), ids=lambda b: b.split("\n", 1)[0])
def test_readme_yaml_renders_and_passes_check(block, tmp_path):
    data = {**SHARED, **yaml.safe_load(block)}
    if data["loai"] == "bien_ban":
        del data["nguoi_ky"]
    source = tmp_path / "vb.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "vb.docx"
    api.render_document(source, out)
    report = api.check_docx(out)
    assert not report.failed, report.to_text()
