"""reporting.compute_report: due tasks per period kind, figures, next-period focus, warnings, sections."""

from __future__ import annotations

import pytest

from hanhchinh_docs.conventions.dates import BLANK
from hanhchinh_docs.model.plan import Plan
from hanhchinh_docs.model.report import Report
from hanhchinh_docs.render.context import body_paragraphs
from hanhchinh_docs.reporting import (
    NOT_DUE_LABEL, compute_report, default_subject, lower_first, number_text, percent_text, plan_citation,
)

SCHEDULES = {
    "TX": "Thường xuyên trong năm",
    "Q1": "Quý I",
    "Q2": "Quý II",
    "Q3": "Quý III",
    "Q4": "Quý IV",
    "Q24": "Quý II, IV",
    "Q34": "Quý III - IV",
    "H1": "6 tháng đầu năm",
    "H2": "6 tháng cuối năm",
    "T3": "Tháng 3/2024",
    "T1012": "Tháng 10 - 12/2024",
    "D0930": "Trước ngày 30/9/2024",
    "YC": "Linh hoạt",
}
"""Task id -> "Thời gian thực hiện" phrases; YC is not understood ("Khi có yêu cầu" is, see below)."""

_M1_3, _M4_6 = ["TX", "Q1", "H1", "D0930"], ["TX", "Q2", "Q24", "H1", "D0930"]
_M7_9, _M10_12 = ["TX", "Q3", "Q34", "H2", "D0930"], ["TX", "Q4", "Q24", "Q34", "H2", "T1012"]
DUE = {
    "thang_1": _M1_3, "thang_2": _M1_3, "thang_3": ["TX", "Q1", "H1", "T3", "D0930"],
    "thang_4": _M4_6, "thang_5": _M4_6, "thang_6": _M4_6,
    "thang_7": _M7_9, "thang_8": _M7_9, "thang_9": _M7_9,
    "thang_10": _M10_12, "thang_11": _M10_12, "thang_12": _M10_12,
    "quy_1": ["TX", "Q1", "H1", "T3", "D0930"],
    "quy_2": ["TX", "Q2", "Q24", "H1", "D0930"],
    "quy_3": ["TX", "Q3", "Q34", "H2", "D0930"],
    "quy_4": ["TX", "Q4", "Q24", "Q34", "H2", "T1012"],
    "6_thang_dau": ["TX", "Q1", "Q2", "Q24", "H1", "T3", "D0930"],
    "6_thang_cuoi": ["TX", "Q3", "Q4", "Q24", "Q34", "H2", "T1012", "D0930"],
    "9_thang": ["TX", "Q1", "Q2", "Q3", "Q24", "Q34", "H1", "H2", "T3", "D0930"],
    "nam": [key for key in SCHEDULES if key != "YC"],
}
"""Written out by hand from the calendar, not computed with the code under test."""

CUTOFFS = {
    "thang_1": ("15/12/2023", "14/01/2024"), "thang_2": ("15/01/2024", "14/02/2024"),
    "thang_3": ("15/02/2024", "14/3/2024"), "thang_4": ("15/3/2024", "14/4/2024"),
    "thang_5": ("15/4/2024", "14/5/2024"), "thang_6": ("15/5/2024", "14/6/2024"),
    "thang_7": ("15/6/2024", "14/7/2024"), "thang_8": ("15/7/2024", "14/8/2024"),
    "thang_9": ("15/8/2024", "14/9/2024"), "thang_10": ("15/9/2024", "14/10/2024"),
    "thang_11": ("15/10/2024", "14/11/2024"), "thang_12": ("15/11/2024", "14/12/2024"),
    "quy_1": ("15/12/2023", "14/3/2024"), "quy_2": ("15/3/2024", "14/6/2024"),
    "quy_3": ("15/6/2024", "14/9/2024"), "quy_4": ("15/9/2024", "14/12/2024"),
    "6_thang_dau": ("15/12/2023", "14/6/2024"), "6_thang_cuoi": ("15/6/2024", "14/12/2024"),
    "9_thang": ("15/12/2023", "14/9/2024"), "nam": ("15/12/2023", "14/12/2024"),
}


def make_plan(schedules: dict[str, str | None] = SCHEDULES, **overrides) -> Plan:
    data = {
        "loai": "ke_hoach",
        "nam": 2024,
        "co_quan": {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG",
                    "viet_tat": "STNMT", "ten": "Sở Tài nguyên và Môi trường"},
        "so": 5,
        "ngay": "2024-01-05",
        "dia_danh": "Hà Tĩnh",
        "trich_yeu": "Tuyên truyền cải cách hành chính năm 2024",
        "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "Lê Ngọc Huấn"},
        "phu_luc": [{"ten": "Nhiệm vụ", "nhiem_vu": [
            {"ma": key, "noi_dung": f"Nhiệm vụ {key}.", "chu_tri": "Văn phòng", **({"thoi_gian": text} if text else {})}
            for key, text in schedules.items()]}],
    }
    data.update(overrides)
    return Plan.model_validate(data)


def make_report(period: str = "quy_1", results: dict | None = None, **fields) -> Report:
    return Report.model_validate({"loai": "bao_cao", "ke_hoach": "ke_hoach.yaml", "ky_bao_cao": period,
                                  "ket_qua": results or {}, **fields})


def content_for(period: str = "quy_1", results: dict | None = None, plan: Plan | None = None, **fields):
    report = make_report(period, results, **fields)
    return compute_report(report, plan or make_plan(), report.results)


def texts(content) -> list[str]:
    return [p["van_ban"] for p in body_paragraphs(content.opening, content.body)]


def headings(content) -> list[str]:
    return [p["van_ban"] for p in body_paragraphs(content.opening, content.body) if p["cap"] == 1]


def section_lines(content, heading_start: str) -> list[str]:
    """The paragraphs under the level-1 heading starting with ``heading_start``, up to the next one."""
    paragraphs = body_paragraphs(content.opening, content.body)[:-1]  # without the closing sentence
    start = next(i for i, p in enumerate(paragraphs) if p["cap"] == 1 and p["van_ban"].startswith(heading_start))
    out = []
    for p in paragraphs[start + 1:]:
        if p["cap"] == 1:
            break
        out.append(p["van_ban"])
    return out


DONE = {"trang_thai": "hoan_thanh", "ket_qua": "Đã xong."}
GOING = {"trang_thai": "dang_thuc_hien", "ket_qua": "Đang làm."}
NOT_YET = {"trang_thai": "chua_thuc_hien", "ket_qua": "Chưa làm."}


@pytest.mark.parametrize("period", list(DUE))
def test_due_tasks_for_every_period(period):
    content = content_for(period)
    assert [t.key for t in content.due_tasks] == DUE[period]


@pytest.mark.parametrize("period", list(CUTOFFS))
def test_cutoff_sentence_for_every_period(period):
    start, end = CUTOFFS[period]
    assert f"Số liệu báo cáo tính từ ngày {start} đến ngày {end}." in content_for(period).opening


def test_quarter_one_cutoff_starts_in_the_previous_year():
    content = content_for("quy_1", nam=2025, plan=make_plan(nam=2025))
    assert content.opening[-1] == "Số liệu báo cáo tính từ ngày 15/12/2024 đến ngày 14/3/2025."


def test_unknown_schedule_is_warned_listed_and_not_counted():
    content = content_for("nam")
    yc = next(t for t in content.tasks if t.key == "YC")
    assert not yc.due and yc.schedule is None
    assert yc.status_label == "Chưa báo cáo"
    [warning] = [w for w in content.warnings if "Linh hoạt" in w.message]
    assert "'YC'" in warning.message and warning.severity == "warning"
    assert warning.location.field == "phu_luc[0].nhiem_vu[12].thoi_gian"
    summary = section_lines(content, "I.")
    assert summary[0].startswith("Kế hoạch có 13 nhiệm vụ; trong năm 2024 có 12 nhiệm vụ đến kỳ thực hiện")
    assert summary[1] == ("Có 1 nhiệm vụ chưa xác định được thời gian thực hiện nên chưa tính vào số liệu trên.")


def test_missing_schedule_is_warned():
    content = content_for("quy_1", plan=make_plan({"A": "Quý I", "B": None}))
    [warning] = [w for w in content.warnings if "'B'" in w.message and "thoi_gian" in w.message]
    assert "Không ghi thời gian thực hiện" in warning.message


def test_not_reported_due_tasks_are_listed_in_one_warning():
    content = content_for("quy_1", {"TX": DONE, "Q1": DONE, "T3": DONE})
    [warning] = [w for w in content.warnings if "chưa có kết quả" in w.message]
    assert "2 nhiệm vụ đến kỳ trong quý I năm 2024 chưa có kết quả" in warning.message
    assert "H1, D0930" in warning.message and "Q2" not in warning.message
    assert warning.location.field == "ket_qua"
    labels = {t.key: t.status_label for t in content.tasks}
    assert labels["H1"] == "Chưa báo cáo" and labels["Q2"] == NOT_DUE_LABEL and labels["TX"] == "Hoàn thành"


def test_every_task_reported_gives_no_warning():
    plan = make_plan({"A": "Quý I", "B": "Quý II"})
    assert content_for("quy_1", {"A": DONE}, plan=plan).warnings == []


def test_counts_and_percentages_the_vietnamese_way():
    plan = make_plan({f"N{i}": "Thường xuyên trong năm" for i in range(1, 8)})
    results = {f"N{i}": DONE for i in range(1, 7)} | {"N7": GOING}
    content = content_for("quy_2", results, plan=plan)
    assert [(c.label, c.count, c.percent) for c in content.counts] == [
        ("Hoàn thành", 6, "85,7%"), ("Đang thực hiện", 1, "14,3%")]
    assert section_lines(content, "I.")[0] == (
        "Kế hoạch có 7 nhiệm vụ; trong quý II năm 2024 có 7 nhiệm vụ đến kỳ thực hiện, trong đó: "
        "6 nhiệm vụ hoàn thành (85,7%), 1 nhiệm vụ đang thực hiện (14,3%). "
        "Kết quả từng nhiệm vụ tại Phụ lục kèm theo.")


def test_not_reported_is_counted_with_its_share():
    plan = make_plan({"A": "Quý I", "B": "Quý I", "C": "Quý I"})
    content = content_for("quy_1", {"A": DONE, "B": NOT_YET}, plan=plan)
    assert [(c.label, c.percent) for c in content.counts] == [
        ("Hoàn thành", "33,3%"), ("Chưa thực hiện", "33,3%"), ("Chưa báo cáo", "33,3%")]


@pytest.mark.parametrize("part, whole, text", [(6, 7, "85,7%"), (1, 1, "100%"), (2, 3, "66,7%"),
                                               (1, 8, "12,5%"), (0, 4, "0%"), (1, 4, "25%")])
def test_percent_text(part, whole, text):
    assert percent_text(part, whole) == text


def test_large_numbers_use_a_dot_for_thousands():
    assert number_text(1234) == "1.234"


def test_no_due_task_says_so():
    content = content_for("quy_3", {"A": DONE}, plan=make_plan({"A": "Quý I"}))
    assert section_lines(content, "I.")[0] == (
        "Kế hoạch có 1 nhiệm vụ; trong quý III năm 2024 không có nhiệm vụ nào đến kỳ thực hiện.")
    assert content.counts == []
    assert section_lines(content, "II.") == [
        "Kế hoạch không còn nhiệm vụ nào phải thực hiện trong quý IV năm 2024."]


def test_results_are_grouped_by_status_in_report_order():
    content = content_for("quy_1", {"TX": GOING, "Q1": DONE, "H1": NOT_YET, "T3": DONE})
    lines = section_lines(content, "I.")
    groups = [line for line in lines if line[:2] in ("1.", "2.", "3.", "4.", "5.")]
    assert groups == ["1. Nhiệm vụ đã hoàn thành", "2. Nhiệm vụ đang thực hiện", "3. Nhiệm vụ chưa thực hiện",
                      "4. Nhiệm vụ chưa báo cáo kết quả"]
    done = lines[lines.index("1. Nhiệm vụ đã hoàn thành") + 1: lines.index("2. Nhiệm vụ đang thực hiện")]
    assert done == ["- Nhiệm vụ Q1 (Văn phòng chủ trì): Đã xong.", "- Nhiệm vụ T3 (Văn phòng chủ trì): Đã xong."]
    assert lines[-1] == "- Nhiệm vụ D0930 (Văn phòng chủ trì)."


def test_reported_task_outside_the_period_is_listed_apart():
    content = content_for("quy_1", {"TX": DONE, "Q1": DONE, "H1": DONE, "T3": DONE, "D0930": DONE, "Q2": GOING})
    lines = section_lines(content, "I.")
    assert "2. Các nhiệm vụ khác" in lines
    assert lines[-1] == "- Nhiệm vụ Q2 (Văn phòng chủ trì; đang thực hiện): Đang làm."
    assert [(c.label, c.count) for c in content.counts] == [("Hoàn thành", 5)]


def test_next_period_lists_its_due_tasks_and_the_unfinished_ones_once():
    content = content_for("quy_1", {"TX": DONE, "Q1": DONE, "T3": GOING, "D0930": NOT_YET})
    assert content.next_period.label == "quý II năm 2024"
    assert [t.key for t in content.next_tasks] == ["TX", "Q2", "Q24", "H1", "T3", "D0930"]
    lines = section_lines(content, "II.")
    assert headings(content)[1] == "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024"
    assert lines[0] == "- Nhiệm vụ TX (Văn phòng chủ trì; thời gian: Thường xuyên trong năm)."
    assert lines[4] == ("- Nhiệm vụ T3 (Văn phòng chủ trì; thời gian: Tháng 3/2024; "
                        "chưa hoàn thành trong quý I năm 2024).")
    assert lines[5] == "- Nhiệm vụ D0930 (Văn phòng chủ trì; thời gian: Trước ngày 30/9/2024)."


@pytest.mark.parametrize("period, next_label, expected", [
    ("thang_12", "tháng 01 năm 2025", ["TX", "Q4"]),
    ("quy_4", "quý I năm 2025", ["TX", "Q4"]),
    ("6_thang_cuoi", "6 tháng đầu năm 2025", ["TX", "Q4"]),
    ("nam", "năm 2025", ["TX", "Q4"]),
    ("9_thang", "quý IV năm 2024", ["TX", "Q4", "Q24", "Q34", "H2", "T1012"]),
    ("6_thang_dau", "6 tháng cuối năm 2024", ["TX", "Q1", "Q3", "Q4", "Q24", "Q34", "H2", "T1012", "D0930"]),
])
def test_next_period_for_period_kinds(period, next_label, expected):
    """TX and Q4 stay unfinished; a plan's tasks are never due in the next year."""
    results = {key: DONE for key in SCHEDULES if key not in ("TX", "Q4")} | {"TX": GOING, "Q4": NOT_YET}
    if period == "6_thang_dau":
        results.pop("Q1")
    content = content_for(period, results)
    assert content.next_period.label == next_label
    assert [t.key for t in content.next_tasks] == expected


def test_nothing_left_for_the_next_period_is_said_not_left_empty():
    content = content_for("nam", {"A": DONE}, plan=make_plan({"A": "Quý I"}))
    assert section_lines(content, "II.") == [
        "Kế hoạch không còn nhiệm vụ nào phải thực hiện trong năm 2025."]


def test_empty_sections_are_left_out_and_the_rest_renumbered():
    bare = content_for("quy_1")
    assert headings(bare) == ["I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024"]
    only_recs = content_for("quy_1", kien_nghi=["Bố trí kinh phí"])
    assert headings(only_recs) == ["I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024",
                                   "III. ĐỀ XUẤT, KIẾN NGHỊ"]
    full = content_for("quy_1", ton_tai=["Chậm gửi tin bài;"], kien_nghi=["- Bố trí kinh phí"])
    assert headings(full) == ["I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ",
                              "III. NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024", "IV. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert section_lines(full, "II.") == ["- Chậm gửi tin bài."]
    assert section_lines(full, "IV.")[0] == "- Bố trí kinh phí."


def test_opening_cites_the_plan_and_closing_reports_to_the_addressees():
    content = content_for("quy_1", kinh_gui=["Ủy ban nhân dân tỉnh Hà Tĩnh", "Sở Nội vụ"])
    assert content.opening[0] == (
        "Thực hiện Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường về tuyên truyền "
        "cải cách hành chính năm 2024, Sở Tài nguyên và Môi trường báo cáo kết quả thực hiện trong quý I "
        "năm 2024 như sau:")
    assert texts(content)[-1] == (
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch trong quý I năm 2024 của Sở Tài nguyên và Môi trường, "
        "kính báo cáo Ủy ban nhân dân tỉnh Hà Tĩnh và Sở Nội vụ./.")


def test_own_opening_replaces_the_citation_but_keeps_the_cutoff():
    content = content_for("quy_2", mo_dau=["Thực hiện chỉ đạo của UBND tỉnh, Sở báo cáo như sau:"])
    assert content.opening == ["Thực hiện chỉ đạo của UBND tỉnh, Sở báo cáo như sau:",
                               "Số liệu báo cáo tính từ ngày 15/3/2024 đến ngày 14/6/2024."]


@pytest.mark.parametrize("number, issued, expected", [
    (5, "2024-01-05", "Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường"),
    (None, "2024-01", f"Kế hoạch số {BLANK}/KH-STNMT ngày {BLANK}/01/2024 của Sở Tài nguyên và Môi trường"),
    (None, None, f"Kế hoạch số {BLANK}/KH-STNMT ngày {BLANK}/{BLANK}/{BLANK} của Sở Tài nguyên và Môi trường"),
])
def test_plan_citation_leaves_blanks_for_what_the_plan_lacks(number, issued, expected):
    assert plan_citation(make_plan(so=number, ngay=issued)) == expected


@pytest.mark.parametrize("period, subject, expected", [
    ("quy_1", "Tuyên truyền cải cách hành chính năm 2024",
     "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính quý I năm 2024"),
    ("nam", "Tuyên truyền cải cách hành chính năm 2024",
     "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024"),
    ("6_thang_dau", "Cải cách hành chính",
     "Kết quả thực hiện Kế hoạch cải cách hành chính 6 tháng đầu năm 2024"),
    ("quy_2", "CCHC năm 2024", "Kết quả thực hiện Kế hoạch CCHC quý II năm 2024"),
])
def test_default_subject_reads_naturally(period, subject, expected):
    report = make_report(period)
    content = compute_report(report, make_plan(trich_yeu=subject), {})
    assert content.subject == expected
    assert default_subject(make_plan(trich_yeu=subject), content.period) == expected


def test_given_subject_wins():
    assert content_for("quy_1", trich_yeu="Công tác tuyên truyền quý I").subject == "Công tác tuyên truyền quý I"


def test_lower_first_keeps_acronyms():
    assert lower_first("Tuyên truyền") == "tuyên truyền"
    assert lower_first("PCI và DDCI") == "PCI và DDCI"


def test_issuer_place_signer_and_year_come_from_the_plan_unless_given():
    inherited = content_for("quy_1")
    assert inherited.issuer.abbreviation == "STNMT" and inherited.place == "Hà Tĩnh"
    assert inherited.signer.full_name == "Lê Ngọc Huấn" and inherited.period.year == 2024
    own = content_for("quy_1", nam=2025, dia_danh="Hồng Lĩnh",
                      co_quan={"ban_hanh": "VĂN PHÒNG SỞ", "viet_tat": "VP"},
                      nguoi_ky={"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn B"})
    assert own.issuer.abbreviation == "VP" and own.place == "Hồng Lĩnh"
    assert own.signer.full_name == "Nguyễn Văn B" and own.period.label == "quý I năm 2025"
    assert own.due_tasks == []  # the plan's tasks belong to 2024


def test_appendix_rows_follow_the_plan_with_positions():
    content = content_for("quy_1", {"TX": DONE})
    assert [t.position for t in content.tasks] == [str(i) for i in range(1, 14)]
    assert content.appendix_title == "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THEO KẾ HOẠCH QUÝ I NĂM 2024"
    several = make_plan(phu_luc=[{"ten": "A", "nhiem_vu": [{"noi_dung": "x", "thoi_gian": "Quý I"}]},
                                 {"ten": "B", "nhiem_vu": [{"noi_dung": "y", "thoi_gian": "Quý I"}]}])
    assert [t.position for t in content_for("quy_1", plan=several).tasks] == ["1.1", "2.1"]


def test_quarter_three_labels_past_tasks_without_result_as_overdue():
    """Issue 11 item 1: "Quý II" and "Trước ngày 30/5" never reported are overdue in quarter III."""
    plan = make_plan({"A": "Quý II", "B": "Trước ngày 30/5/2024", "C": "Quý III", "D": "Quý IV",
                      "E": "Quý I", "F": "Quý II"})
    content = content_for("quy_3", {"C": DONE, "E": DONE, "F": GOING}, plan=plan)
    labels = {t.key: t.status_label for t in content.tasks}
    assert labels == {"A": "Chưa báo cáo kết quả, đã quá thời hạn", "B": "Chưa báo cáo kết quả, đã quá thời hạn",
                      "C": "Hoàn thành", "D": "Chưa đến kỳ thực hiện", "E": "Hoàn thành", "F": "Đang thực hiện"}
    assert [t.key for t in content.overdue_tasks] == ["A", "B", "F"]
    lines = section_lines(content, "I.")
    assert lines[0] == (
        "Kế hoạch có 6 nhiệm vụ; trong quý III năm 2024 có 1 nhiệm vụ đến kỳ thực hiện và 3 nhiệm vụ đã quá "
        "thời hạn từ kỳ trước nhưng chưa hoàn thành; trong 4 nhiệm vụ này: 1 nhiệm vụ hoàn thành (25%), "
        "1 nhiệm vụ đang thực hiện (25%), 2 nhiệm vụ chưa báo cáo kết quả, đã quá thời hạn (50%). "
        "Kết quả từng nhiệm vụ tại Phụ lục kèm theo.")
    assert lines[1:] == ["1. Nhiệm vụ đã hoàn thành", "- Nhiệm vụ C (Văn phòng chủ trì): Đã xong.",
                         "2. Nhiệm vụ đang thực hiện",
                         "- Nhiệm vụ F (Văn phòng chủ trì; thời gian: Quý II): Đang làm.",
                         "3. Nhiệm vụ đã quá thời hạn nhưng chưa báo cáo kết quả",
                         "- Nhiệm vụ A (Văn phòng chủ trì; thời gian: Quý II).",
                         "- Nhiệm vụ B (Văn phòng chủ trì; thời gian: Trước ngày 30/5/2024).",
                         "4. Các nhiệm vụ khác", "- Nhiệm vụ E (Văn phòng chủ trì; hoàn thành): Đã xong."]
    assert section_lines(content, "II.") == [
        "- Nhiệm vụ A (Văn phòng chủ trì; thời gian: Quý II; đã quá thời hạn, chưa hoàn thành).",
        "- Nhiệm vụ B (Văn phòng chủ trì; thời gian: Trước ngày 30/5/2024; đã quá thời hạn, chưa hoàn thành).",
        "- Nhiệm vụ D (Văn phòng chủ trì; thời gian: Quý IV).",
        "- Nhiệm vụ F (Văn phòng chủ trì; thời gian: Quý II; đã quá thời hạn, chưa hoàn thành)."]
    [warning] = [w for w in content.warnings if "quá thời hạn" in w.message]
    assert warning.message == (
        "2 nhiệm vụ đã quá thời hạn thực hiện trước quý III năm 2024 mà chưa có kết quả, sẽ ghi "
        "'Chưa báo cáo kết quả, đã quá thời hạn' và đưa vào nhiệm vụ trọng tâm kỳ tới: A, B. Nếu đã làm, "
        "hãy bổ sung kết quả vào 'ket_qua' hoặc bảng tiến độ")


def test_event_driven_tasks_count_only_when_something_happened():
    plan = make_plan({"A": "Quý III", "TT": "Khi có thiên tai", "YC": "Khi có yêu cầu"})
    content = content_for("quy_3", {"A": DONE, "TT": {"trang_thai": "hoan_thanh", "ket_qua": "Sơ tán 20 hộ."}},
                          plan=plan)
    assert {t.key: t.status_label for t in content.tasks} == {
        "A": "Hoàn thành", "TT": "Hoàn thành", "YC": "Chưa phát sinh trong kỳ"}
    assert [t.key for t in content.due_tasks] == ["A", "TT"]
    assert content.warnings == []
    assert section_lines(content, "I.")[0].startswith(
        "Kế hoạch có 3 nhiệm vụ; trong quý III năm 2024 có 2 nhiệm vụ đến kỳ thực hiện, trong đó: "
        "2 nhiệm vụ hoàn thành (100%).")
    assert "- Nhiệm vụ TT (Văn phòng chủ trì): Sơ tán 20 hộ." in section_lines(content, "I.")


def test_impossible_date_in_the_schedule_is_warned_not_crashed():
    content = content_for("quy_3", plan=make_plan({"A": "Trước ngày 31/6/2024"}))
    [warning] = content.warnings
    assert warning.message.startswith(
        "Thời gian thực hiện 'Trước ngày 31/6/2024' ghi ngày 31/6/2024 không có thật: tháng 6 năm 2024 chỉ có "
        "30 ngày của nhiệm vụ 'A'")
    assert warning.location.field == "phu_luc[0].nhiem_vu[0].thoi_gian"


def test_unnumbered_plan_is_warned_with_where_to_fill_it():
    content = content_for("quy_1", plan=make_plan(so=None, ngay="2024-01"))
    [warning] = [w for w in content.warnings if "trích dẫn" in w.message]
    assert warning.message == (
        "Kế hoạch được trích dẫn chưa có số ('so', ví dụ so: 5) và ngày ban hành đầy đủ ('ngay', ví dụ "
        f"ngay: 2024-01-05), nên báo cáo ghi 'Kế hoạch số {BLANK}/KH-STNMT ngày {BLANK}/01/2024 của Sở Tài "
        "nguyên và Môi trường' với chỗ trống. Hãy ghi số và ngày của kế hoạch đã ban hành vào tệp kế hoạch")
    assert warning.location.field == "so"
    assert [w for w in content_for("quy_1").warnings if "trích dẫn" in w.message] == []
