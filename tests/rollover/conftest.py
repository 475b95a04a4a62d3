"""Fixtures: the small test plan and its year-end report, and a copy of the seed example."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.rollover.rollover_helpers import PLAN, SEED_PLAN, SEED_YEAR_REPORT, YEAR_END_REPORT


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "ke_hoach_2024.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def report_file(plan_file: Path) -> Path:
    path = plan_file.parent / "bao_cao_nam_2024.yaml"
    path.write_text(YEAR_END_REPORT.format(period="nam"), encoding="utf-8")
    return path


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """The seed plan and its year-end report, side by side in a temporary folder."""
    shutil.copy(SEED_YEAR_REPORT, tmp_path / SEED_YEAR_REPORT.name)
    return Path(shutil.copy(SEED_PLAN, tmp_path / SEED_PLAN.name))
