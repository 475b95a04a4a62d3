"""Every registered rule is complete: a case file with pass and fail cases, a legal reference,
a Vietnamese title, a Wrong/Right docstring, and a module in its group's folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hanhchinh_docs.checker.registry import GROUPS, Rule, all_rules, register
from hanhchinh_docs.checker.report import Component
from tests.checker.test_checker_rule_cases import VIETNAMESE

CASES = Path(__file__).parent / "cases"
FOLDERS = {"PG": "page", "FN": "font", "HD": "header", "TL": "title", "PR": "paragraph", "BD": "body",
           "SG": "signature", "NN": "recipients", "PL": "appendix"}
RULES = all_rules()


def test_the_rule_set() -> None:
    assert len(RULES) >= 40
    assert {r.id[:2] for r in RULES} == set(GROUPS)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_a_case_file_with_pass_and_fail_cases(rule: Rule) -> None:
    path = CASES / f"{rule.id}.yaml"
    assert path.exists(), f"tests/checker/cases/{rule.id}.yaml is missing"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["rule"] == rule.id
    assert len(data.get("pass", [])) >= 1 and len(data.get("fail", [])) >= 1


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_record_is_documented(rule: Rule) -> None:
    assert rule.legal_ref.startswith("NĐ 30/2020, Phụ lục")
    assert VIETNAMESE.search(rule.title), "titles are shown to users, in Vietnamese"
    assert "**Wrong**" in rule.doc and "**Right**" in rule.doc
    assert isinstance(rule.component, Component)
    assert rule.check.__module__.split(".")[-2] == FOLDERS[rule.id[:2]]
    assert rule.check.__module__.split(".")[-1].startswith(rule.id.lower())


def test_every_case_file_names_a_registered_rule() -> None:
    ids = {r.id for r in RULES}
    assert {p.stem for p in CASES.glob("*.yaml")} == ids


def test_duplicate_and_malformed_ids_are_rejected() -> None:
    existing = RULES[0]
    with pytest.raises(ValueError, match="duplicate"):
        register(Rule(existing.id, "x.y", "Tên", existing.component, "NĐ 30/2020", lambda ctx: []))
    with pytest.raises(ValueError, match="two digits"):
        register(Rule("XX1", "x.y", "Tên", existing.component, "NĐ 30/2020", lambda ctx: []))
    with pytest.raises(ValueError, match="empty"):
        register(Rule("PG99", "x.y", "Tên", existing.component, " ", lambda ctx: []))
