"""The contract dict -> YAML text a clerk can read and edit, like ``examples/*.yaml``.

ruamel.yaml's round-trip dumper keeps the keys in contract order, block style, Vietnamese letters
as they are and long paragraphs on one line. Every free text is double-quoted, as in the example:
a paragraph may start with "- " or hold ": ", and the loader (PyYAML, YAML 1.1) must read back
exactly the text that was written.
"""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

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


def _commented(value, key: str | None = None):
    if isinstance(value, dict):
        out = CommentedMap()
        for child_key, child in value.items():
            out[child_key] = _commented(child, child_key)
        return out
    if isinstance(value, list):
        return CommentedSeq(_commented(item, key) for item in value)
    if isinstance(value, str) and key not in _PLAIN_KEYS:
        return DoubleQuotedScalarString(value)
    return value


class _Representer(RoundTripRepresenter):
    """Writes "null" where ruamel writes nothing (``so: null``, as in the example), without changing
    ruamel's shared representer that other modules use."""

    def represent_none(self, data):
        return self.represent_scalar("tag:yaml.org,2002:null", "null")


_Representer.add_representer(type(None), _Representer.represent_none)


def plan_yaml(data: dict, notes: list[str]) -> str:
    """``data`` as YAML, with ``notes`` as comment lines at the top (then a blank line).

    ``import`` writes the same data twice (once to check it, once with its notes): the body is
    dumped once and kept, since ruamel's dump is most of the time an import takes.
    """
    body = _body(data)
    if not notes:
        return body
    text = "\n".join(notes)
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")  # as ruamel writes a start comment
    comments = "".join(f"# {line}\n" if line.strip() and not line.strip().startswith("#") else f"{line}\n"
                       for line in lines)
    return comments + "\n" + body


_last_body: tuple[str, str] | None = None


def _body(data: dict) -> str:
    global _last_body
    key = repr(data)
    if _last_body is not None and _last_body[0] == key:
        return _last_body[1]
    yaml = YAML()
    yaml.width = 1 << 16  # never fold a paragraph over several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.Representer = _Representer
    document = _commented(data)
    first = next(iter(document))
    for key_name in (k for k in _SPACED_KEYS if k in document and k != first):
        document.yaml_set_comment_before_after_key(
            key_name, before="\n" + _UNPLACED_NOTE if key_name == "chua_xu_ly" else "\n")
    for key_name, note in _KEY_NOTES.items():
        if key_name in document:
            document.yaml_add_eol_comment(note, key_name, column=20)
    stream = io.StringIO()
    yaml.dump(document, stream)
    _last_body = (key, stream.getvalue())
    return _last_body[1]
