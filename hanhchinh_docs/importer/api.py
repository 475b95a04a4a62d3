"""Import a Word plan: read (``reader``), build the contract (``plan_builder``), write YAML (``writer``).

The result is checked the way ``render`` will read it (``model.loader.load_plan_source`` on the data as
the loader reads the written YAML back), so a file this writes without ``force`` always renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hanhchinh_docs.collector import collector_paused
from hanhchinh_docs.errors import HanhChinhError, InvalidDataError, Problem, SourceLocation
from hanhchinh_docs.importer.findings import Findings
from hanhchinh_docs.importer.plan_builder import PlanBuilder
from hanhchinh_docs.importer.reader import read_document
from hanhchinh_docs.importer.writer import plan_yaml, read_back


class PlanImportError(HanhChinhError):
    """The Word file was read but is not a complete plan; lists every problem found."""

    def __init__(self, problems: list[Problem], file: str):
        self.problems = list(problems)
        lines = "\n".join(f"  - {problem.message}" for problem in self.problems)
        super().__init__(
            f"Không nhập được kế hoạch từ '{file}' ({len(self.problems)} lỗi):\n{lines}\n"
            "Chưa ghi tệp nào. Dùng tùy chọn --force để vẫn ghi tệp YAML phần đọc được (đánh dấu là chưa đầy đủ)")


@dataclass
class ImportResult:
    source: Path
    data: dict
    yaml_text: str
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    """What is missing or wrong; not empty only when ``force`` let an incomplete import through."""

    @property
    def partial(self) -> bool:
        return bool(self.errors)

    @property
    def section_count(self) -> int:
        """Numbered mục (I., II., ...) of the body."""
        return sum(isinstance(node, dict) and "bang" not in node for node in self.data.get("noi_dung", []))

    @property
    def task_count(self) -> int:
        return sum(len(appendix.get("nhiem_vu", [])) + sum(len(group["nhiem_vu"]) for group in appendix.get("nhom", []))
                   for appendix in self.data.get("phu_luc", []))

    @property
    def unplaced_count(self) -> int:
        return len(self.data.get("chua_xu_ly", []))


def _contract_problems(data: dict, file: str) -> list[Problem]:
    """Errors ``render`` would report on the YAML written from ``data``, said as import errors. The data
    is checked as the loader reads that YAML back (``read_back``), without writing and parsing it."""
    from hanhchinh_docs.model.loader import load_plan_source
    from hanhchinh_docs.model.yaml_source import YamlSource

    try:
        load_plan_source(YamlSource(file, read_back(data)))
    except InvalidDataError as exc:
        return [Problem(f"Dữ liệu đọc được chưa hợp lệ: {p.message}",
                        SourceLocation(file, field=p.location.field if p.location else None))
                for p in exc.problems]
    return []


def _described(problem: Problem) -> str:
    field_name = problem.location.field if problem.location else None
    return f"  - {problem.message}" + (f" [{field_name}]" if field_name else "")


def _notes(source: Path, findings: Findings) -> list[str]:
    notes = [f"Tạo bằng lệnh 'hanhchinh-docs import' từ tệp {source.name}.",
             "Hãy đọc lại toàn bộ và so với bản Word trước khi dùng."]
    if findings.errors:
        notes += ["", "CHƯA ĐẦY ĐỦ: tệp được ghi với --force dù còn thiếu hoặc sai những chỗ sau;",
                  "hãy bổ sung trước khi tạo văn bản:"]
        notes += [_described(p) for p in findings.errors]
    if findings.warnings:
        notes += ["", "Cảnh báo khi nhập:"] + [_described(p) for p in findings.warnings]
    return notes


def import_plan(docx_path: str | Path, *, force: bool = False) -> ImportResult:
    """Read a plan written in Word (ND30 layout) into the YAML input contract.

    Raises ``DocxReadError`` when the file is not a readable .docx, and ``PlanImportError`` when it is
    not a complete plan, unless ``force``: then the result holds what could be read, with
    ``partial`` set and the problems in ``errors`` and in a comment at the top of ``yaml_text``.
    """
    with collector_paused():
        return _import_plan(Path(docx_path), force)


def _import_plan(source: Path, force: bool) -> ImportResult:
    findings = Findings(str(source))
    document = read_document(source)
    data = PlanBuilder(document.blocks, findings).build()
    if document.legacy_fonts:
        note = (f"Văn bản dùng phông chữ cũ, không phải Unicode ({', '.join(document.legacy_fonts)}): chữ tiếng Việt "
                "đọc ra bị sai. Hãy chuyển mã văn bản sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi "
                "nhập lại")
        (findings.error if findings.errors else findings.warn)(note)
    if not findings.errors:
        findings.errors.extend(_contract_problems(data, str(source)))
    if findings.errors and not force:
        raise PlanImportError(findings.errors, str(source))
    return ImportResult(source, data, plan_yaml(data, _notes(source, findings)), findings.warnings, findings.errors)


def write_import(result: ImportResult, output_path: str | Path) -> Path:
    """Write the YAML atomically: an existing file is replaced only by a complete one."""
    from hanhchinh_docs.output import write_atomically

    return write_atomically(output_path, lambda temp: temp.write_text(result.yaml_text, encoding="utf-8"),
                            protect=(result.source,))
