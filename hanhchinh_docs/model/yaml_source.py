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


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TIMESTAMP_PATTERN = next(regex for resolvers in yaml.SafeLoader.yaml_implicit_resolvers.values()
                          for tag, regex in resolvers if tag == _TIMESTAMP)


def strict_loader(base: type) -> type:
    """``base`` (a PyYAML loader) without the surprising YAML 1.1 booleans and octal/sexagesimal
    integers, and without timestamps."""
    loader = type("StrictLoader", (base,), {"__doc__": strict_loader.__doc__})
    loader.yaml_implicit_resolvers = {
        first: [(tag, regex) for tag, regex in resolvers
                if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", _TIMESTAMP)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    return loader


_StrictLoader = strict_loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
"""libyaml's parser, in C, when PyYAML was built with it (a large plan parses several times
faster); PyYAML's own otherwise. Both give the same events, so reading is the same."""


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


MAX_BYTES = 3 * 1024 * 1024
"""A plan of a thousand tasks is about 0.2 MB; a 3 MB plan renders in about 10 s and 450 MB."""
MAX_DEPTH = 40
MAX_VALUES = 150_000

_NULL, _BOOL, _INT, _MERGE, _VALUE = ("tag:yaml.org,2002:" + name for name in ("null", "bool", "int", "merge", "value"))
_RESOLVERS = _StrictLoader.yaml_implicit_resolvers
_MARK, _KEY, _DATE, _DUPLICATE = range(4)
"""Steps of recording: a value's line (kept if its path has one: a key's line comes first), a
key's line, an impossible date, a duplicate key."""
_MERGED = object()
"""The key ``<<``: its value's fields go into the mapping that holds it."""
_NO_KEY = object()


class _Collection:
    """A mapping or sequence being read."""

    __slots__ = ("data", "path", "mapping", "merging", "key", "raw_key", "seen", "anchor", "mark", "values",
                 "height", "recorded")

    def __init__(self, data: dict | list, path: FieldPath, merging: bool, anchor: str | None, mark,
                 recorded: int) -> None:
        self.data, self.path, self.anchor, self.mark, self.recorded = data, path, anchor, mark, recorded
        self.mapping = isinstance(data, dict)
        self.merging = merging
        """A list after ``<<:``: its mappings' fields are located in the mapping that holds it."""
        self.key: Any = _NO_KEY
        self.raw_key: str | None = None
        self.seen: set = set()
        self.values, self.height = 1, 0
        """Values of this collection and its content, and its deepest content, aliases expanded."""


@dataclass
class _Anchor:
    """What ``&name`` named: the value, its size, and its recording steps relative to itself."""

    data: Any
    raw: str | None
    """The text of a named scalar (its alias can be a key)."""
    position: tuple[int, int]
    mark: Any
    values: int = 1
    height: int = 0
    steps: list | None = None
    """None while the named block is still being read."""


class _Reader:
    """One pass over the parser's events (libyaml's, in C, when installed): builds the data,
    records the line of every key and value, duplicate keys and impossible dates, and enforces the
    limits as it goes, before anything is built past them: explicit tags, nesting and number of
    values as written and with every alias expanded, and an alias inside the block it names.

    While a named (``&``) block is read, what is recorded in it is kept as steps, replayed under
    each of its aliases, so the alias reads as if the block were written out there.
    """

    def __init__(self, text: str, file: str) -> None:
        self.loader = _StrictLoader(text)
        self.file = file
        self.source = YamlSource(file, None)
        self.written = self.expanded = 0
        self.anchors: dict[str, _Anchor] = {}
        self.steps: list = []
        self.recording = 0
        """Named blocks open: while there is one, every recording step is kept in ``steps``."""

    def read(self) -> YamlSource:
        get_event = self.loader.get_event
        try:
            get_event()  # stream start
            start = get_event()
            if isinstance(start, yaml.StreamEndEvent):
                return self.source
            self.source.data = self.document(get_event())
            get_event()  # document end
            after = get_event()
            if not isinstance(after, yaml.StreamEndEvent):
                raise yaml.composer.ComposerError("expected a single document in the stream", start.start_mark,
                                                  "but found another document", after.start_mark)
        finally:
            self.loader.dispose()
        return self.source

    def where(self, mark) -> SourceLocation:
        return SourceLocation(self.file, mark.line + 1, mark.column + 1)

    def step(self, kind: int, path: FieldPath, payload: Any) -> None:
        if kind == _MARK:
            self.source.marks.setdefault(path, payload)
        elif kind == _KEY:
            self.source.marks[path] = payload
        elif kind == _DATE:
            self.source.impossible_dates.append((path, payload))
        else:
            self.source.duplicate_keys.append(path)
        if self.recording:
            self.steps.append((kind, path, payload))

    def count(self, written: int, expanded: int, mark) -> None:
        self.written += written
        self.expanded += expanded
        if self.expanded <= MAX_VALUES:  # never less than written
            return
        if self.written > MAX_VALUES:
            raise DataFileError(f"Tệp dữ liệu có quá nhiều giá trị (hơn {MAX_VALUES:,}); hãy chia "
                                "thành nhiều tệp".replace(",", "."), self.where(mark))
        if self.expanded > MAX_VALUES:
            raise self.alias_refused(mark, f"làm dữ liệu nở ra quá {MAX_VALUES:,} giá trị".replace(",", "."))

    def alias_refused(self, mark, why: str) -> DataFileError:
        return DataFileError(f"Bí danh YAML ('*tên') {why}; hãy chép nội dung cần lặp lại vào từng chỗ",
                             self.where(mark))

    def document(self, event) -> Any:
        """The document's value; ``event`` is its first event."""
        get_event = self.loader.get_event
        marks = self.source.marks
        stack: list[_Collection] = []
        while True:
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                if done.anchor is not None:
                    self.named(done)
                if not stack:
                    return done.data
                self.place(stack[-1], done.data, done.values, done.height + 1, done.mark)
                event = get_event()
                continue
            if kind is not yaml.AliasEvent and event.tag is not None:
                raise DataFileError(
                    f"Tệp dữ liệu không dùng thẻ kiểu YAML ('{event.tag}'); hãy viết giá trị bình thường, "
                    "đoạn văn đặt trong dấu ngoặc kép", self.where(event.start_mark))
            parent = stack[-1] if stack else None
            if parent is None:
                path: FieldPath = ()
            elif not parent.mapping:
                path = parent.path if parent.merging else parent.path + (len(parent.data),)
            elif parent.key is _NO_KEY:
                self.key(parent, event)
                event = get_event()
                continue
            elif parent.key is _MERGED:
                path = parent.path
            else:
                path = parent.path + (parent.raw_key,)
            mark = event.start_mark
            position = (mark.line + 1, mark.column + 1)
            if kind is yaml.ScalarEvent:
                self.count(1, 1, mark)
                text = event.value
                value = text if event.style or text[:1] not in _RESOLVERS else self.scalar(event, key=False)
                if self.recording:
                    self.step(_MARK, path, position)
                else:
                    marks.setdefault(path, position)
                impossible = None
                if not event.style and text[4:5] == "-" and _TIMESTAMP_PATTERN.match(text):
                    try:
                        parse_iso_date(text)
                    except ImpossibleDate as exc:
                        impossible = str(exc)
                        self.step(_DATE, path, impossible)
                if event.anchor is not None:
                    self.new_anchor(event.anchor, _Anchor(value, text, position, mark, steps=[(_MARK, (), position)] + (
                        [(_DATE, (), impossible)] if impossible else [])))
                if parent is None:
                    return value
                self.place(parent, value, 1, 0, mark)
            elif kind is yaml.AliasEvent:
                anchor = self.alias(event, len(stack))
                for step, relative, payload in anchor.steps:
                    self.step(step, path + relative, payload)
                if parent is None:
                    return _unshared(anchor.data)
                self.place(parent, _unshared(anchor.data), anchor.values, anchor.height, mark)
            else:  # a mapping or a sequence starts
                self.count(1, 1, mark)
                if len(stack) >= MAX_DEPTH:
                    raise DataFileError(f"Tệp dữ liệu lồng nhau quá {MAX_DEPTH} cấp; hãy kiểm tra thụt lề "
                                        "và các dấu ngoặc [ ] { }", self.where(mark))
                data: dict | list = {} if kind is yaml.MappingStartEvent else []
                if event.anchor is not None:
                    self.new_anchor(event.anchor, _Anchor(data, None, position, mark))
                    self.recording += 1
                merging = parent is not None and parent.mapping and parent.key is _MERGED
                collection = _Collection(data, path, merging, event.anchor, mark, len(self.steps))
                if self.recording:
                    self.step(_MARK, path, position)
                else:
                    marks.setdefault(path, position)
                stack.append(collection)
            event = get_event()

    def key(self, mapping: _Collection, event) -> None:
        """``event`` is the next key of ``mapping``: a scalar or an alias of one."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self.count(1, 1, event.start_mark)
            key, raw = self.scalar(event, key=True), event.value
            position = (event.start_mark.line + 1, event.start_mark.column + 1)
        elif kind is yaml.AliasEvent and (anchor := self.alias(event, 0)).raw is not None:
            key, raw, position = anchor.data, anchor.raw, anchor.position
        else:
            raise yaml.constructor.ConstructorError("while constructing a mapping", mapping.mark,
                                                    "found unhashable key", event.start_mark)
        mapping.key, mapping.raw_key = key, raw
        mapping.values += 1
        if key is _MERGED:
            return
        child = mapping.path + (raw,)
        if raw in mapping.seen:
            self.step(_DUPLICATE, child, None)
        mapping.seen.add(raw)
        if self.recording:
            self.step(_KEY, child, position)
        else:
            self.source.marks[child] = position

    def place(self, parent: _Collection, value: Any, values: int, height: int, mark) -> None:
        """Put a finished value into ``parent``, which grows by its ``values`` and ``height``."""
        if not parent.mapping:
            parent.data.append(value)
        elif parent.key is _MERGED:
            self.merge(parent, value, mark)
            parent.key = _NO_KEY
        else:
            parent.data[parent.key] = value
            parent.key = _NO_KEY
        parent.values += values
        if height > parent.height:
            parent.height = height

    def merge(self, mapping: _Collection, value: Any, mark) -> None:
        """``<<: *a`` or ``<<: [*a, *b]``: the fields of the named mappings join ``mapping`` (as
        PyYAML merges them: a field given twice is a duplicate key)."""
        sources = value if isinstance(value, list) else [value]
        if not isinstance(value, (dict, list)) or not all(isinstance(item, dict) for item in sources):
            raise yaml.constructor.ConstructorError("while constructing a mapping", mapping.mark,
                                                    "expected a mapping or list of mappings for merging", mark)
        for source in reversed(sources):
            for key, item in source.items():
                if key in mapping.seen or key in mapping.data:
                    self.step(_DUPLICATE, mapping.path + (key,), None)
                mapping.seen.add(key)
                mapping.data.setdefault(key, item)

    def scalar(self, event, key: bool) -> Any:
        """The value of a scalar, by the strict resolver: plain text that reads as null, true/false,
        a decimal integer or a float is one; anything quoted is text."""
        text = event.value
        if event.style or not event.implicit[0]:
            return text
        for tag, pattern in _RESOLVERS.get(text[:1], ()):
            if pattern.match(text):
                break
        else:
            return text
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return text.lower() == "true"
        if tag == _INT:
            return int(text)
        if key and tag == _MERGE:
            return _MERGED
        if key and tag == _VALUE:
            return text
        return self.loader.construct_object(yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style),
                                            deep=True)

    def new_anchor(self, name: str, anchor: _Anchor) -> None:
        if name in self.anchors:
            raise yaml.composer.ComposerError("found duplicate anchor; first occurrence", self.anchors[name].mark,
                                              "second occurrence", anchor.mark)
        self.anchors[name] = anchor

    def named(self, done: _Collection) -> None:
        """A named block ends: its size and its steps are kept for its aliases."""
        anchor = self.anchors[done.anchor]
        anchor.values, anchor.height = done.values, done.height + 1
        cut = len(done.path)
        anchor.steps = [(step, path[cut:], payload) for step, path, payload in self.steps[done.recorded:]]
        self.recording -= 1
        if not self.recording:
            self.steps.clear()

    def alias(self, event, depth: int) -> _Anchor:
        """The block ``*name`` stands for, counted where it is used."""
        anchor = self.anchors.get(event.anchor)
        if anchor is None:
            raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
        if anchor.steps is None:
            raise self.alias_refused(event.start_mark, "trỏ vào chính khối chứa nó, tạo thành vòng lặp vô tận")
        if depth + anchor.height > MAX_DEPTH:
            raise self.alias_refused(event.start_mark, f"làm dữ liệu lồng nhau quá {MAX_DEPTH} cấp")
        self.count(0, anchor.values, event.start_mark)
        return anchor


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
        return _Reader(text, file).read()
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


_INDENTATION = ("thụt lề không đều: các trường cùng cấp phải thẳng cột, thụt vào bằng dấu cách (không dùng Tab); "
                "nếu đoạn văn có dấu hai chấm hay dấu ngoặc thì đặt cả đoạn trong dấu ngoặc kép")

_YAML_PROBLEMS = (
    ("mapping values are not allowed", "có dấu hai chấm kèm dấu cách (': ') giữa đoạn văn; hãy đặt cả đoạn trong "
                                       "dấu ngoặc kép, ví dụ trich_yeu: \"Kế hoạch: tuyên truyền\""),
    ("tab character", "dòng thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("found character '\\t'", "dòng thụt lề bằng phím Tab; YAML chỉ cho thụt lề bằng dấu cách"),
    ("expected ',' or ']'", "dấu ngoặc vuông '[' chưa được đóng bằng ']' (hoặc thiếu dấu phẩy giữa "
                            "các mục); mục nào có dấu phẩy thì đặt trong ngoặc kép"),
    ("expected ',' or '}'", "dấu ngoặc nhọn '{' chưa được đóng bằng '}' (hoặc thiếu dấu phẩy giữa "
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
