"""Opening a .docx, and saying in the user's terms why a file cannot be read.

Users hand over old .doc files, PDFs, password-protected or half-downloaded files. The reasons
are found here once; each tool words them for its own users (``Wording``), so a message says
what to do in the terms of the command that was run.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import BinaryIO

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from hanhchinh_docs.errors import DocxReadError, SourceLocation, os_reason


class Unreadable(Enum):
    """Why a file is not a readable .docx."""

    MISSING = "missing"
    DIRECTORY = "directory"
    NO_PERMISSION = "no permission"
    OS_ERROR = "os error"             # any other failure to read the file; detail: the system's reason
    EMPTY = "empty"
    ENCRYPTED = "encrypted"           # a password-protected .docx is an OLE file, like a .doc
    LEGACY_DOC = "legacy doc"
    PDF = "pdf"
    RTF = "rtf"
    NOT_ZIP = "not zip"
    DAMAGED_ZIP = "damaged zip"       # truncated download or copy
    BROKEN_PART = "broken part"       # detail: the damaged part inside the zip (encrypted, odd compression, bad XML)
    TOO_LARGE = "too large"           # detail: the part whose declared size is beyond the limit ("" for the total)
    TOO_MANY_PARTS = "too many parts"  # detail: the number of members
    NOT_WORD = "not word"             # a zip without word/ (Excel, PowerPoint, any archive)
    CORRUPT = "corrupt"               # python-docx could not read it; detail: which part, in Vietnamese


@dataclass(frozen=True)
class Wording:
    """One tool's messages, by reason; ``{name}`` is the file, ``{detail}`` the cause.

    A reason left out is not told apart: a missing file-system reason lets the ``OSError`` through,
    a missing content reason lets python-docx try the file (and a failure reads as ``CORRUPT``).
    ``locate`` attaches the file as the error's location.
    """

    messages: Mapping[Unreadable, str]
    locate: bool = False

    def error(self, reason: Unreadable, name: str, detail: str = "") -> DocxReadError:
        where = SourceLocation(name) if self.locate else None
        text = self.messages.get(reason) or ALWAYS_REFUSED[reason]
        return DocxReadError(text.format(name=name, detail=detail), where)

    def refuses(self, reason: Unreadable) -> bool:
        return reason in self.messages or reason in ALWAYS_REFUSED


ALWAYS_REFUSED = {
    Unreadable.BROKEN_PART:
        "Tệp '{name}' bị hỏng: phần '{detail}' bên trong bị lỗi (được mã hóa, nén kiểu lạ hoặc hỏng dữ liệu). "
        "Hãy mở bằng Word rồi lưu lại, hoặc lấy lại bản đầy đủ của tệp",
    Unreadable.TOO_LARGE:
        "Tệp '{name}' bị hỏng hoặc quá lớn: phần '{detail}' bên trong giải nén ra quá lớn so với một văn bản "
        "Word. Hãy mở bằng Word rồi lưu lại",
    Unreadable.TOO_MANY_PARTS:
        "Tệp '{name}' bị hỏng: gói .docx có {detail} phần bên trong, nhiều bất thường so với một văn bản Word. "
        "Hãy mở bằng Word rồi lưu lại",
}
"""Reasons every tool refuses (reading on would inflate or decrypt what it must not); a tool may word them."""


READ_ERRORS = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, OSError,
               etree.XMLSyntaxError, AttributeError, TypeError, IndexError, NotImplementedError, RuntimeError)
"""What python-docx, or reading its XML, raises on a damaged package."""

MAX_MEMBERS = 10_000
"""More parts than any Word document has (a long report with pictures has a few hundred)."""

MAX_XML_PART_BYTES = 64 << 20
"""Largest XML part inflated: a 5,000-row plan's document.xml is under 20 MB."""

MAX_PART_BYTES = 128 << 20
"""Largest other part (a picture)."""

MAX_TOTAL_BYTES = 256 << 20
"""Largest sum of inflated parts: keeps reading a file well under 500 MB of memory."""

_READABLE_COMPRESSION = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_source(source: str | Path | BinaryIO, wording: Wording) -> tuple[str, bytes]:
    """The file's name (as the user gave it) and its bytes."""
    if hasattr(source, "read"):
        return getattr(source, "name", "văn bản"), source.read()
    path = Path(source)
    name = str(path)
    try:
        return name, path.read_bytes()
    except OSError as exc:
        reason = {FileNotFoundError: Unreadable.MISSING, IsADirectoryError: Unreadable.DIRECTORY,
                  PermissionError: Unreadable.NO_PERMISSION}.get(type(exc), Unreadable.OS_ERROR)
        if reason not in wording.messages:
            raise
        raise wording.error(reason, name, os_reason(exc)) from exc


def diagnose(data: bytes) -> tuple[Unreadable, str] | None:
    """Why ``data`` is not a .docx package (reason, detail), or None when it looks like one."""
    if not data:
        return Unreadable.EMPTY, ""
    if data.startswith(_OLE_SIGNATURE):
        encrypted = "EncryptionInfo".encode("utf-16-le") in data
        return (Unreadable.ENCRYPTED if encrypted else Unreadable.LEGACY_DOC), ""
    if data.startswith(b"%PDF"):
        return Unreadable.PDF, ""
    if data.lstrip().startswith(b"{\\rtf"):
        return Unreadable.RTF, ""
    if not data.startswith(b"PK"):
        return Unreadable.NOT_ZIP, ""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            problem = _member_problem(members)
            if problem is not None:
                return problem
            broken = archive.testzip()
            names = {member.filename for member in members}
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError):
        return Unreadable.DAMAGED_ZIP, ""
    if broken is not None:
        return Unreadable.BROKEN_PART, broken
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        return Unreadable.NOT_WORD, ""
    return None


def _member_problem(members: list[zipfile.ZipInfo]) -> tuple[Unreadable, str] | None:
    """Refuse a package by its directory alone, before anything is inflated.

    The sizes are those the zip declares; ``zipfile`` never inflates a member beyond its declared
    size (a lying header ends in a CRC error), so these bounds hold for every later read.
    """
    if len(members) > MAX_MEMBERS:
        return Unreadable.TOO_MANY_PARTS, str(len(members))
    total = 0
    for member in members:
        if member.flag_bits & 0x1 or member.compress_type not in _READABLE_COMPRESSION:
            return Unreadable.BROKEN_PART, member.filename
        limit = MAX_XML_PART_BYTES if member.filename.endswith((".xml", ".rels")) else MAX_PART_BYTES
        if member.file_size > limit:
            return Unreadable.TOO_LARGE, member.filename
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        return Unreadable.TOO_LARGE, max(members, key=lambda member: member.file_size).filename
    return None


@contextmanager
def refusing_damage(name: str, wording: Wording, part: str = "") -> Iterator[None]:
    """Turn an error from reading a damaged package into the tool's ``CORRUPT`` message naming ``part``."""
    try:
        yield
    except READ_ERRORS as exc:
        raise wording.error(Unreadable.CORRUPT, name, _part_detail(part)) from exc


def _part_detail(part: str) -> str:
    return f"phần '{part}' bị lỗi" if part else "cấu trúc gói .docx không đúng"


def _bad_xml_part(data: bytes) -> str:
    """The first XML part of the package that is not well-formed XML ("" when all are)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            if member.filename.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(archive.read(member), parser)
                except etree.XMLSyntaxError:
                    return member.filename
    return ""


_ROOTS = {RT.STYLES: qn("w:styles"), RT.NUMBERING: qn("w:numbering")}


def _misshapen_part(document: Document) -> str:
    """The part whose XML is not what its role needs ("" when none): a document without a body,
    a styles or numbering part of the wrong type or with the wrong root element."""
    main = document.part
    if document.element.tag != qn("w:document") or document.element.find(qn("w:body")) is None:
        return str(main.partname).lstrip("/")
    for rel in main.rels.values():
        root = _ROOTS.get(rel.reltype)
        if root is None or rel.is_external:
            continue
        element = getattr(rel.target_part, "element", None)
        if element is None or element.tag != root:
            return str(rel.target_part.partname).lstrip("/")
    return ""


def open_docx(source: str | Path | BinaryIO, wording: Wording) -> tuple[str, Document]:
    """The file's name and the python-docx document; ``DocxReadError`` worded by ``wording`` if unreadable.

    Besides the file-level reasons, a package that python-docx opens but whose main parts are
    misshapen is refused here, naming the part, so readers can rely on a body, styles and numbering.
    """
    name, data = read_source(source, wording)
    problem = diagnose(data)
    if problem is not None and wording.refuses(problem[0]):
        raise wording.error(problem[0], name, problem[1])
    try:
        document = docx.Document(io.BytesIO(data))
    except READ_ERRORS as exc:
        raise wording.error(Unreadable.CORRUPT, name, _part_detail(_bad_xml_part(data))) from exc
    misshapen = _misshapen_part(document)
    if misshapen:
        raise wording.error(Unreadable.CORRUPT, name, _part_detail(misshapen))
    return name, document
