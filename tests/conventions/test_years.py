"""One table of year mentions, and the lint, rollover and import reading it the same way.

Written out by hand; the rows marked "used to disagree" are the cases issue 11 found: the import
turned a law's year into ``{{ nam }}`` and ``--thay-nam`` rewrote "2021 - năm 2024".
"""

from __future__ import annotations

import pytest
import yaml

from hanhchinh_docs.conventions.years import YearRole, year_mentions
from hanhchinh_docs.importer.year import with_year_variable
from hanhchinh_docs.model.lint import year_messages

OWN, CITATION, DATE, MONTH = YearRole.OWN, YearRole.CITATION, YearRole.DATE, YearRole.MONTH
PERIOD, RANGE, BARE = YearRole.PERIOD, YearRole.RANGE, YearRole.BARE

CASES = [
    # text, [(year, role)] in order
    ("Kế hoạch cải cách hành chính năm 2024", [(2024, OWN)]),
    ("TUYÊN TRUYỀN NĂM 2024", [(2024, OWN)]),
    ("Thực hiện Luật Đất đai năm 2024", [(2024, CITATION)]),                                  # used to disagree
    ("Thực hiện Luật Đất đai năm 2024, Sở ban hành kế hoạch năm 2024.", [(2024, CITATION), (2024, OWN)]),
    ("theo Bộ luật Lao động năm 2019", [(2019, CITATION)]),
    ("Căn cứ Luật Phòng, chống thiên tai năm 2013;", [(2013, CITATION)]),
    ("Thực hiện Luật Đất đai, Sở ban hành kế hoạch năm 2024", [(2024, OWN)]),
    ("Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về CCHC năm 2024; Sở xây dựng kế hoạch "
     "năm 2024 như sau:", [(2024, CITATION), (2024, CITATION), (2024, OWN)]),
    ("Thực hiện Nghị quyết số 12-NQ/TU về CCHC năm 2024, Sở ban hành kế hoạch năm 2024.",
     [(2024, CITATION), (2024, OWN)]),
    ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", [(2020, CITATION), (2020, CITATION)]),
    ("theo Quyết định 1234/QĐ-UBND ngày 05/01/2024", [(2024, CITATION)]),
    ("giai đoạn 2021 - 2025", [(2021, RANGE), (2025, RANGE)]),
    ("giai đoạn 2021 - năm 2024", [(2021, RANGE), (2024, RANGE)]),                            # used to disagree
    ("năm 2024-2025", [(2024, RANGE), (2025, RANGE)]),
    ("từ năm 2021 đến năm 2025", [(2021, RANGE), (2025, RANGE)]),
    ("định hướng đến năm 2030", [(2030, RANGE)]),
    ("ngày 05 tháng 01 năm 2024", [(2024, DATE)]),
    ("trước ngày 30/9/2024", [(2024, DATE)]),
    ("trong tháng 3/2024 và tháng 10 năm 2024", [(2024, MONTH), (2024, MONTH)]),
    ("Quý IV/2023", [(2023, PERIOD)]),
    ("Kế hoạch 2024 của Sở", [(2024, BARE)]),
    ("Đăng 120 tin, bài; 1.000 lượt xem", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_year_roles(text, expected):
    assert [(m.year, m.role) for m in year_mentions(text)] == expected


def test_citation_names_its_reference():
    [law] = year_mentions("Thực hiện Luật Đất đai năm 2024")
    assert law.citation == "Luật Đất đai"
    first = year_mentions("Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh")[0]
    assert first.citation == "số 08/KH-UBND"


@pytest.mark.parametrize("text, imported", [
    ("Thực hiện Luật Đất đai năm 2024", "Thực hiện Luật Đất đai năm 2024"),
    ("Thực hiện Luật Đất đai năm 2024, Sở ban hành kế hoạch năm 2024.",
     "Thực hiện Luật Đất đai năm 2024, Sở ban hành kế hoạch năm {{ nam }}."),
    ("giai đoạn 2021 - năm 2024", "giai đoạn 2021 - năm 2024"),
    ("tháng 3 năm 2024", "tháng 3 năm 2024"),
    ("Quý IV/2024", "Quý IV/2024"),
])
def test_import_writes_only_the_own_year_as_a_variable(text, imported):
    assert with_year_variable(text, 2024) == imported


@pytest.mark.parametrize("text, warned", [
    ("Tuyên truyền năm 2023", True),
    ("Quý IV/2023", True),
    ("trong tháng 3/2023", True),
    ("Thực hiện Luật Đất đai năm 2013", False),
    ("giai đoạn 2021 - năm 2023", False),
    ("ngày 05 tháng 01 năm 2023", False),
    ("Kế hoạch số 08/KH-UBND ngày 08/01/2023 của UBND tỉnh về CCHC năm 2023", False),
])
def test_lint_warns_only_about_years_that_should_be_the_plans(text, warned):
    assert bool(year_messages(text, 2024)) is warned


def test_rollover_replaces_only_the_own_year(tmp_path):
    from hanhchinh_docs.rollover import roll_over
    from tests.support.plans import write_plan

    opening = ["Thực hiện Luật Đất đai năm 2024; Chương trình giai đoạn 2021 - năm 2024; Sở ban hành kế hoạch năm 2024."]
    plan = write_plan(tmp_path / "ke_hoach.yaml", mo_dau=opening)
    result = roll_over(plan, 2025, replace_years=True)
    assert yaml.safe_load(result.yaml_text)["mo_dau"] == [
        "Thực hiện Luật Đất đai năm 2024; Chương trình giai đoạn 2021 - năm 2024; Sở ban hành kế hoạch năm 2025."]
    [citation] = [n for n in result.review if "Luật Đất đai" in str(n)]
    assert "năm 2024 thuộc trích dẫn “Luật Đất đai” nên giữ nguyên" in str(citation)
