"""The contract dict -> YAML text a clerk can read and edit, like ``examples/*.yaml``.

Keys in contract order, block style, two-space mappings and "- " items indented by two,
Vietnamese letters as they are and long paragraphs on one line. Every free text is double-quoted,
as in the examples: a paragraph may start with "- " or hold ": ", and the loader (PyYAML, YAML 1.1)
must read back exactly the text that was written. The few shapes the contract has are written
directly: a general YAML library's emitter was most of the time an import of a long plan took.
"""

from __future__ import annotations

import datetime
import re

import yaml

_PLAIN_KEYS = {"loai", "ma", "ngay"}
"""Values that are codes, never free text: written without quotes."""

_SPACED_KEYS = ("co_quan", "trich_yeu", "mo_dau", "noi_dung", "nguoi_ky", "phu_luc", "chua_xu_ly")
"""Top-level keys preceded by a blank line, to split the file into the document's parts."""

_KEY_NOTES = {
    "nam": "năm của kế hoạch; thay vào mọi chỗ ghi {{ nam }}",
    "so": "số văn bản: để trống (null) khi chưa cấp số",
}
_UNPLACED_NOTE = ("Các đoạn lệnh import chưa xếp được vào kế hoạch (không được in ra): hãy chuyển\n"
                  "vào đúng chỗ trong 'noi_dung' hoặc 'phu_luc', rồi xóa khỏi đây.")


_ESCAPES = {"\0": "0", "\x07": "a", "\x08": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
            "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\u2028": "L", "\u2029": "P"}
_ESCAPED = re.compile('["\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]')
"""What YAML cannot show as is inside double quotes: the quote, the backslash, control characters,
line and paragraph separators, the byte-order mark, surrogates and non-characters."""

_COMMENT_COLUMN = 20


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return "\\" + _ESCAPES[char]
    return f"\\x{ord(char):02X}" if char <= "\xff" else f"\\u{ord(char):04X}"


def _quoted(text: str) -> str:
    return '"' + _ESCAPED.sub(_escape, text) + '"'


_RESOLVER = yaml.resolver.Resolver()


def _scalar(value, key: str | None) -> str:
    if isinstance(value, str):
        plain = key in _PLAIN_KEYS and _CODE.fullmatch(value) is not None \
            and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"
        return value if plain else _quoted(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, datetime.date)) and not isinstance(value, datetime.datetime):
        return str(value) if not isinstance(value, int) else str(int(value))
    raise TypeError(f"no YAML form for {type(value).__name__} in the plan contract")


_CODE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./-]*")
"""A code written plain ("ke_hoach", "NV01", "2024-05"); anything else is quoted."""


def _flow(value, key: str | None) -> str:
    """A value written on its key's or item's line: a scalar, or an empty mapping or list."""
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value, key)


def _entry(key: str, value, indent: int, out: list[str], prefix: str) -> None:
    """``key: value`` at ``indent``; ``prefix`` precedes the key on its line (spaces, or a list item's "- ")."""
    head = f"{prefix}{key}:"
    if isinstance(value, dict) and value:
        out.append(head)
        _mapping(value, indent + 2, out, " " * (indent + 2))
    elif isinstance(value, list) and value:
        out.append(head)
        _sequence(value, key, indent + 2, out, " " * (indent + 2) + "- ")
    else:
        out.append(f"{head} {_flow(value, key)}")


def _mapping(value: dict, indent: int, out: list[str], first: str) -> None:
    for index, (key, child) in enumerate(value.items()):
        _entry(key, child, indent, out, first if index == 0 else " " * indent)


def _sequence(items: list, key: str | None, indent: int, out: list[str], first: str) -> None:
    """Items as "- " at ``indent``, their content at ``indent + 2``; the first item goes after ``first``."""
    for index, item in enumerate(items):
        dash = first if index == 0 else " " * indent + "- "
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, out, dash)
        elif isinstance(item, list) and item:   # a table row: "-   - " with its cells under the inner dash
            _sequence(item, key, indent + 4, out, dash + "  - ")
        else:
            out.append(dash + _flow(item, key))


def read_back(value):
    """What the plan loader reads back from ``plan_yaml`` of ``value``: a copy, with dates as their text
    (the loader keeps dates as written, for the model to check)."""
    if isinstance(value, dict):
        return {key: read_back(child) for key, child in value.items()}
    if isinstance(value, list):
        return [read_back(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def plan_yaml(data: dict, notes: list[str]) -> str:
    """``data`` as YAML, with ``notes`` as comment lines at the top (then a blank line)."""
    body = _body(data)
    if not notes:
        return body
    text = "\n".join(notes)
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")
    comments = "".join(f"# {line}\n" if line.strip() and not line.strip().startswith("#") else f"{line}\n"
                       for line in lines)
    return comments + "\n" + body


def _body(data: dict) -> str:
    out: list[str] = []
    for index, (key, value) in enumerate(data.items()):
        if index and key in _SPACED_KEYS:
            out.append("")
            if key == "chua_xu_ly":
                out.extend(f"# {line}" for line in _UNPLACED_NOTE.split("\n"))
        start = len(out)
        _entry(key, value, 0, out, "")
        if key in _KEY_NOTES:
            out[start] = f"{out[start]:<{_COMMENT_COLUMN - 1}} # {_KEY_NOTES[key]}"
    return "\n".join(out) + "\n"
