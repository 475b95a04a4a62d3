"""Why a file is not a readable .docx is found once; each tool words it for its users."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from hanhchinh_docs.docx_reading.opening import Unreadable, Wording, diagnose, open_docx
from hanhchinh_docs.errors import DocxReadError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Xin chào")
    document.save(out)
    return out.getvalue()


def _zip(**members: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/"), text)
    return out.getvalue()


CASES = {
    "empty": (b"", Unreadable.EMPTY),
    "old .doc": (OLE + b"\0" * 600, Unreadable.LEGACY_DOC),
    "encrypted": (OLE + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600, Unreadable.ENCRYPTED),
    "pdf": (b"%PDF-1.7", Unreadable.PDF),
    "rtf": (b"\n{\\rtf1 x}", Unreadable.RTF),
    "text": (b"khong phai Word", Unreadable.NOT_ZIP),
    "truncated": (_docx()[:2000], Unreadable.DAMAGED_ZIP),
    "excel": (_zip(**{"[Content_Types].xml": "<Types/>", "xl__workbook.xml": "<w/>"}), Unreadable.NOT_WORD),
}


@pytest.mark.parametrize("case", CASES, ids=CASES.keys())
def test_each_kind_of_unreadable_file_is_told_apart(case: str) -> None:
    data, reason = CASES[case]
    assert diagnose(data)[0] is reason


def test_a_docx_has_nothing_wrong() -> None:
    assert diagnose(_docx()) is None


WORDING = Wording({Unreadable.MISSING: "không có {name}", Unreadable.EMPTY: "{name} rỗng",
                   Unreadable.CORRUPT: "{name} hỏng ({detail})"}, locate=True)


def test_messages_come_from_the_tools_wording_with_the_file_as_location(tmp_path: Path) -> None:
    with pytest.raises(DocxReadError) as missing:
        open_docx(tmp_path / "x.docx", WORDING)
    assert missing.value.message == f"không có {tmp_path / 'x.docx'}"
    assert missing.value.location.file == str(tmp_path / "x.docx")
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(DocxReadError, match="rỗng"):
        open_docx(tmp_path / "empty.docx", WORDING)


def test_a_reason_the_tool_does_not_word_is_left_to_python_docx(tmp_path: Path) -> None:
    path = tmp_path / "excel.docx"
    types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    path.write_bytes(_zip(**{"[Content_Types].xml": types, "xl__workbook.xml": "<w/>"}))
    with pytest.raises(DocxReadError, match=r"hỏng \(\w+"):
        open_docx(path, WORDING)


def test_a_file_like_source_is_read_with_its_name() -> None:
    source = io.BytesIO(_docx())
    source.name = "van_ban.docx"
    name, document = open_docx(source, WORDING)
    assert name == "van_ban.docx" and document.paragraphs[0].text == "Xin chào"
