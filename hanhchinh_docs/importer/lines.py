"""Reading the text of one line the way a clerk typed it: item labels, dashes, separator lines.

These undo what ``render.context`` and ``conventions.text`` write: the labels "I." "1." "a)"
(``conventions.numbering``), the closing "./." (``conventions.text.END_MARK``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from hanhchinh_docs.conventions.numbering import POINT_LETTERS
from hanhchinh_docs.conventions.text import END_MARK

LEVEL_OF_KIND = {"roman": 1, "digit": 2, "letter": 3}
"""ND30 numbers mục with Roman numerals, khoản with digits, điểm with letters."""

_LABEL = re.compile(
    rf"^(?:(?P<roman>[IVXL]+)\.|(?P<digit>\d{{1,2}})[.)]|(?P<letter>[{POINT_LETTERS}])\))\s*(?P<rest>\S.*)$")
_MARKER = re.compile(r"^[-–—+•*]")
_SENTENCE_END = re.compile(r"[.;:!?…]$")
_RULE_TEXT = re.compile(r"^[-_–—=.…*~ ]{3,}$")
_END_MARK = re.compile(r"\s*\.\s*/\s*\.\s*$")


@dataclass(frozen=True)
class Label:
    kind: str   # "roman" | "digit" | "letter"
    text: str   # "II.", "3.", "b)"
    rest: str   # what follows the label

    @property
    def level(self) -> int:
        return LEVEL_OF_KIND[self.kind]


def parse_label(text: str) -> Label | None:
    """ "II. NỘI DUNG" -> Label("roman", "II.", "NỘI DUNG"); a plain sentence -> None.

    A label needs a space after it or letters straight after ("1.Mục đích"), so "1.000 hồ sơ"
    and "2021-2030" are not labels.
    """
    match = _LABEL.match(text)
    if match is None:
        return None
    kind = next(k for k in LEVEL_OF_KIND if match[k])
    label = text[: match.start("rest")].strip()
    if kind == "digit" and label == text[: match.start("rest")] and match["rest"][0].isdigit():
        return None  # "1.000 hồ sơ", not "1. 100% hồ sơ"
    return Label(kind, label, match["rest"].strip())


def starts_item(text: str) -> bool:
    """A numbered item or a dash/plus item starts on this line."""
    return bool(_MARKER.match(text)) or parse_label(text) is not None


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_rule_text(text: str) -> bool:
    """A short line typed as characters ("__________", "-----")."""
    return bool(_RULE_TEXT.match(text))


def logical_lines(lines: Iterable[str]) -> list[str]:
    """Lines of one paragraph (split by manual line breaks) -> the paragraphs they stand for.

    A line starts a new paragraph when it starts an item or the previous one ends a sentence;
    otherwise it continues the previous one (a break typed in the middle of a sentence).
    """
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not starts_item(line) and not ends_sentence(out[-1]):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def has_end_mark(text: str) -> bool:
    return bool(_END_MARK.search(text))


def without_end_mark(text: str, sentence: bool) -> str:
    """ "... thực hiện./." -> "... thực hiện." (a sentence) or "... THỰC HIỆN" (a heading).

    The renderer adds ``END_MARK`` to the last paragraph (``conventions.text.with_end_mark``) and
    drops the full stop it replaces, so the stop is put back on a sentence.
    """
    bare = _END_MARK.sub("", text).rstrip()
    if sentence and bare and not ends_sentence(bare):
        bare += END_MARK[0]
    return bare


def excerpt(text: str, limit: int = 60) -> str:
    """The start of a text, to quote in a message so the user can find it with Ctrl+F."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
