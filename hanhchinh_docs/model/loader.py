"""YAML file -> validated model, collecting every problem before raising once.

Steps: parse with line marks; check, normalise and substitute ``{{ nam }}`` in every text
(``model.user_text``: plain substitution, never a template); validate with the pydantic models;
translate pydantic's errors into plain Vietnamese with the YAML line.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Any, Generic, TypeVar, Union

from pydantic import BaseModel, ValidationError

from hanhchinh_docs.conventions.dates import ImpossibleDate
from hanhchinh_docs.conventions.digits import ascii_integer
from hanhchinh_docs.errors import DataFileError, InvalidDataError, Problem, SourceLocation, TextError
from hanhchinh_docs.model.plan import Plan, archive_problems, structure_problems, work_items
from hanhchinh_docs.model.progress_merge import read_progress_sheets
from hanhchinh_docs.model.report import Progress, Report
from hanhchinh_docs.model.task_sheet import expand_task_sheets
from hanhchinh_docs.model.user_text import prepare_text
from hanhchinh_docs.model.yaml_source import FieldPath, YamlSource, read_yaml_file

M = TypeVar("M", bound=BaseModel)
ProgressSheets = Union[str, Path, Sequence[Union[str, Path]], None]
"""One progress sheet, a folder of them, or a list."""

@dataclass
class Loaded(Generic[M]):
    """A validated document with its source (for locating fields) and non-fatal warnings."""

    document: M
    source: YamlSource
    warnings: list[Problem] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return Path(self.source.file)


def walk_strings(value: Any, path: FieldPath):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from walk_strings(child, path + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk_strings(child, path + (index,))


def replace_at(data: Any, path: FieldPath, new: str) -> None:
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = new


def prepare_texts(source: YamlSource, variables: dict[str, Any] | None, problems: list[Problem]) -> None:
    """Check, normalise and substitute every text of ``source.data`` in place (``prepare_text``).

    ``variables`` is None when they could not be worked out (an invalid ``nam``): variables are
    then left as written, so the one real mistake is not reported again for every ``{{ nam }}``.
    """
    def prepare(container: dict | list, path: FieldPath) -> None:
        for key, value in container.items() if isinstance(container, dict) else enumerate(container):
            if isinstance(value, str):
                try:
                    container[key] = prepare_text(value, variables)
                except TextError as exc:
                    problems.append(Problem(exc.message, source.locate(path + (key,))))
            elif isinstance(value, (dict, list)):
                prepare(value, path + (key,))

    if isinstance(source.data, (dict, list)):
        prepare(source.data, ())


_VALUE_ERRORS = {
    "issue_date": "Ngày ban hành phải có dạng YYYY-MM-DD (ví dụ 2024-01-05), YYYY-MM (để trống ngày) hoặc để trống",
    "document_number": "Số văn bản phải là số nguyên dương viết bằng chữ số 0-9 (ví dụ 5), hoặc để trống "
                       "(null) để văn thư điền",
    "year": "Năm phải là số có 4 chữ số, ví dụ nam: 2024, viết bằng chữ số 0-9 (không dùng chữ số Ả Rập, "
            "số mũ hay kiểu chữ số khác)",
    "abbreviation": "Chữ viết tắt tên cơ quan chỉ gồm chữ, số và dấu '-' (ví dụ STNMT)",
    "authority": "Dòng quyền hạn ký phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q. (ví dụ 'KT. GIÁM ĐỐC'); "
                 "nếu người đứng đầu ký thì bỏ trường 'quyen_han'",
    "title_or_text": "Mỗi mục đánh số cần 'tieu_de' (đề mục in đậm) hoặc 'van_ban' (đoạn văn có số thứ tự); "
                     "đoạn văn không đánh số thì viết thẳng dạng chuỗi",
    "title_and_text": "Chỉ dùng một trong hai trường 'tieu_de' hoặc 'van_ban' cho một mục",
    "column_key": "Khóa cột chỉ gồm chữ thường không dấu, số và '_' (ví dụ theo_doi)",
    "task_id": "Mã nhiệm vụ chỉ gồm chữ không dấu, số và các dấu '.', '-', '_' (ví dụ NV01)",
    "progress": "Trạng thái không hợp lệ; dùng một trong: hoan_thanh (Hoàn thành), dang_thuc_hien "
                "(Đang thực hiện), chua_thuc_hien (Chưa thực hiện)",
    "legal_bases_kind": "Chỉ quyết định, nghị quyết, quy chế, quy định và chỉ thị có phần căn cứ ban hành; "
                        "với loại văn bản này hãy viết căn cứ thành câu trong 'mo_dau' (ví dụ 'Thực hiện ...')",
    "urgency": "Độ khẩn phải là một trong: KHẨN, THƯỢNG KHẨN, HỎA TỐC",
    "secrecy": "Độ mật phải là một trong: MẬT, TỐI MẬT, TUYỆT MẬT",
    "circulation": "Phạm vi lưu hành phải là một trong: XEM XONG TRẢ LẠI, LƯU HÀNH NỘI BỘ",
    "drafter": "Ký hiệu người soạn thảo chỉ gồm chữ không dấu, số và dấu '.' (ví dụ PL)",
    "period": "Kỳ báo cáo không hợp lệ; dùng một trong: thang_1 … thang_12, quy_1 … quy_4, "
              "6_thang_dau, 6_thang_cuoi, 9_thang, nam",
}

_TYPE_MESSAGES = {
    "missing": "Thiếu trường bắt buộc '{key}'",
    "string_type": "Giá trị phải là một đoạn văn bản",
    "string_too_short": "Không được để trống",
    "list_type": "Giá trị phải là một danh sách (mỗi phần tử một dòng, bắt đầu bằng '- ')",
    "int_type": "Giá trị phải là một số nguyên",
    "int_parsing": "Giá trị phải là một số nguyên",
    "int_from_float": "Giá trị phải là một số nguyên",
    "greater_than_equal": "Giá trị phải từ {ge} trở lên",
    "less_than_equal": "Giá trị phải không lớn hơn {le}",
    "model_type": "Giá trị phải là một nhóm trường dạng 'khóa: giá trị'",
    "dict_type": "Giá trị phải là một nhóm trường dạng 'khóa: giá trị'",
    "model_attributes_type": "Giá trị phải là một nhóm trường dạng 'khóa: giá trị'",
    "bool_type": "Giá trị phải là true hoặc false",
    "bool_parsing": "Giá trị phải là true hoặc false",
    "float_type": "Giá trị phải là một số",
    "float_parsing": "Giá trị phải là một số",
    "int_parsing_size": "Số quá lớn",
    "greater_than": "Giá trị phải lớn hơn {gt}",
    "less_than": "Giá trị phải nhỏ hơn {lt}",
    "too_short": "Danh sách cần ít nhất {min_length} mục",
    "too_long": "Danh sách có quá nhiều mục (tối đa {max_length})",
    "string_too_long": "Đoạn văn quá dài (tối đa {max_length} ký tự)",
    "string_pattern_mismatch": "Giá trị không đúng dạng",
    "enum": "Giá trị không hợp lệ; phải là một trong: {expected}",
    "union_tag_invalid": "Giá trị không đúng dạng",
    "union_tag_not_found": "Giá trị không đúng dạng",
    "date_type": "Ngày phải có dạng YYYY-MM-DD, ví dụ 2024-01-05",
    "date_parsing": "Ngày phải có dạng YYYY-MM-DD, ví dụ 2024-01-05",
    "bytes_type": "Giá trị phải là một đoạn văn bản",
    "none_required": "Trường này phải để trống",
    "dict_keys": "Tên trường phải là chữ",
}


_MAPPING_HINTS = {
    "Issuer": "'co_quan' cần các dòng con ban_hanh và viet_tat (thêm chu_quan, ten nếu có)",
    "Signer": "'nguoi_ky' cần các dòng con chuc_vu và ho_ten (thêm quyen_han nếu có)",
    "BodyItem": "mỗi phần tử của 'noi_dung' là một đoạn văn (chuỗi, nên đặt trong ngoặc kép) "
                "hoặc một mục có 'tieu_de' hay 'van_ban'",
    "Appendix": "mỗi phụ lục cần 'ten' và danh sách 'nhiem_vu' (hoặc 'nhom', hoặc 'loai: bang' với 'cot' và 'dong')",
    "Task": "mỗi nhiệm vụ là một nhóm trường, ít nhất có 'noi_dung'",
    "TaskGroup": "mỗi nhóm nhiệm vụ cần 'ten' và danh sách 'nhiem_vu'",
    "Product": "mỗi sản phẩm là một đoạn văn bản, hoặc một nhóm trường có 'san_pham' (và thoi_gian, chu_tri, phoi_hop)",
    "TableColumn": "mỗi cột là một tiêu đề, hoặc một nhóm trường có 'ten' (và 'khoa', 'rong' tính bằng mm)",
    "Table": "bảng cần 'cot' (các tiêu đề cột) và 'dong' (mỗi dòng là một danh sách ô), có thể thêm 'ten'",
    "Person": "cần các dòng con ho_ten (và chuc_vu nếu có)",
    "Article": "mỗi điều là một câu (chuỗi) hoặc nhóm có 'van_ban' và danh sách 'khoan'",
    "Clause": "mỗi khoản là một câu (chuỗi) hoặc nhóm có 'van_ban' và danh sách 'diem'",
    "TaskProgress": "kết quả mỗi nhiệm vụ viết dạng { trang_thai: hoan_thanh, ket_qua: \"...\" }",
}

_FIELD_MESSAGES = {
    "don_vi_soan_thao": "Đơn vị soạn thảo chỉ gồm chữ, số và dấu '-' (ví dụ VX), in trong ký hiệu công văn",
    "nam": "Năm phải là số có 4 chữ số, ví dụ nam: 2024",
    "rong": "Độ rộng cột 'rong' tính bằng mm: chỉ ghi số lớn hơn 0 và không quá 1000, không kèm 'mm' (ví dụ "
            "rong: 30); các cột được co giãn theo tỷ lệ cho vừa khổ giấy",
}


class _Context(dict):
    """pydantic's error context; a missing entry prints as nothing rather than failing."""

    def __missing__(self, key: str) -> str:
        return "…"


def _yaml_path(loc: tuple) -> FieldPath:
    # Discriminated unions add their tag to the location, and the office's own columns sit under
    # ``cot_khac`` after loading; the user wrote neither.
    return tuple(part for part in loc if part not in ("text", "item", "table", "row", "cot_khac"))


def translate_validation_error(
    exc: ValidationError, source: YamlSource, known_keys: set[str]
) -> list[Problem]:
    """Every pydantic error as a Vietnamese ``Problem`` located in the YAML file."""
    problems = []
    for error in exc.errors():
        path = _yaml_path(error["loc"])
        kind = error["type"]
        key = path[-1] if path else ""
        if kind == "extra_forbidden":
            message = f"Trường '{key}' không có trong mẫu dữ liệu"
            close = difflib.get_close_matches(str(key), sorted(known_keys), n=1)
            message += f". Có phải ý bạn là '{close[0]}'?" if close else "; hãy xóa hoặc sửa tên trường"
        elif kind == "literal_error":
            expected = error.get("ctx", {}).get("expected", "")
            message = f"Giá trị '{error.get('input')}' không hợp lệ; phải là {expected}"
        elif kind == "value_error":
            cause = error.get("ctx", {}).get("error")
            message = (f"{cause}. Hãy sửa lại ngày (dạng YYYY-MM-DD)" if isinstance(cause, ImpossibleDate)
                       else _VALUE_ERRORS.get(str(cause), "Giá trị không hợp lệ"))
        elif kind == "model_type" and error.get("ctx", {}).get("class_name") in _MAPPING_HINTS:
            message = "Giá trị không đúng dạng: " + _MAPPING_HINTS[error["ctx"]["class_name"]]
        elif path and path[-1] in _FIELD_MESSAGES and kind not in ("missing", "extra_forbidden"):
            message = _FIELD_MESSAGES[path[-1]]
        elif kind in _TYPE_MESSAGES:
            limits = {name: int(value) if isinstance(value, float) and value.is_integer() else value
                      for name, value in error.get("ctx", {}).items()}  # "lớn hơn 0", not "0.0"
            message = _TYPE_MESSAGES[kind].format_map(_Context(key=key, **limits))
        else:
            message = "Giá trị không hợp lệ; hãy xem bảng các trường trong README"
        problems.append(Problem(message, source.locate(path)))
    return problems


def model_keys(model: type[BaseModel], into: set[str] | None = None) -> set[str]:
    """Every YAML key a model (and the models inside it) accepts, for 'did you mean' hints."""
    into = set() if into is None else into
    for name, info in model.model_fields.items():
        into.add(info.alias or name)
        for arg in _nested_models(info.annotation):
            if arg.__name__ not in into:
                into.add(arg.__name__)
                model_keys(arg, into)
    return {k for k in into if k.islower()}


def _nested_models(annotation: Any):
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _nested_models(arg)


def validate_source(model: type[M], source: YamlSource, variables: dict[str, Any] | None,
                    problems: list[Problem]) -> M | None:
    """Prepare texts and validate; appends problems and returns None when any error remains."""
    for dup in source.duplicate_keys:
        problems.append(Problem(
            f"Trường '{dup[-1]}' được khai báo hai lần; chỉ giữ một lần", source.locate(dup)))
    for path, why in source.impossible_dates:
        problems.append(Problem(f"{why}. Hãy sửa lại ngày (dạng YYYY-MM-DD)", source.locate(path)))
    prepare_texts(source, variables, problems)
    try:
        document = model.model_validate(source.data)
    except ValidationError as exc:
        problems.extend(translate_validation_error(exc, source, model_keys(model)))
        return None
    return None if problems else document


def read_mapping(path: str | Path) -> YamlSource:
    """Read a YAML file whose top level must be a mapping of fields."""
    source = read_yaml_file(path)
    if not isinstance(source.data, dict):
        raise DataFileError(
            "Tệp dữ liệu phải là một nhóm trường dạng 'khóa: giá trị' (ví dụ 'loai: ke_hoach')",
            SourceLocation(source.file, 1))
    return source


def year_variable(year: Any) -> dict[str, Any] | None:
    """Variables usable as ``{{ }}`` in texts, or None when the year itself is wrong.

    ``nam: "2024"`` and ``nam: 2024`` are the same year (``ascii_integer``), whatever YAML made of it.
    """
    if year is None:
        return {}
    number = ascii_integer(year)
    return {"nam": number} if number is not None and 1900 <= number <= 2200 else None


def raise_if_errors(problems: list[Problem], source: YamlSource) -> None:
    """Raise every error at once, by line; the same problem found twice (an unquoted impossible
    date is seen by the YAML reader and by the field) is listed once."""
    errors = list(dict.fromkeys(p for p in problems if p.severity == "error"))
    if errors:
        errors.sort(key=lambda p: (p.location.line or 0) if p.location else 0)
        raise InvalidDataError(errors, file=source.file)



def check_kind(source: YamlSource, expected: str, command_hint: str, problems: list[Problem]) -> None:
    kind = source.data.get("loai")
    if kind != expected:
        problems.append(Problem(
            f"Trường 'loai' phải là '{expected}' (đang là '{kind}'). {command_hint}",
            source.locate(("loai",))))


def load_plan(path: str | Path) -> Loaded[Plan]:
    """Read, check and validate a plan file; raises ``InvalidDataError`` listing every problem."""
    return load_plan_source(read_mapping(path))


def load_plan_source(source: YamlSource) -> Loaded[Plan]:
    """``load_plan`` for data already read (``import`` checks what it is about to write); the data is
    prepared in place."""
    problems: list[Problem] = []
    if source.data.get("loai") not in (None, "ke_hoach"):
        check_kind(source, "ke_hoach", "Báo cáo thì dùng lệnh 'hanhchinh-docs report'", problems)
        raise_if_errors(problems, source)
    expand_task_sheets(source, problems)
    plan = validate_source(Plan, source, year_variable(source.data.get("nam")), problems)
    if plan is not None:
        problems.extend(structure_problems(plan, source.locate))
        if plan.unplaced:
            problems.append(Problem(
                f"Còn {len(plan.unplaced)} đoạn trong 'chua_xu_ly' (do lệnh import chưa xếp được) sẽ không được in; "
                "hãy chuyển chúng vào đúng chỗ trong 'noi_dung' rồi xóa khỏi 'chua_xu_ly'",
                source.locate(("chua_xu_ly",)), severity="warning"))
    raise_if_errors(problems, source)
    return Loaded(plan, source, [p for p in problems if p.severity == "warning"])


@dataclass
class TaskProgressEntry:
    """Progress of one plan task, from the report's ``ket_qua`` or a progress sheet."""

    status: Progress
    result: str
    location: SourceLocation


@dataclass
class LoadedReport:
    """A validated report, the plan it reports on, and the progress keyed by task id."""

    report: Loaded[Report]
    plan: Loaded[Plan]
    progress: dict[str, TaskProgressEntry]
    warnings: list[Problem] = field(default_factory=list)


def load_report(path: str | Path, progress_sheet: ProgressSheets = None) -> LoadedReport:
    """Read a report file, the plan it names (relative to the report) and optional progress sheets
    (a file, a folder of them or a list: several are merged per task, see ``progress_merge``)."""
    return load_report_source(read_mapping(path), progress_sheet)


def load_report_source(source: YamlSource, progress_sheet: ProgressSheets = None) -> LoadedReport:
    """``load_report`` for data already read (a row of a batch sheet made into a report): the plan is
    found relative to the folder of ``source.file``."""
    problems: list[Problem] = []
    if source.data.get("loai") not in (None, "bao_cao"):
        check_kind(source, "bao_cao", "Kế hoạch thì dùng lệnh 'hanhchinh-docs render'", problems)
        raise_if_errors(problems, source)
    plan_loaded = _load_referenced_plan(source, problems)
    year = source.data.get("nam", plan_loaded.document.year if plan_loaded else None)
    report = validate_source(Report, source, year_variable(year), problems)
    raise_if_errors(problems, source)
    if report.archive:
        problems.extend(archive_problems(report.archive, source.locate))
    items = work_items(plan_loaded.document)
    # A task with product rows takes a result per row (NV05.2) or one for all its rows (NV05).
    keys = list(dict.fromkeys(key for item in items for key in (item.entry.key, item.key)))
    progress: dict[str, TaskProgressEntry] = {}
    for key, entry in report.results.items():
        location = source.locate(("ket_qua", key))
        if key not in keys:
            close = difflib.get_close_matches(key, keys, n=1)
            hint = f" Có phải ý bạn là '{close[0]}'?" if close else f" Các mã có trong kế hoạch: {', '.join(keys)}."
            problems.append(Problem(f"Nhiệm vụ '{key}' không có trong kế hoạch.{hint}", location))
            continue
        progress[key] = TaskProgressEntry(entry.status, entry.result, location)
    if progress_sheet is not None:
        rows, sheet_problems = read_progress_sheets(progress_sheet, plan_loaded.document)
        problems.extend(sheet_problems)
        by_position = {str(i + 1): e.key for i, e in enumerate(plan_loaded.document.task_entries())}
        for row in rows:
            key = row.task_key if row.task_key in keys else by_position.get(row.task_key)
            if key is None:
                problems.append(Problem(
                    f"Nhiệm vụ '{row.task_key}' trong bảng tiến độ không có trong kế hoạch", row.location))
                continue
            if key in progress:
                problems.append(Problem(
                    f"Nhiệm vụ '{key}' có cả trong 'ket_qua' và bảng tiến độ; dùng số liệu của bảng tiến độ",
                    row.location, severity="warning"))
            try:
                result = prepare_text(row.result, year_variable(year))
            except TextError as exc:
                problems.append(Problem(f"Kết quả của nhiệm vụ {key} trong bảng tiến độ: {exc.message}", row.location))
                continue
            progress[key] = TaskProgressEntry(row.status, result, row.location)
    raise_if_errors(problems, source)
    return LoadedReport(Loaded(report, source, []), plan_loaded, progress,
                        plan_loaded.warnings + [p for p in problems if p.severity == "warning"])


def _load_referenced_plan(source: YamlSource, problems: list[Problem]) -> Loaded[Plan]:
    """The plan named by ``ke_hoach``, relative to the report file; its problems name its own file."""
    reference = source.data.get("ke_hoach")
    where = source.locate(("ke_hoach",))
    if not isinstance(reference, str) or not reference.strip():
        problems.append(Problem(
            "Thiếu trường 'ke_hoach': đường dẫn tới tệp YAML của kế hoạch được báo cáo", where))
        raise_if_errors(problems, source)
    plan_path = Path(source.file).parent / reference.strip()
    try:
        stat = plan_path.stat() if "\x00" not in reference else None
    except OSError:  # missing, or a name the system refuses (too long)
        stat = None
    if stat is None or not S_ISREG(stat.st_mode):
        problems.append(Problem(
            f"Không tìm thấy tệp kế hoạch '{plan_path}'; đường dẫn tính từ thư mục của tệp báo cáo", where))
        raise_if_errors(problems, source)
    return _load_plan_once(plan_path, stat.st_mtime_ns, stat.st_size)


_PLANS_KEPT = 8
_plans: dict[tuple[str, int, int], Loaded[Plan]] = {}


def _load_plan_once(path: Path, mtime_ns: int, size: int) -> Loaded[Plan]:
    """A batch of reports on one plan reads it once per process, however each report names it (the
    key is the absolute path; messages name the file as first reached); a changed file is read again.
    Worker processes forked after the batch loaded its base report inherit the plan."""
    key = (os.path.abspath(path), mtime_ns, size)
    found = _plans.get(key)
    if found is None:
        if len(_plans) >= _PLANS_KEPT:
            _plans.clear()
        found = _plans[key] = load_plan(path)
    return found
