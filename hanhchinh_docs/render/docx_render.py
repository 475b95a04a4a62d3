"""The only module that imports docxtpl: renders a template with a safe Jinja environment.

Autoescape is on (without it docxtpl silently destroys text with ``&`` or ``<``), undefined
names are errors, and the sandbox stops templates from reaching Python internals.
"""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from hanhchinh_docs.errors import SourceLocation, TemplateError


@lru_cache(maxsize=1)
def template_environment() -> SandboxedEnvironment:
    """One long-lived environment (docxtpl compiles against it on every render)."""
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


def render_template(template: bytes, template_name: str, context: dict[str, Any]):
    """Render and return the python-docx ``Document`` (post-processing happens on it)."""
    try:
        doc = DocxTemplate(io.BytesIO(template))
        doc.render(context, jinja_env=template_environment())
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"Mẫu '{template_name}' dùng một tên không có trong dữ liệu: {exc.message}. "
            "Hãy sửa chỗ {{ }} trong mẫu cho đúng tên trường", SourceLocation(template_name)) from exc
    except jinja2.TemplateSyntaxError as exc:
        nearby = " / ".join(t for t in getattr(exc, "docx_context", [])[:3] if t)
        raise TemplateError(
            f"Mẫu '{template_name}' có thẻ {{% %}} hoặc {{{{ }}}} viết sai: {exc.message}"
            + (f" (gần đoạn: {nearby})" if nearby else ""), SourceLocation(template_name)) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"Không điền được dữ liệu vào mẫu '{template_name}': {exc}",
                            SourceLocation(template_name)) from exc
    except (KeyError, ValueError) as exc:
        raise TemplateError(
            f"Tệp mẫu '{template_name}' không phải văn bản Word hợp lệ ({exc})", SourceLocation(template_name)
        ) from exc
    return doc.docx
