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
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from hanhchinh_docs.errors import DocxReadError, SourceLocation


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
    BROKEN_PART = "broken part"       # detail: the damaged part inside the zip
    NOT_WORD = "not word"             # a zip without word/ (Excel, PowerPoint, any archive)
    CORRUPT = "corrupt"               # python-docx could not read it; detail: "ExceptionName: message"


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
        return DocxReadError(self.messages[reason].format(name=name, detail=detail), where)


READ_ERRORS = (PackageNotFoundError, zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, OSError,
               etree.XMLSyntaxError)
"""What python-docx, or reading its XML, raises on a damaged package."""

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
        raise wording.error(reason, name, exc.strerror or "") from exc


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
            broken = archive.testzip()
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        return Unreadable.DAMAGED_ZIP, ""
    if broken is not None:
        return Unreadable.BROKEN_PART, broken
    if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
        return Unreadable.NOT_WORD, ""
    return None


@contextmanager
def refusing_damage(name: str, wording: Wording) -> Iterator[None]:
    """Turn an error from reading a damaged package into the tool's ``CORRUPT`` message."""
    try:
        yield
    except READ_ERRORS as exc:
        raise wording.error(Unreadable.CORRUPT, name, f"{type(exc).__name__}: {exc}") from exc


def open_docx(source: str | Path | BinaryIO, wording: Wording) -> tuple[str, Document]:
    """The file's name and the python-docx document; ``DocxReadError`` worded by ``wording`` if unreadable."""
    name, data = read_source(source, wording)
    problem = diagnose(data)
    if problem is not None and problem[0] in wording.messages:
        raise wording.error(problem[0], name, problem[1])
    with refusing_damage(name, wording):
        return name, docx.Document(io.BytesIO(data))
