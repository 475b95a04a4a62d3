"""Any ND30 kind from its YAML file: ``loai`` chooses the model; the plan's loader does the rest.

The same machinery as the plan (line marks, NFC, ``{{ nam }}``, Vietnamese errors that name the
line and field, every problem collected before raising once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hanhchinh_docs.conventions.kinds import KINDS
from hanhchinh_docs.errors import Problem
from hanhchinh_docs.model.document import DocumentBase
from hanhchinh_docs.model.forms import MODELS, Decision
from hanhchinh_docs.model.loader import Loaded, load_plan, raise_if_errors, read_mapping, validate_source, year_variable
from hanhchinh_docs.model.plan import Plan, archive_problems


@dataclass
class LoadedForm:
    """A validated document of any kind, and the plan a Mẫu 1.3 decision issues (if any)."""

    form: Loaded[DocumentBase]
    attached: Loaded[Plan] | None = None

    @property
    def warnings(self) -> list[Problem]:
        return self.form.warnings + (self.attached.warnings if self.attached else [])


def kind_list() -> str:
    return ", ".join(KINDS)


def is_periodic_report(data: dict) -> bool:
    """A ``bao_cao`` naming the plan it reports on (``ke_hoach:``) is the periodic report of ``report``."""
    return data.get("loai") == "bao_cao" and "ke_hoach" in data


def load_form(path: str | Path) -> LoadedForm:
    """Read and validate a document of any kind except the plan and the periodic report."""
    source = read_mapping(path)
    problems: list[Problem] = []
    code = source.data.get("loai")
    model = MODELS.get(code) if isinstance(code, str) else None
    if model is None:
        problems.append(Problem(
            f"Trường 'loai' phải là một loại văn bản (đang là '{code}'). Các loại: {kind_list()}. "
            "Xem danh sách bằng lệnh 'hanhchinh-docs new --danh-sach'", source.locate(("loai",))))
        raise_if_errors(problems, source)
    year = source.data.get("nam")
    if year is None:
        date_text = str(source.data.get("ngay") or "")
        year = int(date_text[:4]) if date_text[:4].isdigit() else None
    document = validate_source(model, source, year_variable(year), problems)
    raise_if_errors(problems, source)
    problems.extend(archive_problems(document.archive, source.locate))
    attached = None
    if isinstance(document, Decision) and document.attached:
        plan_path = Path(source.file).parent / document.attached
        if not plan_path.is_file():
            problems.append(Problem(
                f"Không tìm thấy tệp kế hoạch '{plan_path}' ghi ở 'kem_theo'; đường dẫn tính từ thư mục của "
                "tệp quyết định", source.locate(("kem_theo",))))
            raise_if_errors(problems, source)
        attached = load_plan(plan_path)
    return LoadedForm(Loaded(document, source, [p for p in problems if p.severity == "warning"]), attached)
