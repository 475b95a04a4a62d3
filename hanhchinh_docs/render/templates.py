"""Finding a template: the one shipped in the package, or a file the user passes.

A user's template is read like any input (a regular file, bounded in size), must be a sound
.docx package (``docx_reading.opening.diagnose``: no zip bomb, no encrypted part), and its tags
must be closed and short: docxtpl's clean-up scans from every ``{%``/``{{``/``{#`` to its closing
mark, so a few thousand unclosed tags would take hours before Jinja even sees the template.
"""

from __future__ import annotations

import bisect
import io
import re
import zipfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from hanhchinh_docs.docx_reading.opening import Unreadable, diagnose
from hanhchinh_docs.errors import SourceLocation, TemplateError
from hanhchinh_docs.model.input_files import read_input_file

MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
"""A template is a styled page with a few tags; a large logo still fits."""

MAX_TEMPLATE_XML_BYTES = 20 * 1024 * 1024
"""Inflated XML parts of a template, in total."""

MAX_TAG_SPAN = 10_000_000
"""Characters docxtpl scans between every opening mark and its closing mark, in total."""

_OPENINGS = re.compile(rb"\{[{%#]")
_CLOSING = {b"{{": b"}}", b"{%": b"%}", b"{#": b"#}"}
_READABLE_PART = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml")


def template_bytes(kind: str, user_template: str | Path | None = None) -> tuple[bytes, str]:
    """The template's bytes and a name for messages; a user template must be a readable .docx."""
    if user_template is None:
        return _shipped(kind), f"{kind}.docx"
    name = str(user_template)
    where = SourceLocation(name)
    data = read_input_file(user_template, MAX_TEMPLATE_BYTES, "tệp mẫu", TemplateError)
    problem = diagnose(data)
    if problem is not None:
        reason, part = problem
        if reason in (Unreadable.BROKEN_PART, Unreadable.TOO_LARGE, Unreadable.TOO_MANY_PARTS):
            raise TemplateError(f"Tệp mẫu '{name}' bị hỏng hoặc quá lớn (phần '{part}' bên trong); hãy mở mẫu "
                                "bằng Word rồi lưu lại", where)
        raise TemplateError(
            f"Tệp mẫu '{name}' không phải tệp Word .docx (hãy lưu mẫu bằng Word với định dạng .docx)", where)
    _check_tags(data, name)
    return data, name


@lru_cache(maxsize=None)
def _shipped(kind: str) -> bytes:
    """A template shipped in the package, read once per process (a batch uses it for every document)."""
    return resources.files("hanhchinh_docs.templates").joinpath(f"{kind}.docx").read_bytes()


def _check_tags(data: bytes, name: str) -> None:
    """Every tag in the parts docxtpl renders is closed, and all of them are short enough."""
    where = SourceLocation(name)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [member for member in archive.infolist() if _READABLE_PART.fullmatch(member.filename)]
        if sum(member.file_size for member in parts) > MAX_TEMPLATE_XML_BYTES:
            raise TemplateError(f"Tệp mẫu '{name}' quá lớn so với một mẫu văn bản; hãy dùng mẫu có sẵn rồi sửa "
                                "kiểu chữ", where)
        texts = {member.filename: archive.read(member) for member in parts}
    span = 0
    for part, xml in texts.items():
        closings = {opening: [m.start() for m in re.finditer(re.escape(closing), xml)]
                    for opening, closing in _CLOSING.items()}
        for found in _OPENINGS.finditer(xml):
            ends = closings[found[0]]
            after = bisect.bisect_left(ends, found.end())
            if after == len(ends):
                opening = found[0].decode()
                raise TemplateError(
                    f"Mẫu '{name}' có thẻ mở '{opening}' không có '{_CLOSING[found[0]].decode()}' đóng "
                    f"(trong phần '{part}'); hãy sửa thẻ trong Word", where)
            span += ends[after] - found.start()
            if span > MAX_TAG_SPAN:
                raise TemplateError(f"Mẫu '{name}' có quá nhiều thẻ {{{{ }}}} / {{% %}} hoặc thẻ quá dài; hãy "
                                    "dùng mẫu có sẵn rồi sửa kiểu chữ", where)
