"""Finding a template: the one shipped in the package, or a file the user passes."""

from __future__ import annotations

import zipfile
from importlib import resources
from pathlib import Path

from hanhchinh_docs.errors import SourceLocation, TemplateError


def template_bytes(kind: str, user_template: str | Path | None = None) -> tuple[bytes, str]:
    """The template's bytes and a name for messages; a user template must be a readable .docx."""
    if user_template is None:
        resource = resources.files("hanhchinh_docs.templates").joinpath(f"{kind}.docx")
        return resource.read_bytes(), f"{kind}.docx"
    path = Path(user_template)
    name = str(path)
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy tệp mẫu '{name}'", SourceLocation(name))
    data = path.read_bytes()
    if not zipfile.is_zipfile(path):
        raise TemplateError(
            f"Tệp mẫu '{name}' không phải tệp Word .docx (hãy lưu mẫu bằng Word với định dạng .docx)",
            SourceLocation(name))
    return data, name
