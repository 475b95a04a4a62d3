"""YAML reading that remembers where every value came from, so messages can name the line.

PyYAML's YAML 1.1 resolver turns ``NO``/``yes``/``on`` into booleans and ``010`` into 8; a clerk
typing ``luu: [VT, NO]`` or ``so: 010`` would lose data silently. This loader keeps only
``true``/``false`` as booleans and decimal integers as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hanhchinh_docs.errors import DataFileError, SourceLocation

FieldPath = tuple  # of str keys and int indices


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml parses a large plan ~10x faster


class _StrictLoader(_BaseLoader):
    """SafeLoader without the surprising YAML 1.1 booleans and octal/sexagesimal integers."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int")]
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

    def locate(self, path: FieldPath) -> SourceLocation:
        """Location of ``path``, or of its nearest ancestor present in the file."""
        probe = tuple(path)
        while probe and probe not in self.marks:
            probe = probe[:-1]
        line, column = self.marks.get(probe, (None, None))
        return SourceLocation(self.file, line, column, format_path(path) or None)


def _record_marks(node: yaml.Node, path: FieldPath, source: YamlSource) -> None:
    source.marks.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
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


def parse_yaml(text: str, file: str) -> YamlSource:
    """Parse ``text``; a syntax error becomes a ``DataFileError`` with line and column."""
    try:
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = _explain_yaml_problem(exc.problem or "")
        raise DataFileError(
            f"Lỗi cú pháp YAML: {reason}. Hãy kiểm tra dấu hai chấm, thụt lề (dùng dấu cách, không dùng Tab) "
            "và dấu ngoặc kép quanh các đoạn văn có ký tự đặc biệt",
            SourceLocation(file, line, column),
        ) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"Không đọc được tệp YAML: {exc}", SourceLocation(file)) from exc
    source = YamlSource(file=file, data=data)
    if node is not None:
        _record_marks(node, (), source)
    return source


_YAML_PROBLEMS = {
    "mapping values are not allowed here": "có dấu hai chấm ':' ở chỗ không được phép (đặt đoạn văn trong dấu ngoặc kép)",
    "found character '\\t' that cannot start any token": "có ký tự Tab ở đầu dòng",
    "could not find expected ':'": "thiếu dấu hai chấm ':' sau tên trường",
    "found unexpected end of stream": "tệp kết thúc khi còn dấu ngoặc hoặc ngoặc kép chưa đóng",
    "expected <block end>, but found '<block mapping start>'": "thụt lề không đều",
    "expected <block end>, but found '-'": "thụt lề của danh sách không đều",
    "found undefined alias": "dùng bí danh (*) chưa được định nghĩa",
}


def _explain_yaml_problem(problem: str) -> str:
    for english, vietnamese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return vietnamese
    return problem or "cấu trúc không hợp lệ"


def read_yaml_file(path: str | Path) -> YamlSource:
    """Read and parse a YAML data file; every failure is a ``DataFileError`` naming the file."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DataFileError(f"Không tìm thấy tệp '{name}'. Hãy kiểm tra lại đường dẫn", SourceLocation(name))
    if path.is_dir():
        raise DataFileError(f"'{name}' là một thư mục, không phải tệp dữ liệu", SourceLocation(name))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"Không đọc được tệp '{name}': {exc.strerror}", SourceLocation(name)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            "Tệp không phải mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (Unicode)",
            SourceLocation(name, line),
        ) from exc
    return parse_yaml(text, name)
