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
    """``data`` as YAML, with ``notes`` as comment lines at the top."""
    yaml = YAML()
    yaml.width = 1 << 16  # never fold a paragraph over several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.Representer = _Representer
    document = _commented(data)
    first = next(iter(document))
    spaced = [key for key in _SPACED_KEYS if key in document and key != first]
    if notes:
        document.yaml_set_start_comment("\n".join(notes))
        spaced.insert(0, first)  # a blank line between the notes and the data
    for key in spaced:
        document.yaml_set_comment_before_after_key(key, before="\n" + _UNPLACED_NOTE if key == "chua_xu_ly" else "\n")
    for key, note in _KEY_NOTES.items():
        if key in document:
            document.yaml_add_eol_comment(note, key, column=20)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return stream.getvalue()
