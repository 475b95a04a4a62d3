"""The only module that imports docxtpl: renders a template with a safe, bounded Jinja environment.

Data never reaches Jinja as template source: it arrives in the context, already substituted by
``model.user_text``, and autoescape is on (without it docxtpl also silently destroys text with
``&`` or ``<``). The template itself may come from the user (``--template``), so it may use only
a small, documented part of Jinja: ``{{ ten.truong }}``, ``{% if %}``/``{% elif %}``/``{% else %}``,
``{% for x in danh_sach %}`` over the data, comparisons and a few text filters. Calls (``range``,
macros), arithmetic that can grow without bound (``*``, ``**``, ``/``, ``%``), ``include``/
``import``/``extends``, ``set`` and ``autoescape`` are refused with a message before anything
runs; loops and output are bounded, so a hostile template cannot hang or exhaust memory.
"""

from __future__ import annotations

import contextvars
import hashlib
import io
import re
import struct
import threading
import time
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.pkgwriter import _ContentTypesItem
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree
from markupsafe import Markup, escape

from hanhchinh_docs.docx_reading.opening import READ_ERRORS
from hanhchinh_docs.errors import SourceLocation, TemplateError
from hanhchinh_docs.render.edited_templates import undo_editor_changes

MAX_LOOP_STEPS = 1_000_000
"""Loop iterations in one document; a real plan needs a few thousand."""

MAX_OUTPUT_CHARS = 100_000_000
"""Characters one template part may produce (a very large plan's document.xml is ~20 million)."""

_ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name, nodes.Getattr,
    nodes.Getitem, nodes.Slice, nodes.For, nodes.If, nodes.CondExpr, nodes.Not, nodes.Neg, nodes.Pos,
    nodes.And, nodes.Or, nodes.Compare, nodes.Operand, nodes.Test, nodes.Filter, nodes.Tuple, nodes.List,
    nodes.Add, nodes.Sub, nodes.Concat, nodes.Keyword,
)
_ALLOWED_FILTERS = frozenset({
    "upper", "lower", "title", "capitalize", "trim", "length", "count", "first", "last", "default", "d",
    "e", "escape", "string",
})
_ALLOWED_TESTS = frozenset({
    "defined", "undefined", "none", "number", "string", "sequence", "mapping", "iterable", "even", "odd",
    "true", "false", "boolean", "eq", "ne", "lt", "le", "gt", "ge", "in", "sameas",
    "==", "!=", "<", "<=", ">", ">=",
})
_BOUNDED = "_hanhchinh_bounded"

_NODE_WORDS = {
    nodes.Call: "gọi hàm hoặc macro (ví dụ range(...))", nodes.Include: "{% include %}",
    nodes.Import: "{% import %}", nodes.FromImport: "{% from ... import %}", nodes.Extends: "{% extends %}",
    nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}", nodes.Mul: "phép nhân *", nodes.Pow: "phép lũy thừa **",
    nodes.Div: "phép chia /", nodes.FloorDiv: "phép chia //", nodes.Mod: "phép chia lấy dư %",
    nodes.ScopedEvalContextModifier: "{% autoescape %}", nodes.EvalContextModifier: "{% autoescape %}",
    nodes.Block: "{% block %}", nodes.FilterBlock: "{% filter %}", nodes.Scope: "{% with %} hoặc {% autoescape %}",
}

_steps: contextvars.ContextVar[list[int]] = contextvars.ContextVar("template_loop_steps")


class TemplateRefused(jinja2.TemplateSyntaxError):
    """The template uses a part of Jinja that is not allowed; the message is Vietnamese."""


def _refuse(node: nodes.Node, what: str) -> TemplateRefused:
    return TemplateRefused(
        f"mẫu dùng {what}, không được phép trong mẫu văn bản. Mẫu chỉ dùng được {{{{ ten_truong }}}}, "
        "{% if %}, {% for x in danh_sach %}, phép so sánh và các bộ lọc "
        + ", ".join(sorted(_ALLOWED_FILTERS)), getattr(node, "lineno", None) or 1)


def _check(tree: nodes.Template) -> None:
    """Refuse every node outside the allowed part of Jinja (see the module docstring)."""
    for node in tree.find_all(nodes.Node):
        if isinstance(node, nodes.Filter) and node.name not in _ALLOWED_FILTERS:
            raise _refuse(node, f"bộ lọc '|{node.name}'")
        if isinstance(node, nodes.Test) and node.name not in _ALLOWED_TESTS:
            raise _refuse(node, f"phép thử 'is {node.name}'")
        if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            raise _refuse(node, f"thuộc tính nội bộ '.{node.attr}'")
        if isinstance(node, nodes.For) and node.recursive:
            raise _refuse(node, "vòng lặp đệ quy (recursive)")
        if not isinstance(node, _ALLOWED_NODES):
            raise _refuse(node, _NODE_WORDS.get(type(node), f"cấu trúc '{type(node).__name__}'"))


def _bounded(items: Iterable[Any]) -> Iterator[Any]:
    """What every ``for`` iterates through: counts the steps of the whole document."""
    steps = _steps.get()
    for item in items:
        steps[0] += 1
        if steps[0] > MAX_LOOP_STEPS:
            raise TemplateRefused("mẫu lặp quá nhiều lần (vòng lặp lồng nhau quá sâu?)", 1)
        yield item


def _bounded_concat(pieces: Iterable[str]) -> str:
    out: list[str] = []
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > MAX_OUTPUT_CHARS:
            raise TemplateRefused("mẫu tạo ra văn bản quá lớn (vòng lặp lồng nhau quá sâu?)", 1)
        out.append(piece)
    return "".join(out)


_CACHE_SIZE = 32
"""Compiled parts kept per process: a batch renders the same few template parts again and again."""


def _remember(cache: dict, key: str, make):
    """``cache[key]``, made by ``make()`` the first time; the cache is emptied when full."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_SIZE:
            cache.clear()
        found = cache[key] = make()
    return found


class _BoundedEnvironment(SandboxedEnvironment):
    """Sandbox + a whitelist of template constructs, checked when a template is compiled.

    ``from_string`` keeps what it compiled: docxtpl compiles every part on every render, which
    costs more than the render itself; the same source always compiles to the same template.
    """

    concat = staticmethod(_bounded_concat)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - Jinja's signature
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return _remember(self._compiled, source, lambda: super(_BoundedEnvironment, self).from_string(source))

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        _check(tree)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _BOUNDED, [], [], None, None, lineno=loop.lineno)
        return tree


@lru_cache(maxsize=1)
def template_environment() -> SandboxedEnvironment:
    """One long-lived environment (docxtpl compiles against it on every render); no loader, so
    nothing can be read from disk."""
    env = _BoundedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters[_BOUNDED] = _bounded
    return env


_patched: dict[str, str] = {}
_LISTING_CHARS = ("\n", "\t", "\a", "\f")


class _Template(DocxTemplate):
    """docxtpl with its regex pass over each part's source (``patch_xml``) done once per source."""

    def patch_xml(self, src_xml: str) -> str:
        return _remember(_patched, src_xml, lambda: super(_Template, self).patch_xml(src_xml))

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's regex pass turning tab, line and page breaks in texts into XML: a no-op, and
        skipped, when the rendered part holds none of them."""
        if not any(char in xml for char in _LISTING_CHARS):
            return xml
        return super().resolve_listing(xml)


_TAG_MARKS = re.compile(r"\{[{%#]")

_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
"""The core properties docxtpl renders as templates (its ``render_properties``)."""

_CHANGING_TYPES = (CT.WML_FOOTNOTES, CT.OPC_CORE_PROPERTIES)
"""Parts a render rewrites in place (rendered headers and footers are new parts)."""


@dataclass(frozen=True)
class _Member:
    """One zip member, already deflated: a part that did not change is compressed once per process."""

    name: bytes
    crc: int
    size: int
    data: bytes


def _deflated(name: str, blob: bytes) -> _Member:
    packer = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return _Member(name.encode("utf-8"), zlib.crc32(blob), len(blob), packer.compress(blob) + packer.flush())


def _zip(members: list[_Member]) -> bytes:
    """A zip archive of deflated members, as zipfile writes it (no zip64: a document is far below 4 GB)."""
    now = time.localtime()
    dos_time = now.tm_hour << 11 | now.tm_min << 5 | now.tm_sec // 2
    dos_date = (now.tm_year - 1980) << 9 | now.tm_mon << 5 | now.tm_mday
    out, directory = bytearray(), bytearray()
    for member in members:
        flags = 0 if member.name.isascii() else 0x800
        common = struct.pack("<4HL2L", flags, zipfile.ZIP_DEFLATED, dos_time, dos_date, member.crc,
                             len(member.data), member.size)
        directory += (struct.pack("<4s4B", b"PK\x01\x02", 20, 3, 20, 0) + common
                      + struct.pack("<5H2L", len(member.name), 0, 0, 0, 0, 0o600 << 16, len(out)) + member.name)
        out += struct.pack("<4s2B", b"PK\x03\x04", 20, 0) + common + struct.pack("<2H", len(member.name), 0)
        out += member.name + member.data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(directory), len(out), 0)
    return bytes(out + directory + end)


class PreparedTemplate:
    """A template opened once per process and rendered again and again.

    docxtpl opens (unzips and parses every part of) the template for each document, and python-docx
    serializes and deflates every part on each save. Here the package is opened once; each render
    replaces only what the data changes: the body, the rendered headers and footers, the footnotes
    and the core properties. Every other part (styles, numbering, theme, settings...) is deflated
    once and copied into each document as it is. The fix-ups after rendering therefore touch only
    the body and the core properties (the style-id repair runs once, here, on the template).

    The ``Document`` a render returns is this template's, valid until its next render: hold
    ``lock`` from the render until its bytes are taken (``package``), so threads render in turn.
    """

    def __init__(self, template: bytes, template_name: str) -> None:
        try:
            self._renderer = _Template(io.BytesIO(template))
            self._renderer.render_init()
        except READ_ERRORS as exc:
            raise TemplateError(f"Tệp mẫu '{template_name}' không phải văn bản Word hợp lệ (tệp hỏng)",
                                SourceLocation(template_name)) from exc
        renderer = self._renderer
        document = renderer.docx
        self._properties = {name: getattr(document.core_properties, name) for name in _PROPERTIES}
        self.missing_styles = undo_editor_changes(document)
        """Names of our styles the template lacks (see ``render.edited_templates``)."""
        self._body = renderer.patch_xml(renderer.get_xml())
        self._headers_footers = []
        for uri in (renderer.HEADER_URI, renderer.FOOTER_URI):
            for key, part in renderer.get_headers_footers(uri):
                xml = renderer.get_part_xml(part)
                source = renderer.patch_xml(xml)
                self._headers_footers.append((key, source, renderer.get_headers_footers_encoding(xml),
                                              bool(_TAG_MARKS.search(source))))
        self._footnotes = [(part, renderer.patch_xml(part.blob.decode("utf-8")))
                           for part in document.part.package.parts if part.content_type == CT.WML_FOOTNOTES]
        self._rendered_parts: dict[str, bytes] = {}
        self._members: dict[object, _Member] = {}
        self.lock = threading.Lock()

    def render(self, context: dict[str, Any], env: SandboxedEnvironment):
        """The document rendered with ``context`` (already escaped), as docxtpl's ``render`` does it."""
        renderer = self._renderer
        renderer.docx_ids_index = 1000
        renderer.pic_map = {}
        part = renderer.docx.part
        tree = renderer.fix_tables(renderer.render_xml_part(self._body, part, context, env))
        renderer.fix_docpr_ids(tree)
        renderer.map_tree(tree)
        for key, source, encoding, has_tags in self._headers_footers:
            if key in self._rendered_parts and not has_tags:
                continue  # a part with no tag renders the same for every document
            target = part.rels[key].target_part
            xml = renderer.render_xml_part(source, target, context, env).encode(encoding)
            if self._rendered_parts.get(key) != xml:
                renderer.map_headers_footers_xml(key, xml)
                self._rendered_parts[key] = xml
        properties = renderer.docx.core_properties
        for name, initial in self._properties.items():
            setattr(properties, name, env.from_string(initial).render(context))
        for footnotes, source in self._footnotes:
            footnotes._blob = renderer.render_xml_part(source, footnotes, context, env).encode("utf-8")
        return DocxDocument(part.element, part)

    def package(self, document, document_xml: bytes) -> bytes:
        """The .docx bytes of the rendered ``document``, as python-docx's ``save`` lays them out, with
        ``document_xml`` as its main part (the body with the tables spliced in)."""
        package = document.part.package
        parts = list(package.iter_parts())
        changing = {part for part in parts if part is document.part or part.content_type in _CHANGING_TYPES}
        members = {}
        out = [self._member(("types", tuple((p.partname, p.content_type) for p in parts)),
                            lambda: _deflated("[Content_Types].xml", _ContentTypesItem.from_parts(parts).blob), members),
               self._member(("rels", package), lambda: _deflated("_rels/.rels", package.rels.xml), members)]
        for part in parts:
            if part is document.part:
                out.append(_deflated(part.partname.membername, document_xml))
            elif part in changing:
                out.append(_deflated(part.partname.membername, part.blob))
            else:
                out.append(self._member(part, lambda: _deflated(part.partname.membername, part.blob), members))
            if len(part.rels):
                out.append(self._member(("rels", part), lambda: _deflated(part.partname.rels_uri.membername,
                                                                            part.rels.xml), members))
        self._members = members
        return _zip(out)

    def _member(self, key, make, kept: dict) -> _Member:
        """The member made for ``key`` by the last package, or ``make()``; kept for the next one."""
        found = kept[key] = self._members.get(key) or make()
        return found


_prepared: dict[bytes, PreparedTemplate] = {}


def prepared_template(template: bytes, template_name: str) -> PreparedTemplate:
    """The template opened once per process (a batch renders the same template for every document)."""
    key = hashlib.sha1(template).digest() + template_name.encode("utf-8")
    return _remember(_prepared, key, lambda: PreparedTemplate(template, template_name))


def render_template(prepared: PreparedTemplate, template_name: str, context: dict[str, Any]):
    """Render ``prepared`` with ``context`` and return the ``Document``; post-processing happens on
    it, then ``PreparedTemplate.package`` gives its bytes (all while holding ``prepared.lock``)."""
    where = SourceLocation(template_name)
    token = _steps.set([0])
    try:
        document = prepared.render(_escaped(context), template_environment())
    except TemplateRefused as exc:
        raise TemplateError(f"Mẫu '{template_name}': {exc.message}{_nearby(exc)}", where) from exc
    except jinja2.UndefinedError as exc:
        raise TemplateError(
            f"Mẫu '{template_name}' dùng một tên không có trong dữ liệu: {_missing_name(exc.message or '')}. "
            "Hãy sửa chỗ {{ }} trong mẫu cho đúng tên trường", where) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"Mẫu '{template_name}' có thẻ {{% %}} hoặc {{{{ }}}} viết sai: {_syntax_problem(exc.message or '')}"
            f"{_nearby(exc)}", where) from exc
    except (jinja2.TemplateError, ArithmeticError, TypeError, ValueError, KeyError, IndexError,
            AttributeError, RecursionError) as exc:
        raise TemplateError(
            f"Không điền được dữ liệu vào mẫu '{template_name}': một thẻ trong mẫu dùng dữ liệu không đúng kiểu "
            "(ví dụ so sánh chữ với số). Hãy so lại các thẻ {{ }} và {% %} với mẫu có sẵn", where) from exc
    except etree.XMLSyntaxError as exc:
        raise TemplateError(
            f"Mẫu '{template_name}' sau khi điền không còn là văn bản Word hợp lệ: một thẻ {{% %}} cắt ngang "
            "bảng hoặc đoạn văn. Hãy đặt mỗi thẻ {%p ... %} trong một đoạn riêng, {%tr ... %} trong một hàng "
            "riêng", where) from exc
    finally:
        _steps.reset(token)
    return document


TITLE_LIMIT = 255
"""python-docx refuses a longer core-properties title (Word shows it only in File > Info)."""


def set_title(document, subject: str) -> None:
    """The document's metadata title: the subject on one line, shortened to the limit at a word
    boundary with "…"; the subject printed in the document itself is never shortened."""
    title = " ".join(subject.split())
    if len(title) > TITLE_LIMIT:
        cut = title[:TITLE_LIMIT - 1]
        title = (cut.rsplit(" ", 1)[0] if " " in cut[TITLE_LIMIT // 2:] else cut) + "…"
    document.core_properties.title = title


def _escaped(value: Any) -> Any:
    """Texts XML-escaped as autoescape would, and with ``_`` written ``&#95;`` next to a brace:
    after rendering docxtpl turns ``{_{``, ``}_}``, ``{_%`` and ``%_}`` into tags' braces, which
    would silently change a text that holds them."""
    if isinstance(value, str):
        return Markup(str(escape(value)).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def _nearby(exc: jinja2.TemplateSyntaxError) -> str:
    nearby = " / ".join(t.strip() for t in list(getattr(exc, "docx_context", []))[:4] if t.strip())
    return f" (gần đoạn: {nearby[:200]})" if nearby else ""


def _missing_name(message: str) -> str:
    found = re.search(r"'([^']+)' is undefined", message) or re.search(r"has no attribute '([^']+)'", message)
    return f"'{found[1]}'" if found else "(không rõ tên)"


_SYNTAX_PROBLEMS = (
    (r"Encountered unknown tag '([^']*)'", "thẻ '{{% {0} %}}' không dùng được hoặc thiếu thẻ mở tương ứng"),
    (r"unexpected end of template", "mẫu kết thúc khi còn thẻ chưa đóng ({{% endfor %}}, {{% endif %}})"),
    (r"unexpected '([^']*)'", "ký tự '{0}' không đúng chỗ"),
    (r"expected token '([^']*)', got '([^']*)'", "thiếu hoặc thừa ký tự gần '{1}'"),
    (r"unexpected char '([^']*)'", "ký tự '{0}' không dùng được trong thẻ"),
)


def _syntax_problem(message: str) -> str:
    for pattern, words in _SYNTAX_PROBLEMS:
        found = re.search(pattern, message, re.IGNORECASE)
        if found:
            return words.format(*found.groups())
    return "cú pháp không đúng"
