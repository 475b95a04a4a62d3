"""Text typed by users (YAML data, progress sheets): which characters it may hold, and the one
substitution of ``{{ nam }}``.

Data text is never a template. ``{{ nam }}`` (also ``{{nam}}``, with any spaces inside the
braces) is replaced by plain substitution; text between ``{% raw %}`` and ``{% endraw %}`` is
kept exactly as written (import writes it for documents that really print braces); anything else
that looks like a template tag (``{{ … }}``, ``{% … %}``, ``{# … #}``) is refused, so nothing a
user typed is ever computed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from hanhchinh_docs.errors import TextError

VARIABLES_HINT = "{{ nam }}"
"""The variables a text may use, as written in messages."""

_TOKEN = re.compile(
    r"\{%-?\s*raw\s*-?%\}(?P<raw>.*?)\{%-?\s*endraw\s*-?%\}"
    r"|\{\{\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\}\}"
    r"|\{\{|\{%|\{#",
    re.DOTALL,
)
_CLOSING = {"{{": "}}", "{%": "%}", "{#": "#}"}
_SNIPPET = 40


_UNUSABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)) + "]")
"""Control characters (category Cc) but tab and line breaks, surrogates (Cs), the noncharacters
U+FDD0-U+FDEF and U+xFFFE/U+xFFFF of every plane: one scan in C, not a Python loop per character."""


def unusable_character(text: str) -> str | None:
    """The first character a Word document cannot hold or that is never typed on purpose.

    Control characters other than tab and line breaks, lone surrogates and the noncharacters
    U+FFFE/U+FFFF (and their kin in every plane) are not allowed in XML or break the document.
    """
    if text.isprintable():  # none of them (all are unprintable): most texts, at a tenth of the search's cost
        return None
    found = _UNUSABLE.search(text)
    return found[0] if found else None


def without_unusable(text: str) -> str:
    """``text`` with the characters of ``unusable_character`` dropped: for sheet cells, where Excel
    keeps stray control characters that nobody can see or type."""
    return _UNUSABLE.sub("", text)


def character_message(char: str) -> str:
    return (f"Văn bản chứa ký tự điều khiển hoặc ký tự không in được (mã U+{ord(char):04X}). "
            "Hãy gõ lại đoạn này hoặc dán dưới dạng văn bản thuần (không định dạng)")


def prepare_text(text: str, variables: Mapping[str, object] | None) -> str:
    """The text as it will be printed: checked, NFC, ``\\n`` line breaks, variables substituted.

    ``variables`` None means their values are not known (the year itself is wrong): variables are
    then left as written, but every other tag is still refused. Raises ``TextError``.
    """
    bad = unusable_character(text)
    if bad is not None:
        raise TextError(character_message(bad))
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if "{" not in text:
        return text
    pieces: list[str] = []
    position = 0
    for match in _TOKEN.finditer(text):
        pieces.append(text[position:match.start()])
        position = match.end()
        if match["raw"] is not None:
            pieces.append(match["raw"])
        elif match["name"] is not None:
            pieces.append(_variable(match, variables))
        else:
            raise TextError(_tag_message(text, match.start(), match[0]))
    pieces.append(text[position:])
    return "".join(pieces)


def _variable(match: re.Match[str], variables: Mapping[str, object] | None) -> str:
    name = match["name"]
    if variables is None:
        return match[0]
    if name not in variables:
        known = ", ".join("{{ %s }}" % key for key in variables) or "(không có)"
        raise TextError(f"Không có biến '{name}' để thay vào {{{{ }}}}. Các biến dùng được: {known}")
    return str(variables[name])


def _tag_message(text: str, start: int, opening: str) -> str:
    closing = text.find(_CLOSING[opening], start + 2)
    if closing < 0:
        return (f"Cú pháp {opening} {_CLOSING[opening]} không đúng: thiếu '{_CLOSING[opening]}' để đóng. "
                f"Biến viết dạng {VARIABLES_HINT}")
    tag = text[start:closing + 2]
    if len(tag) > _SNIPPET:
        tag = tag[:_SNIPPET] + "…"
    return (f"Đoạn “{tag}” không được phép trong văn bản: chỉ thay được biến {VARIABLES_HINT}, công cụ "
            "không tính biểu thức hay chạy lệnh mẫu. Muốn in nguyên văn các dấu ngoặc thì đặt đoạn đó "
            "giữa {% raw %} và {% endraw %}")
