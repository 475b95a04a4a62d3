"""The Python API; the CLI is a thin layer over these functions.

    from hanhchinh_docs import api
    result = api.render_plan("ke_hoach.yaml", "ke_hoach.docx")
    for warning in result.warnings: print(warning)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from hanhchinh_docs.batch import BatchItem, BatchOutcome, default_jobs, output_name, run_items
from hanhchinh_docs.collector import collector_paused
from hanhchinh_docs.errors import HanhChinhError, InvalidDataError, PdfError, Problem, SourceLocation
from hanhchinh_docs.pdf import PdfJob, PdfOutcome, convert_to_pdf, find_soffice
from hanhchinh_docs.output import bytes_writer, remove_stale_temps, write_atomically
from hanhchinh_docs.model.loader import load_plan
from hanhchinh_docs.model.progress_merge import sheet_files


@dataclass
class RenderResult:
    output: Path
    warnings: list[Problem] = field(default_factory=list)
    pdf: Path | None = None
    """The PDF written beside ``output`` when one was asked for."""


def _opened(data: bytes):
    """A python-docx ``Document`` of rendered bytes, for callers who read or change it further."""
    import io

    from docx import Document

    return Document(io.BytesIO(data))


def _plan_docx(plan_path: str | Path, template: str | Path | None) -> tuple[bytes, list[Problem]]:
    """Load, validate and render a plan: the .docx bytes and the warnings."""
    from hanhchinh_docs.render.context import plan_context
    from hanhchinh_docs.render.pipeline import render_docx
    from hanhchinh_docs.render.tables import plan_tables
    from hanhchinh_docs.render.templates import template_bytes

    with collector_paused():
        loaded = load_plan(plan_path)
        data, name = template_bytes("ke_hoach", template)
        docx, missing = render_docx(data, name, plan_context(loaded.document), plan_tables(loaded.document),
                                    loaded.document.subject)
        return docx, loaded.warnings + template_style_warnings(missing, name) + lint_warnings(loaded)


def build_plan_document(plan_path: str | Path, template: str | Path | None = None):
    """Load, validate and render a plan; returns the python-docx ``Document`` and the warnings."""
    docx, warnings = _plan_docx(plan_path, template)
    return _opened(docx), warnings


def template_style_warnings(missing_styles: list[str], template_name: str) -> list[Problem]:
    """A style the template lost (see ``render.edited_templates``) is warned about, since what it
    formats falls back to Word's defaults."""
    return [Problem(f"Mẫu không còn kiểu đoạn «{name}» nên phần dùng kiểu này sẽ theo định dạng mặc định của "
                    "Word; hãy dùng lại mẫu có sẵn hoặc tạo lại kiểu đoạn đúng tên này trong mẫu",
                    SourceLocation(template_name), severity="warning")
            for name in missing_styles]


def lint_warnings(loaded) -> list[Problem]:
    """Data lint shown by ``render``: mistakes the schema cannot see (a stray year, a bad citation).
    A lint error (a typed heading number that conflicts with the automatic one) stops the work."""
    from hanhchinh_docs.errors import InvalidDataError
    from hanhchinh_docs.model.lint import lint_plan

    problems = lint_plan(loaded)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InvalidDataError(errors, file=loaded.source.file)
    return problems


def render_plan(plan_path: str | Path, output: str | Path, template: str | Path | None = None,
                pdf: bool = False, pdfa: bool = False) -> RenderResult:
    """Render ``plan_path`` (YAML) to ``output`` (.docx); raises ``HanhChinhError`` on bad input.

    ``pdf`` also writes ``output`` with the suffix .pdf; ``pdfa`` makes that PDF a PDF/A-2b.
    """
    if pdf or pdfa:
        find_soffice()  # before anything is written
    docx, warnings = _plan_docx(plan_path, template)
    written = write_atomically(output, bytes_writer(docx), protect=(plan_path,))
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


def _report_docx(report_path: str | Path, progress_sheet: str | Path | None, template: str | Path | None):
    """The rendered report's bytes, its warnings and the loaded inputs (whose files the output must not
    overwrite)."""
    from hanhchinh_docs.model.loader import load_report

    return _render_loaded_report(load_report(report_path, progress_sheet), template)


def _render_loaded_report(loaded, template: str | Path | None):
    from hanhchinh_docs.render.context import marks_context, report_context
    from hanhchinh_docs.render.pipeline import render_docx
    from hanhchinh_docs.render.tables import report_tables
    from hanhchinh_docs.render.templates import template_bytes
    from hanhchinh_docs.reporting import compute_report

    content = compute_report(loaded.report.document, loaded.plan.document, loaded.progress,
                             plan_locate=loaded.plan.source.locate, report_locate=loaded.report.source.locate)
    data, name = template_bytes("bao_cao", template)
    context = {**report_context(content), **marks_context(loaded.report.document)}
    docx, missing = render_docx(data, name, context, report_tables(content), content.subject)
    from hanhchinh_docs.model.lint import lint_report

    warnings = loaded.warnings + template_style_warnings(missing, name) + lint_report(loaded.report) + content.warnings
    return docx, warnings, loaded


def build_report_document(report_path: str | Path, progress_sheet: str | Path | None = None,
                          template: str | Path | None = None):
    """Load a report, its plan and optional progress sheet, and render; returns ``(Document, warnings)``."""
    docx, warnings, _ = _report_docx(report_path, progress_sheet, template)
    return _opened(docx), warnings


def render_report(report_path: str | Path, output: str | Path, progress_sheet: str | Path | None = None,
                  template: str | Path | None = None, pdf: bool = False, pdfa: bool = False) -> RenderResult:
    """Render the report ``report_path`` (YAML) to ``output`` (.docx); nothing is written on bad input.
    ``pdf``/``pdfa`` as in ``render_plan``."""
    if pdf or pdfa:
        find_soffice()
    docx, warnings, loaded = _report_docx(report_path, progress_sheet, template)
    inputs = (report_path, loaded.plan.path, *(sheet_files(progress_sheet) if progress_sheet else ()))
    written = write_atomically(output, bytes_writer(docx), protect=inputs)
    return RenderResult(written, warnings, _pdf_beside(written, pdfa) if pdf or pdfa else None)


def _form_docx(path: str | Path, template: str | Path | None):
    """Load any kind but the plan and the periodic report, and render it with its kind's template;
    returns the .docx bytes, what was loaded and the warnings."""
    from hanhchinh_docs.model.form_loader import load_form
    from hanhchinh_docs.model.lint import lint_form
    from hanhchinh_docs.render.forms_context import form_context
    from hanhchinh_docs.render.pipeline import render_docx
    from hanhchinh_docs.render.tables import document_tables
    from hanhchinh_docs.render.templates import template_bytes

    loaded = load_form(path)
    document = loaded.form.document
    lint = lint_form(loaded.form)
    if any(p.severity == "error" for p in lint):
        raise InvalidDataError([p for p in lint if p.severity == "error"], file=loaded.form.source.file)
    attached = loaded.attached.document if loaded.attached else None
    data, name = template_bytes(document.kind, template)
    docx, missing = render_docx(data, name, form_context(document, attached),
                                document_tables(getattr(document, "body", []), attached), document.subject or "")
    return docx, loaded, loaded.warnings + lint + template_style_warnings(missing, name)


def build_document(path: str | Path, template: str | Path | None = None):
    """Render a document of any kind (chosen by its ``loai``); returns ``(Document, warnings)``."""
    from hanhchinh_docs.model.form_loader import is_periodic_report
    from hanhchinh_docs.model.loader import read_mapping

    data = read_mapping(path).data
    if data.get("loai") in (None, "ke_hoach"):
        return build_plan_document(path, template)
    if is_periodic_report(data):
        return build_report_document(path, None, template)
    docx, _, warnings = _form_docx(path, template)
    return _opened(docx), warnings


def render_document(path: str | Path, output: str | Path, template: str | Path | None = None,
                    pdf: bool = False, pdfa: bool = False) -> RenderResult:
    """Render the YAML ``path`` of any kind (its ``loai``) to ``output`` (.docx); nothing is written on
    bad input. ``pdf``/``pdfa`` as in ``render_plan``."""
    from hanhchinh_docs.model.form_loader import is_periodic_report
    from hanhchinh_docs.model.loader import read_mapping

    data = read_mapping(path).data
    if data.get("loai") in (None, "ke_hoach"):
        return render_plan(path, output, template, pdf=pdf, pdfa=pdfa)
    if is_periodic_report(data):
        return render_report(path, output, None, template, pdf=pdf, pdfa=pdfa)
    if pdf or pdfa:
        find_soffice()
    docx, loaded, warnings = _form_docx(path, template)
    inputs = (path, *((loaded.attached.path,) if loaded.attached else ()))
    written = write_atomically(output, bytes_writer(docx), protect=inputs)
    return RenderResult(written, warnings, _pdf_beside(written, pdfa) if pdf or pdfa else None)


def _refuse_overwrite(target: Path, overwrite: bool, inputs: tuple[str | Path, ...]) -> None:
    """A YAML file the clerk may have edited is replaced only when asked (``--ghi-de``); an input
    given as the output is refused by ``write_atomically`` whatever the flag."""
    from hanhchinh_docs.errors import OutputError

    if any(Path(path).resolve() == target.resolve() for path in inputs):
        return
    if target.is_file() and not overwrite:  # anything else is refused by write_atomically
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
        from hanhchinh_docs.model.lint import lint_report

        loaded = load_report(data_path)
        return loaded.warnings + lint_report(loaded.report) + lint_warnings(loaded.plan)
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

    target = Path(output) if output is not None else Path(docx_path).with_suffix(".yaml")
    result = import_plan(docx_path, force=force)
    _refuse_overwrite(target, overwrite, (docx_path,))
    return ImportOutcome(write_import(result, target), result)


@dataclass
class RolloverOutcome:
    """What ``roll_over_plan`` wrote, and the rollover's notes (``result.review``, ``summary_text()``)."""

    output: Path
    result: object


def roll_over_plan(plan_path: str | Path, new_year: int | str | None, output: str | Path | None = None, *,
                   replace_years: bool = False, year_end_report: str | Path | None = None,
                   overwrite: bool = False) -> RolloverOutcome:
    """The plan rolled over to ``new_year``, written to ``output`` (default: the name with the new
    year); an existing file there is kept unless ``overwrite``. ``new_year`` may be given as typed
    (``"2025"``), in ASCII digits only."""
    from hanhchinh_docs.conventions.digits import ascii_integer
    from hanhchinh_docs.rollover import default_output, roll_over

    year = ascii_integer(new_year)
    if year is None:
        raise HanhChinhError("Cần ghi năm mới của kế hoạch bằng số (chữ số 0-9), ví dụ --nam 2025")
    result = roll_over(plan_path, year, replace_years=replace_years, year_end_report=year_end_report)
    target = Path(output) if output is not None else default_output(Path(plan_path), result.old_year, result.new_year)
    protect = (plan_path,) if year_end_report is None else (plan_path, year_end_report)
    _refuse_overwrite(target, overwrite, protect)
    write_atomically(target, lambda temp: temp.write_text(result.yaml_text, encoding="utf-8"), protect=protect)
    return RolloverOutcome(target, result)


# ---------------------------------------------------------------------------------------------------
# Batch: many documents in one call


@dataclass
class BatchResult:
    """Every item's outcome, in order, and warnings about the batch as a whole."""

    outcomes: list[BatchOutcome]
    warnings: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> list[BatchOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def _batch_item(item: BatchItem) -> BatchOutcome:
    """One batch item, in a worker: every failure becomes the item's reason, never an exception."""
    from hanhchinh_docs.model.loader import load_report_source
    from hanhchinh_docs.model.yaml_source import YamlSource

    outcome = BatchOutcome(item.label, item.output)
    try:
        if item.work[0] == "file":
            result = render_document(item.work[1], item.output)
        else:
            _, data, marks, sheet = item.work
            loaded = load_report_source(YamlSource(sheet, data, marks))
            docx, warnings, _ = _render_loaded_report(loaded, None)
            written = write_atomically(item.output, bytes_writer(docx), clean=False)
            result = RenderResult(written, warnings)
        outcome.warnings = [str(w) for w in result.warnings]
    except HanhChinhError as exc:
        outcome.error = str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad item must not stop the batch
        outcome.error = f"Lỗi không lường trước khi tạo văn bản ({type(exc).__name__}: {exc})"
    return outcome


def render_batch(source: str | Path, output_folder: str | Path | None = None, name_pattern: str | None = None,
                 base_report: str | Path | None = None, jobs: int | None = None, pdf: bool = False,
                 pdfa: bool = False, on_outcome: Callable[[BatchOutcome], None] | None = None,
                 on_pdf: Callable[[PdfOutcome], None] | None = None,
                 on_start: Callable[[int], None] | None = None) -> BatchResult:
    """Render every YAML file of the folder ``source`` (each by its ``loai``), or, when ``source`` is
    an .xlsx/.csv sheet of units, one report per unit row on the model of ``base_report``.

    Items run in ``jobs`` worker processes (default: one per CPU); an item that fails is recorded
    with its reason and the others go on. With ``pdf``/``pdfa`` one LibreOffice run converts every
    document made. ``on_start`` is told how many items there are, ``on_outcome``/``on_pdf`` of each item
    as it finishes (progress bars).
    Raises ``HanhChinhError`` only when the batch cannot start (missing folder, bad base report).
    """
    if pdf or pdfa:
        find_soffice()
    source = Path(source)
    if not source.exists():
        raise HanhChinhError(f"Không tìm thấy '{source}'", SourceLocation(str(source)))
    if source.is_dir():
        folder = Path(output_folder) if output_folder is not None else source
        items, warnings = _folder_items(source, folder, name_pattern or "{ten}.docx"), []
    elif source.suffix.lower() in (".xlsx", ".csv"):
        if base_report is None:
            raise HanhChinhError("Lập báo cáo theo bảng đơn vị cần tệp báo cáo mẫu: thêm --bao-cao BAO_CAO.yaml "
                                 "(loai: bao_cao, ke_hoach, ky_bao_cao, ...)", SourceLocation(str(source)))
        folder = Path(output_folder) if output_folder is not None else source.parent
        items, warnings = _unit_items(source, Path(base_report), folder,
                                             name_pattern or "bao_cao_{viet_tat}.docx")
    else:
        raise HanhChinhError(f"'{source}' phải là một thư mục chứa tệp YAML, hoặc một bảng đơn vị .xlsx/.csv",
                             SourceLocation(str(source)))
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(folder)
    if on_start:
        on_start(len(items))
    todo = [item for item in items if not isinstance(item.work, str)]
    done = {id(item): BatchOutcome(item.label, item.output, error=item.work)
            for item in items if isinstance(item.work, str)}
    for outcome in done.values():
        if on_outcome:
            on_outcome(outcome)
    import hanhchinh_docs.render.pipeline  # noqa: F401  imported once here, inherited by the forked workers

    made = iter(run_items(_batch_item, todo, jobs or default_jobs(), on_outcome))
    outcomes = [done[id(item)] if id(item) in done else next(made) for item in items]
    if pdf or pdfa:
        _batch_pdfs(outcomes, pdfa, on_pdf)
    return BatchResult(outcomes, warnings + _common_warnings(outcomes))


def _common_warnings(outcomes: list[BatchOutcome]) -> list[Problem]:
    """Warnings every document made shares (about the plan they all report on) are said once for the
    batch, not once per document: they move from the items to the batch."""
    made = [o for o in outcomes if o.error is None]
    if len(made) < 2:
        return []
    common = [w for w in made[0].warnings if all(w in o.warnings for o in made[1:])]
    for outcome in made:
        outcome.warnings = [w for w in outcome.warnings if w not in common]
    return [Problem(w, severity="warning") for w in common]


def _batch_pdfs(outcomes: list[BatchOutcome], pdfa: bool, on_pdf) -> None:
    """One LibreOffice run for every document made; a PDF that fails marks its item failed."""
    made = [o for o in outcomes if o.error is None]
    for outcome, pdf_outcome in zip(made, convert_to_pdf(
            [PdfJob(o.output, o.output.with_suffix(".pdf")) for o in made], pdfa=pdfa, on_done=on_pdf)):
        if pdf_outcome.error:
            outcome.error = pdf_outcome.error
        else:
            outcome.pdf = pdf_outcome.job.target


def _claim(name: str, label: str, taken: dict[str, str]) -> str | None:
    """None, or why ``name`` cannot be used: another item of the batch already writes it."""
    if name in taken:
        return f"Tên tệp kết quả '{name}' trùng với của {taken[name]}; hãy đổi mẫu tên tệp (--ten)"
    taken[name] = label
    return None


def _folder_items(folder: Path, out: Path, pattern: str) -> list[BatchItem]:
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())
    if not files:
        raise HanhChinhError(f"Thư mục '{folder}' không có tệp .yaml nào", SourceLocation(str(folder)))
    taken: dict[str, str] = {}
    items = []
    for number, path in enumerate(files, start=1):
        name = output_name(pattern, {"ten": path.stem, "stt": str(number)})
        clash = _claim(name, path.name, taken)
        items.append(BatchItem(path.name, out / name, clash or ("file", str(path))))
    return items


def _unit_items(sheet: Path, base_path: Path, out: Path, pattern: str):
    """One report per unit row: the base report's data with the row's unit, number, date and results."""
    import copy
    import os

    from hanhchinh_docs.model.loader import load_report, read_mapping
    from hanhchinh_docs.model.unit_sheet import read_unit_sheet

    base = load_report(base_path)  # a mistake in the base report stops the batch before anything is written
    keys = [entry.key for entry in base.plan.document.task_entries()]
    rows, warnings = read_unit_sheet(sheet, keys)
    raw = read_mapping(base_path).data
    raw["ke_hoach"] = os.path.abspath(base.plan.path)  # the key the plan was loaded under: workers reuse it
    plan_data = base.plan.source.data
    raw.setdefault("co_quan", copy.deepcopy(plan_data.get("co_quan")))
    if raw.get("nguoi_ky") is None:
        raw["nguoi_ky"] = copy.deepcopy(plan_data.get("nguoi_ky"))
    taken: dict[str, str] = {}
    items = []
    for number, row in enumerate(rows, start=1):
        label = f"{sheet.name} dòng {row.line} ({row.unit or 'không tên'})"
        values = {"ten": base_path.stem, "stt": str(number), "don_vi": row.unit, "viet_tat": row.abbreviation,
                  "so": str(row.fields.get(("so",), ""))}
        name = output_name(pattern, values)
        problem = "; ".join(str(p) for p in row.problems) or _claim(name, label, taken)
        if problem:
            items.append(BatchItem(label, out / name, problem))
            continue
        data = copy.deepcopy(raw)
        for path, value in row.fields.items():
            target = data
            for part in path[:-1]:
                if not isinstance(target.get(part), dict):
                    target[part] = {}
                target = target[part]
            target[path[-1]] = value
        items.append(BatchItem(label, out / name, ("unit", data, row.marks, str(sheet))))
    return items, warnings


def json_schema(kind: str) -> dict:
    """The JSON Schema of the YAML kind ``kind`` (``ke_hoach``, ``bao_cao``...), for editors."""
    from hanhchinh_docs.model.schema import KINDS, json_schema as generate

    if kind not in KINDS:
        raise HanhChinhError(f"Không có loại văn bản '{kind}'; các loại có: {', '.join(KINDS)}",
                             SourceLocation(field="LOAI"))
    return generate(kind)


def write_json_schema(kind: str, output: str | Path) -> Path:
    """Write the JSON Schema of ``kind`` to ``output`` (atomically)."""
    import json

    text = json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"
    return write_atomically(output, lambda temp: temp.write_text(text, encoding="utf-8"))


def export_tasks(plan_path: str | Path, output: str | Path, unit: str | None = None) -> Path:
    """Write the progress sheet of the plan's tasks (.xlsx) to hand out to units; ``report --tien-do``
    reads it back once they have filled in "Tình trạng" and "Kết quả". With ``unit``, the sheet of
    that unit: its tasks (as lead or partner) and its name, which the merge of several sheets uses."""
    from hanhchinh_docs.render.progress_form import progress_workbook

    target = Path(output)
    if target.suffix.lower() != ".xlsx":
        raise HanhChinhError(f"Tệp kết quả '{target}' phải có đuôi .xlsx", SourceLocation(str(target)))
    loaded = load_plan(plan_path)
    book = progress_workbook(loaded.document, unit)
    if book.active.max_row <= 3:
        why = f"không có nhiệm vụ nào do '{unit}' chủ trì hoặc phối hợp" if unit else "không có nhiệm vụ nào"
        raise HanhChinhError(f"Kế hoạch {why} để lập bảng theo dõi", loaded.source.locate(("phu_luc",)))
    return write_atomically(target, lambda temp: book.save(str(temp)), protect=(plan_path,))


def document_kinds() -> list[tuple[str, str, str, str]]:
    """Every kind ``render`` knows: ``(loai, name, symbol abbreviation or "", ND30 form)``."""
    from hanhchinh_docs.conventions.kinds import KINDS

    return [(k.code, k.name, k.abbreviation or "", k.form) for k in KINDS.values()]


def starter_text(kind: str) -> str:
    """The commented Vietnamese starter file of ``kind``; it renders as is to a valid draft."""
    from importlib import resources

    from hanhchinh_docs.conventions.kinds import KINDS
    from hanhchinh_docs.errors import HanhChinhError

    if kind not in KINDS:
        import difflib

        close = difflib.get_close_matches(kind, list(KINDS), n=1)
        hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
        raise HanhChinhError(f"Không có loại văn bản '{kind}'.{hint} Các loại: {', '.join(KINDS)} "
                             "(xem bằng lệnh 'hanhchinh-docs new --danh-sach')")
    return resources.files("hanhchinh_docs.data").joinpath("starters", f"{kind}.yaml").read_text("utf-8")


def write_starter(kind: str, output: str | Path | None = None, overwrite: bool = False) -> Path:
    """Write the starter file of ``kind`` to ``output`` (default ``<kind>.yaml``); an existing file
    is kept unless ``overwrite``."""
    text = starter_text(kind)
    target = Path(output) if output is not None else Path(f"{kind}.yaml")
    _refuse_overwrite(target, overwrite, ())
    return write_atomically(target, lambda temp: Path(temp).write_text(text, encoding="utf-8"))
