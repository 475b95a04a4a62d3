"""Small plan files for tests, written as YAML the way a clerk would."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

MINIMAL_PLAN = {
    "loai": "ke_hoach",
    "nam": 2024,
    "co_quan": {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ NỘI VỤ", "viet_tat": "SNV"},
    "so": None,
    "dia_danh": "Hà Tĩnh",
    "ngay": "2024-01",
    "trich_yeu": "Cải cách hành chính năm {{ nam }}",
    "mo_dau": ["Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh; Sở Nội vụ ban hành Kế hoạch như sau:"],
    "noi_dung": [
        {"tieu_de": "Mục đích, yêu cầu", "noi_dung": [
            {"tieu_de": "Mục đích:", "noi_dung": ["- Nâng cao nhận thức."]},
            {"tieu_de": "Yêu cầu:", "noi_dung": [
                {"tieu_de": "Đối với các phòng:", "noi_dung": ["- Triển khai kịp thời."]},
                {"van_ban": "Đối với đơn vị trực thuộc: thực hiện nghiêm túc."},
            ]},
        ]},
        {"tieu_de": "Tổ chức thực hiện", "noi_dung": ["Các phòng triển khai thực hiện."]},
    ],
    "nguoi_ky": {"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn A"},
    "noi_nhan": ["UBND tỉnh (để b/c)", "GĐ, PGĐ Sở"],
    "luu": ["VT", "VP"],
    "phu_luc": [{"ten": "Nhiệm vụ năm {{ nam }}", "nhiem_vu": [
        {"ma": "NV01", "noi_dung": "Tuyên truyền", "san_pham": ["Tin bài", "Báo cáo"], "chu_tri": "Văn phòng",
         "phoi_hop": "Các phòng", "thoi_gian": "Quý I"},
    ]}],
}


def plan_data(**overrides) -> dict:
    data = copy.deepcopy(MINIMAL_PLAN)
    data.update(overrides)
    return data


def write_plan(path: Path, data: dict | None = None, **overrides) -> Path:
    path.write_text(yaml.safe_dump(data if data is not None else plan_data(**overrides),
                                   allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
