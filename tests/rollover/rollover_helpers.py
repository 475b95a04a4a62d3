"""Test data and read-back helpers for the rollover tests: a small plan with every kind of literal
year, a year-end report on it, and independent readers of YAML text (PyYAML, not ruamel)."""

from __future__ import annotations

from pathlib import Path

import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED_PLAN = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml"
SEED_YEAR_REPORT = EXAMPLES / "bao_cao_nam_2024.yaml"
ROLLED_EXAMPLE = EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2025.yaml"
REVIEW_EXAMPLE = EXAMPLES / "rollover_2025_review.txt"

PLAN = """\
# Kế hoạch thử của năm 2024
loai: ke_hoach
nam: 2024            # năm của kế hoạch
co_quan:
  ban_hanh: SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG
  viet_tat: STNMT
so: 12               # số đã cấp
dia_danh: Hà Tĩnh
ngay: 2024-01-05
trich_yeu: "Tuyên truyền cải cách hành chính năm 2024"
mo_dau:
  # trích dẫn: ngày và tên văn bản đều thuộc năm 2024
  - "Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về tuyên truyền năm 2024; Sở xây dựng kế hoạch năm {{ nam }} như sau:"
noi_dung:
  - tieu_de: MỤC ĐÍCH
    noi_dung:
      - "- Gắn với nhiệm vụ năm {{ nam }}, giai đoạn 2021-2030, giai đoạn 2022 - 2025, giai đoạn 2021 - 2024 và từ năm 2023 đến năm 2024."
      - "- Phổ biến Luật Đất đai năm 2024 và Nghị định số 102/2024/NĐ-CP."
      - "- Hoàn thành trước ngày 15/12/2024; nâng Chỉ số PCI 2024."
      - "- Tiếp tục các việc còn dở của năm 2024."
nguoi_ky:
  chuc_vu: GIÁM ĐỐC
  ho_ten: Nguyễn Văn An
phu_luc:
  - ten: "NHIỆM VỤ NĂM 2024"
    nhiem_vu:
      - ma: NV01
        noi_dung: "Đăng tin về cải cách hành chính"   # làm hằng năm
        chu_tri: Văn phòng

      - ma: NV02
        noi_dung: "Đối thoại với doanh nghiệp"   # hai lần một năm
        # đơn vị chủ trì
        chu_tri: Văn phòng
      - ma: NV03
        noi_dung: |
          Tập huấn nghiệp vụ

      # nhiệm vụ thứ tư không có mã
      - noi_dung: "Khảo sát mức độ hài lòng"
        chu_tri: Thanh tra
        chuyen_tiep_tu: 2023
"""

YEAR_END_REPORT = """\
loai: bao_cao
ke_hoach: ke_hoach_2024.yaml
ky_bao_cao: {period}
ket_qua:
  NV01:
    trang_thai: hoan_thanh
  NV02:
    trang_thai: dang_thuc_hien
    ket_qua: "Mới tổ chức một hội nghị"
  4:
    trang_thai: hoan_thanh
"""


def line_of(text: str, fragment: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` line of ``text`` that contains ``fragment``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[nth - 1]


def comment_lines(text: str) -> list[str]:
    """Whole-line comments, in order."""
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def key_sequence(text: str) -> list[tuple]:
    """Every mapping key with its path, in file order."""
    out: list[tuple] = []

    def walk(node: yaml.Node, path: tuple) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                out.append(path + (key.value,))
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + (index,))

    walk(yaml.compose(text, Loader=yaml.SafeLoader), ())
    return out


def texts(text: str) -> dict[tuple, str]:
    """Every text value by its path."""
    out: dict[tuple, str] = {}

    def walk(value, path: tuple) -> None:
        if isinstance(value, str):
            out[path] = value
        elif isinstance(value, dict):
            for key, child in value.items():
                walk(child, path + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, path + (index,))

    walk(yaml.safe_load(text), ())
    return out
