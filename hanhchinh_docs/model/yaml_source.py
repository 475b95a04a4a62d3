"""YAML reading that remembers where every value came from, so messages can name the line.

PyYAML's YAML 1.1 resolver turns ``NO``/``yes``/``on`` into booleans and ``010`` into 8; a clerk
typing ``luu: [VT, NO]`` or ``so: 010`` would lose data silently. This loader keeps only
``true``/``false`` as booleans and decimal integers as numbers. Dates stay text (PyYAML crashes on
``2024-02-30``); an unquoted date that is no real day is reported here, in any field.

A data file is plain data: it is bounded in size, nesting and number of values. Anchors and
aliases (``&a``/``*a``, which PyYAML's own dumper writes for repeated lists) are allowed, but the
values they expand to are counted (a "billion laughs" file is refused) and an alias inside the
block it names is refused; explicit tags (``!!binary``, ``!!python/...``) are refused before
anything is built.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hanhchinh_docs.collector import collector_paused
from hanhchinh_docs.conventions.dates import ImpossibleDate, parse_iso_date
from hanhchinh_docs.errors import DataFileError, SourceLocation
from hanhchinh_docs.model.input_files import read_input_file

FieldPath = tuple  # of str keys and int indices


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses a large plan ~10x faster


class _StrictLoader(_BaseLoader):
    """SafeLoader without the surprising YAML 1.1 booleans and octal/sexagesimal integers."""


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TIMESTAMP_PATTERN = next(regex for resolvers in yaml.SafeLoader.yaml_implicit_resolvers.values()
                          for tag, regex in resolvers if tag == _TIMESTAMP)

_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", _TIMESTAMP)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))


def format_path(path: FieldPath) -> str:
    """``("phu_luc", 0, "ten")`` -> ``"phu_luc[0].ten"``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass
class YamlSource:
    """Parsed YAML data plus the line/column of every mapping key and value."""

    file: str
    data: Any
    marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    duplicate_keys: list[FieldPath] = field(default_factory=list)
    impossible_dates: list[tuple[FieldPath, str]] = field(default_factory=list)
    """Unquoted ``2024-02-30`` and the like: the path and why the day does not exist."""

    def locate(self, path: FieldPath) -> SourceLocation:
        """Location of ``path``, or of its nearest ancestor present in the file."""
        probe = tuple(path)
        while probe and probe not in self.marks:
            probe = probe[:-1]
        line, column = self.marks.get(probe, (None, None))
        return SourceLocation(self.file, line, column, format_path(path) or None)


def _record_marks(node: yaml.Node, path: FieldPath, source: YamlSource) -> None:
    source.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.ScalarNode) and not node.style and _TIMESTAMP_PATTERN.match(node.value):
        try:
            parse_iso_date(node.value)
        except ImpossibleDate as exc:
            source.impossible_dates.append((path, str(exc)))
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = path + (key,)
            if key in seen:
                source.duplicate_keys.append(child)
            seen.add(key)
            source.marks[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            _record_marks(value_node, child, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_marks(item, path + (index,), source)


MAX_BYTES = 3 * 1024 * 1024
"""A plan of a thousand tasks is about 0.2 MB; a 3 MB plan renders in about 10 s and 450 MB."""
MAX_DEPTH = 40
MAX_VALUES = 150_000


def _refuse_unsafe_constructs(text: str, file: str) -> None:
    """Explicit tags, too deep nesting or too many values written out: refused from the event
    stream, before any node is built (aliases are measured on the nodes: ``_refuse_expansion``)."""
    depth = values = 0
    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)

    def where(event) -> SourceLocation:
        return SourceLocation(file, event.start_mark.line + 1, event.start_mark.column + 1)

    for event in yaml.parse(text, Loader=_StrictLoader):
        kind = type(event)
        if getattr(event, "tag", None) is not None and kind is not yaml.DocumentStartEvent:
            raise DataFileError(
                f"Tệp dữ liệu không dùng thẻ kiểu YAML ('{event.tag}'); hãy viết giá trị bình thường, "
                "đoạn văn đặt trong dấu ngoặc kép", where(event))
        if kind is yaml.ScalarEvent:
            values += 1
        elif kind in opening:
            depth += 1
            values += 1
            if depth > MAX_DEPTH:
                raise DataFileError(f"Tệp dữ liệu lồng nhau quá {MAX_DEPTH} cấp; hãy kiểm tra thụt lề "
                                    "và các dấu ngoặc [ ] { }", where(event))
        elif kind in closing:
            depth -= 1
        if values > MAX_VALUES:
            raise DataFileError(f"Tệp dữ liệu có quá nhiều giá trị (hơn {MAX_VALUES:,}); hãy chia "
                                "thành nhiều tệp".replace(",", "."), where(event))


def _refuse_expansion(root: yaml.Node, file: str) -> None:
    """The values and nesting the document has once every alias is expanded: an alias inside the
    block it names (endless), or an expansion past ``MAX_VALUES``/``MAX_DEPTH``, is refused."""
    measured: dict[int, tuple[int, int]] = {}  # node -> (values, height)
    open_nodes: set[int] = set()

    def refuse(node: yaml.Node, why: str) -> DataFileError:
        return DataFileError(f"Bí danh YAML ('*tên') {why}; hãy chép nội dung cần lặp lại vào từng chỗ",
                             SourceLocation(file, node.start_mark.line + 1, node.start_mark.column + 1))

    def measure(node: yaml.Node, depth: int) -> tuple[int, int]:
        key = id(node)
        if key in measured:
            values, height = measured[key]
        elif key in open_nodes:
            raise refuse(node, "trỏ vào chính khối chứa nó, tạo thành vòng lặp vô tận")
        elif depth > MAX_DEPTH:
            raise refuse(node, f"làm dữ liệu lồng nhau quá {MAX_DEPTH} cấp")
        elif isinstance(node, yaml.ScalarNode):
            values, height = 1, 0
        else:
            open_nodes.add(key)
            children = [child for pair in node.value for child in pair] if isinstance(node, yaml.MappingNode) \
                else node.value
            parts = [measure(child, depth + 1) for child in children]
            open_nodes.discard(key)
            values = 1 + sum(v for v, _ in parts)
            height = 1 + max((h for _, h in parts), default=0)
            measured[key] = values, height
        if values > MAX_VALUES:
            raise refuse(node, f"làm dữ liệu nở ra quá {MAX_VALUES:,} giá trị".replace(",", "."))
        if depth + height > MAX_DEPTH:
            raise refuse(node, f"làm dữ liệu lồng nhau quá {MAX_DEPTH} cấp")
        return values, height

    measure(root, 0)


def _unshared(data: Any) -> Any:
    """A copy where an aliased list or mapping is a separate object at each place it is used, so
    texts are checked and substituted once per place."""
    if isinstance(data, dict):
        return {key: _unshared(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_unshared(item) for item in data]
    return data


def parse_yaml(text: str, file: str) -> YamlSource:
    """Parse ``text``; a syntax error becomes a ``DataFileError`` with line, column and the fix."""
    try:
        _refuse_unsafe_constructs(text, file)
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _refuse_expansion(node, file)
            data = _unshared(loader.construct_document(node)) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise DataFileError(f"Lỗi cú pháp YAML: {_explain_yaml_problem(exc, text)}",
                            SourceLocation(file, line, column)) from exc
    except yaml.reader.ReaderError as exc:
        line = text[:exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise DataFileError(
            f"Tệp chứa ký tự điều khiển không in được (mã U+{code:04X}); hãy xóa ký tự này hoặc gõ lại đoạn văn",
            SourceLocation(file, line)) from exc
    except yaml.YAMLError as exc:
        raise DataFileError("Không đọc được tệp YAML: cấu trúc không hợp lệ", SourceLocation(file)) from exc
    source = YamlSource(file=file, data=data)
    if node is not None:
        _record_marks(node, (), source)
    return source


_INDENTATION = ("thụt lề không đều: các trường cùng cấp phải thẳng cột, thụt vào bằng dấu cách (không dùng Tab); "
                "nếu đoạn văn có dấu hai chấm hay dấu ngoặc thì đặt cả đoạn trong dấu ngoặc kép")

_YAML_PROBLEMS = (
    ("mapping values are not allowed", "có dấu hai chấm kèm dấu cách (': ') giữa đoạn văn; hãy đặt cả đoạn trong "
                                       "dấu ngoặc kép, ví dụ trich_yeu: \"Kế hoạch: tuyên truyền\""),
    ("tab character", "dòng thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("found character '\\t'", "dòng thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("did not find expected ',' or ']'", "dấu ngoặc vuông '[' chưa được đóng bằng ']' (hoặc thiếu dấu phẩy giữa "
                                         "các mục); mục nào có dấu phẩy thì đặt trong ngoặc kép"),
    ("did not find expected ',' or '}'", "dấu ngoặc nhọn '{' chưa được đóng bằng '}' (hoặc thiếu dấu phẩy giữa "
                                         "các trường)"),
    ("could not find expected ':'", "thiếu dấu hai chấm ':' sau tên trường"),
    ("unknown escape character", "trong ngoặc kép, dấu '\\' phải đi với ký tự hợp lệ (\\n, \\\\ ...); hãy viết "
                                 "'\\\\' hoặc đặt đoạn trong dấu nháy đơn"),
    ("hexdecimal number", "mã ký tự sau '\\u' hoặc '\\x' không đúng; hãy gõ thẳng ký tự"),
    ("invalid Unicode character escape", "mã ký tự sau '\\u' không phải ký tự hợp lệ; hãy gõ thẳng ký tự"),
    ("expected a single document", "tệp chỉ được có một văn bản; hãy bỏ dòng '---' thứ hai"),
    ("unhashable key", "tên trường phải là một chữ đơn giản (ví dụ trich_yeu), không phải danh sách"),
    ("exceeded maximum nesting depth", f"dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} cấp); hãy kiểm tra thụt lề và các dấu "
                           "ngoặc [ ] {{ }}"),
    ("undefined alias", "dùng bí danh '*tên' chưa được khai báo bằng '&tên' ở phía trên"),
    ("duplicate %YAML", "dòng '%YAML' bị lặp; hãy xóa các dòng bắt đầu bằng '%'"),
    ("did not find expected '-' indicator", "thụt lề của danh sách không đều: các dòng '- ' cùng cấp phải thẳng cột"),
    ("did not find expected key", _INDENTATION),
    ("expected <block end>", _INDENTATION),
)


def _explain_yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> str:
    """The problem in the user's terms, with the fix; nothing of PyYAML's English is shown."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
    char = text[mark.index] if mark and 0 <= mark.index < len(text) else ""
    if "quoted scalar" in context and "end of stream" in problem:
        return "dấu ngoặc kép (hoặc nháy đơn) mở mà không đóng; hãy thêm dấu đóng ở cuối đoạn văn"
    if ("expected key" in problem or "<block end>" in problem) and (
            line.count('"') >= 3 and ': "' in line or line.count("'") >= 3 and ": '" in line):
        return ("có dấu ngoặc kép thẳng (\") bên trong đoạn văn đã đặt trong ngoặc kép; bên trong hãy dùng "
                "ngoặc kép cong “ ” hoặc đặt cả đoạn trong dấu nháy đơn ' ' (trong nháy đơn, dấu ' viết thành '')")
    if "cannot start any token" in problem:
        if char == "\t":
            return "dòng thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách"
        return (f"ký tự '{char}' không được đứng đầu một giá trị; hãy đặt giá trị trong dấu ngoặc kép")
    if "end of stream" in problem:
        return "tệp kết thúc khi còn dấu ngoặc hoặc ngoặc kép chưa đóng"
    for english, vietnamese in _YAML_PROBLEMS:
        if english in problem or english in context:
            return vietnamese
    return ("cấu trúc không hợp lệ. Hãy kiểm tra dấu hai chấm, thụt lề (dùng dấu cách, không dùng Tab) "
            "và dấu ngoặc kép quanh các đoạn văn có ký tự đặc biệt")


_PARSED_KEPT = 4
_parsed: dict[bytes, YamlSource] = {}
"""Recently parsed files by the hash of their bytes: a command that looks at a file's ``loai`` and
then loads it, or a batch of reports on one plan, parses each file once."""


def read_yaml_file(path: str | Path) -> YamlSource:
    """Read and parse a YAML data file; every failure is a ``DataFileError`` naming the file.

    The caller gets its own copy of the data (loading substitutes texts in place); the marks of a
    file that parsed before are shared, as nothing changes them.
    """
    name = str(path)
    raw = read_input_file(path, MAX_BYTES)
    key = hashlib.blake2b(raw, digest_size=20).digest()
    parsed = _parsed.get(key)
    if parsed is None:
        with collector_paused():
            parsed = _parse_bytes(raw, name)
        if len(_parsed) >= _PARSED_KEPT:
            _parsed.pop(next(iter(_parsed)))
        _parsed[key] = parsed
    return YamlSource(name, _unshared(parsed.data), parsed.marks, list(parsed.duplicate_keys),
                      list(parsed.impossible_dates))


def _parse_bytes(raw: bytes, name: str) -> YamlSource:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            "Tệp không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (Unicode)",
            SourceLocation(name, line),
        ) from exc
    return parse_yaml(text, name)
