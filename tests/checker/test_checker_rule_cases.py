"""Every rule's case file: pass cases pass (and break no other rule), fail cases fail exactly that rule.

Run one rule's cases with ``-k HD02``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from hanhchinh_docs.checker import check_document
from hanhchinh_docs.checker.report import Outcome
from tests.checker.docx_builder import build

CASES = Path(__file__).parent / "cases"
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)


def load_cases() -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind in ("pass", "fail", "not_checked", "not_applicable"):
            for index, case in enumerate(data.get(kind, [])):
                params.append(pytest.param(data["rule"], kind, case["doc"],
                                           id=f"{data['rule']}-{kind}-{index}-{case['name']}"))
    return params


@pytest.mark.parametrize(("rule_id", "kind", "doc"), load_cases())
def test_rule_case(rule_id: str, kind: str, doc: dict) -> None:
    report = check_document(build(doc))
    result = report.result(rule_id)
    if kind == "fail":
        assert report.failed_rules() == [rule_id], [(r.rule_id, [f.message for f in r.findings])
                                                    for r in report.results if r.outcome is Outcome.FAILED]
        assert result.findings and all(VIETNAMESE.search(f.message) for f in result.findings)
        assert all(f.found and f.expected for f in result.findings)
        return
    failures = [(r.rule_id, [f.message for f in r.findings]) for r in report.results if r.outcome is Outcome.FAILED]
    assert failures == []
    expected = {"pass": Outcome.PASSED, "not_checked": Outcome.NOT_CHECKED, "not_applicable": Outcome.NOT_APPLICABLE}
    assert result.outcome is expected[kind], result.reason
    if kind != "pass":
        assert result.reason and VIETNAMESE.search(result.reason)
