"""The Python API; the CLI is a thin layer over these functions.

    from hanhchinh_docs import api
    result = api.render_plan("ke_hoach.yaml", "ke_hoach.docx")
    for warning in result.warnings: print(warning)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hanhchinh_docs.errors import PdfError, Problem, SourceLocation
from hanhchinh_docs.pdf import PdfJob, PdfOutcome, convert_to_pdf, find_soffice
from hanhchinh_docs.output import write_atomically
from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.render.context import plan_context
from hanhchinh_docs.render.docx_render import render_template
from hanhchinh_docs.render.postprocess import postprocess
from hanhchinh_docs.render.tables import place_tables, plan_tables, report_tables
from hanhchinh_docs.render.templates import template_bytes


@dataclass
class RenderResult:
    output: Path
    warnings: list[Problem] = field(default_factory=list)
    pdf: Path | None = None
    """The PDF written beside ``output`` when one was asked for."""


def build_plan_document(plan_path: str | Path, template: str | Path | None = None):
    """Load, validate and render a plan; returns the python-docx ``Document`` and the warnings."""
    loaded = load_plan(plan_path)
    data, name = template_bytes("ke_hoach", template)
    document = render_template(data, name, plan_context(loaded.document))
    place_tables(document, plan_tables(loaded.document), name)
    postprocess(document)
    document.core_properties.title = loaded.document.subject
    return document, loaded.warnings + lint_warnings(loaded)


def lint_warnings(loaded) -> list[Problem]:
    """Data lint shown by ``render``: mistakes the schema cannot see (a stray year, a bad citation)."""
    from hanhchinh_docs.checker.lint import lint_plan

    return lint_plan(loaded)


def render_plan(plan_path: str | Path, output: str | Path, template: str | Path | None = None,
                pdf: bool = False, pdfa: bool = False) -> RenderResult:
    """Render ``plan_path`` (YAML) to ``output`` (.docx); raises ``HanhChinhError`` on bad input.

    ``pdf`` also writes ``output`` with the suffix .pdf; ``pdfa`` makes that PDF a PDF/A-2b.
    """
    if pdf or pdfa:
        find_soffice()  # before anything is written
    document, warnings = build_plan_document(plan_path, template)
    written = write_atomically(output, lambda temp: document.save(str(temp)), protect=(plan_path,))
    return RenderResult(written, warnings, _pdf_beside(written, pdfa) if pdf or pdfa else None)


def _pdf_beside(docx: Path, pdfa: bool) -> Path:
    """Convert one freshly written .docx to the .pdf of the same name; raises ``PdfError`` on failure."""
    (outcome,) = convert_to_pdf([PdfJob(docx, docx.with_suffix(".pdf"))], pdfa=pdfa)
    if outcome.error:
        raise PdfError(outcome.error, SourceLocation(str(docx)))
    return outcome.job.target


def convert_pdfs(files: Sequence[str | Path], output_folder: str | Path | None = None, pdfa: bool = False,
                 on_done: Callable[[PdfOutcome], None] | None = None) -> list[PdfOutcome]:
    """Convert .docx files to PDF in one LibreOffice process: each to the same name with .pdf, in
    ``output_folder`` when given (else beside it). A file that fails is reported in its outcome."""
    folder = Path(output_folder) if output_folder is not None else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    jobs = [PdfJob(Path(f), (folder / Path(f).name if folder else Path(f)).with_suffix(".pdf")) for f in files]
    return convert_to_pdf(jobs, pdfa=pdfa, on_done=on_done)


def _report_document(report_path: str | Path, progress_sheet: str | Path | None, template: str | Path | None):
    """The rendered report, its warnings and the loaded inputs (whose files the output must not overwrite)."""
    from hanhchinh_docs.model.loader import load_report
    from hanhchinh_docs.render.context import report_context
    from hanhchinh_docs.reporting import compute_report

    loaded = load_report(report_path, progress_sheet)
    content = compute_report(loaded.report.document, loaded.plan.document, loaded.progress,
                             plan_locate=loaded.plan.source.locate, report_locate=loaded.report.source.locate)
    data, name = template_bytes("bao_cao", template)
    document = render_template(data, name, report_context(content))
    place_tables(document, report_tables(content), name)
    postprocess(document)
    document.core_properties.title = content.subject
    return document, loaded.warnings + content.warnings, loaded


def build_report_document(report_path: str | Path, progress_sheet: str | Path | None = None,
                          template: str | Path | None = None):
    """Load a report, its plan and optional progress sheet, and render; returns ``(Document, warnings)``."""
    document, warnings, _ = _report_document(report_path, progress_sheet, template)
    return document, warnings


def render_report(report_path: str | Path, output: str | Path, progress_sheet: str | Path | None = None,
                  template: str | Path | None = None, pdf: bool = False, pdfa: bool = False) -> RenderResult:
    """Render the report ``report_path`` (YAML) to ``output`` (.docx); nothing is written on bad input.
    ``pdf``/``pdfa`` as in ``render_plan``."""
    if pdf or pdfa:
        find_soffice()
    document, warnings, loaded = _report_document(report_path, progress_sheet, template)
    inputs = (report_path, loaded.plan.path, *((progress_sheet,) if progress_sheet else ()))
    written = write_atomically(output, lambda temp: document.save(str(temp)), protect=inputs)
    return RenderResult(written, warnings, _pdf_beside(written, pdfa) if pdf or pdfa else None)


def _refuse_overwrite(target: Path, overwrite: bool, inputs: tuple[str | Path, ...]) -> None:
    """A YAML file the clerk may have edited is replaced only when asked (``--ghi-de``); an input
    given as the output is refused by ``write_atomically`` whatever the flag."""
    from hanhchinh_docs.errors import OutputError

    if any(Path(path).resolve() == target.resolve() for path in inputs):
        return
    if target.exists() and not overwrite:
        raise OutputError(
            f"Tệp '{target}' đã có; công cụ không ghi đè để khỏi mất phần đã sửa. Hãy chọn tên khác với -o, "
            "hoặc thêm --ghi-de nếu muốn thay tệp cũ", SourceLocation(str(target)))


def check_docx(docx_path: str | Path):
    """The ND30 check of any Word file: a ``CheckReport`` (``failed``, ``to_text()``, ``to_dict()``)."""
    from hanhchinh_docs.checker import check_document

    return check_document(docx_path)


def lint_data_file(data_path: str | Path) -> list[Problem]:
    """Warnings about a plan or report YAML file that the schema cannot see; raises on bad input."""
    from hanhchinh_docs.model.loader import load_report, read_mapping

    if read_mapping(data_path).data.get("loai") == "bao_cao":
        loaded = load_report(data_path)
        return loaded.warnings + lint_warnings(loaded.plan)
    loaded = load_plan(data_path)
    return loaded.warnings + lint_warnings(loaded)


@dataclass
class ImportOutcome:
    """What ``import_docx`` read and where it wrote it."""

    output: Path
    result: object
    """The importer's ``ImportResult`` (counts, warnings, errors, ``partial``)."""


def import_docx(docx_path: str | Path, output: str | Path | None = None, *, force: bool = False,
                overwrite: bool = False) -> ImportOutcome:
    """Read a Word plan into a YAML plan file; an existing YAML is kept unless ``overwrite``."""
    from hanhchinh_docs.importer import import_plan, write_import

    target = Path(output) if output else Path(docx_path).with_suffix(".yaml")
    result = import_plan(docx_path, force=force)
    _refuse_overwrite(target, overwrite, (docx_path,))
    return ImportOutcome(write_import(result, target), result)


@dataclass
class RolloverOutcome:
    """What ``roll_over_plan`` wrote, and the rollover's notes (``result.review``, ``summary_text()``)."""

    output: Path
    result: object


def roll_over_plan(plan_path: str | Path, new_year: int, output: str | Path | None = None, *,
                   replace_years: bool = False, year_end_report: str | Path | None = None,
                   overwrite: bool = False) -> RolloverOutcome:
    """The plan rolled over to ``new_year``, written to ``output`` (default: the name with the new
    year); an existing file there is kept unless ``overwrite``."""
    from hanhchinh_docs.rollover import default_output, roll_over

    result = roll_over(plan_path, new_year, replace_years=replace_years, year_end_report=year_end_report)
    target = Path(output) if output else default_output(Path(plan_path), result.old_year, result.new_year)
    protect = (plan_path,) if year_end_report is None else (plan_path, year_end_report)
    _refuse_overwrite(target, overwrite, protect)
    write_atomically(target, lambda temp: temp.write_text(result.yaml_text, encoding="utf-8"), protect=protect)
    return RolloverOutcome(target, result)
