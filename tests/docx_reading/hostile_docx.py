"""Hostile and broken .docx files, built in the test from a small valid document.

Each case is bytes plus the part a message must name. The zip bomb is written by hand (a raw
deflate stream of one repeated fully-flushed block) so that building it costs a megabyte, not the
gigabyte it inflates to.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

import docx

DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"
NUMBERING = "word/numbering.xml"
GIGABYTE = 1 << 30

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def base_members() -> dict[str, bytes]:
    """A valid document with a list and a table, as zip members."""
    document = docx.Document()
    document.add_paragraph("Mục một", style="List Number")
    document.add_paragraph("Mục hai", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).text = "Nội dung"
    document.add_paragraph("Kết thúc")
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pack(members: dict[str, bytes], encrypt: set[str] = frozenset(), method: dict[str, int] | None = None) -> bytes:
    """Zip ``members``; parts in ``encrypt`` get the ZipCrypto flag, ``method`` forces a compression id."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(out.getvalue())
    for name in set(encrypt) | set(method or {}):
        _patch_header(data, name, flag=0x1 if name in encrypt else 0, method=(method or {}).get(name))
    return bytes(data)


def _patch_header(data: bytearray, name: str, flag: int, method: int | None) -> None:
    """Set a flag bit / compression method in both the local and the central header of ``name``."""
    encoded = name.encode()
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            length_at = 26 if signature == b"PK\x03\x04" else 28
            length = struct.unpack_from("<H", data, start + length_at)[0]
            if bytes(data[start + name_at:start + name_at + length]) == encoded:
                flags = struct.unpack_from("<H", data, start + flag_at)[0] | flag
                struct.pack_into("<H", data, start + flag_at, flags)
                if method is not None:
                    struct.pack_into("<H", data, start + flag_at + 2, method)
            start += 4


def edit(members: dict[str, bytes], part: str, pattern: str, replacement: str, count: int = 0) -> dict[str, bytes]:
    """A copy of ``members`` with a regex replacement in one XML part."""
    out = dict(members)
    text, n = re.subn(pattern, replacement, out[part].decode(), count=count)
    assert n, f"{pattern!r} not found in {part}"
    out[part] = text.encode()
    return out


def bomb(members: dict[str, bytes], part: str = "word/media/image1.png", size: int = GIGABYTE,
         declared: int | None = None) -> bytes:
    """``members`` plus ``part``, a deflate stream inflating to ``size`` spaces.

    ``declared`` is the uncompressed size written in the zip headers (default: the true size);
    a smaller one is a lying header.
    """
    chunk = 1 << 20
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b" " * chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * (size // chunk) + b"\x03\x00"        # an empty final block ends the stream
    plain = pack(members)
    head, central, end = _split(plain)
    encoded = part.encode()
    declared = size if declared is None else declared
    offset = len(head)
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, 0, len(stream), declared,
                        len(encoded), 0) + encoded
    entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, 0, len(stream), declared,
                        len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    body = head + local + stream
    directory = central + entry
    count = struct.unpack_from("<H", end, 10)[0] + 1
    tail = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    return body + directory + tail


def _split(data: bytes) -> tuple[bytes, bytes, bytes]:
    """(local entries, central directory, end record) of a zip without a comment."""
    end_at = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end_at + 12)
    return data[:offset], data[offset:offset + size], data[end_at:]


def hostile_cases() -> dict[str, tuple[bytes, str]]:
    """name -> (file bytes, the part (or count) the message must name; "" when the file is readable)."""
    base = base_members()
    types = "[Content_Types].xml"
    many = dict(base)
    many.update({f"customXml/item{i}.xml": b"<a/>" for i in range(20_001)})
    return {
        "zip bomb 1 GB": (bomb(base), "word/media/image1.png"),
        "zip bomb, lying size": (bomb(base, size=64 << 20, declared=1000), "word/media/image1.png"),
        "20,001 members": (pack(many), str(len(many))),
        "numbering start 99999999999": (pack(edit(base, NUMBERING, r'<w:start w:val="\d+"/>',
                                                  '<w:start w:val="99999999999"/>')), ""),
        "numbering start -5, roman": (pack(edit(edit(base, NUMBERING, r'<w:start w:val="\d+"/>',
                                                     '<w:start w:val="-5"/>'),
                                                NUMBERING, r'w:numFmt w:val="decimal"', 'w:numFmt w:val="upperRoman"')),
                                      ""),
        "gridSpan 100000000": (pack(edit(base, DOCUMENT, r"<w:tcPr>", '<w:tcPr><w:gridSpan w:val="100000000"/>',
                                         count=1)), ""),
        "gridSpan abc": (pack(edit(base, DOCUMENT, r"<w:tcPr>", '<w:tcPr><w:gridSpan w:val="abc"/>', count=1)), ""),
        "ilvl abc": (pack(edit(base, NUMBERING, r'w:ilvl="0"', 'w:ilvl="abc"')), ""),
        "paragraph ilvl abc": (pack(edit(base, DOCUMENT, r"<w:pPr>",
                                         '<w:pPr><w:numPr><w:ilvl w:val="abc"/><w:numId w:val="1"/></w:numPr>',
                                         count=1)), ""),
        "indent inf": (pack(edit(base, DOCUMENT, r"<w:pPr>", '<w:pPr><w:ind w:left="inf" w:firstLine="1e400"/>',
                                 count=1)), ""),
        "spacing abc": (pack(edit(base, DOCUMENT, r"<w:pPr>",
                                  '<w:pPr><w:spacing w:line="abc" w:before="x" w:beforeLines="y"/>', count=1)), ""),
        "page size inf": (pack(edit(base, DOCUMENT, r'<w:pgSz w:w="\d+"', '<w:pgSz w:w="inf"')), ""),
        "font size nan": (pack(edit(base, STYLES, r"<w:rPr>", '<w:rPr><w:sz w:val="nan"/>', count=1)), ""),
        "document without body": (pack(edit(base, DOCUMENT, r"<w:body>.*</w:body>", "")), DOCUMENT),
        "wrong root element": (pack(edit(edit(base, DOCUMENT, r"<w:document ", "<w:settings "),
                                        DOCUMENT, r"</w:document>", "</w:settings>")), DOCUMENT),
        "styles with wrong content type": (pack(edit(base, types, r'PartName="/word/styles.xml" ContentType="[^"]+"',
                                                     'PartName="/word/styles.xml" ContentType="text/plain"')), STYLES),
        "numbering with wrong content type": (pack(edit(base, types,
                                                        r'PartName="/word/numbering.xml" ContentType="[^"]+"',
                                                        'PartName="/word/numbering.xml" ContentType="text/plain"')),
                                              NUMBERING),
        "styles root is numbering": (pack(edit(base, STYLES, r"<w:styles ", "<w:numbering ")), STYLES),
        "ZipCrypto document": (pack(base, encrypt={DOCUMENT}), DOCUMENT),
        "PPMd styles": (pack(base, method={STYLES: 98}), STYLES),
        "not XML document": (pack({**base, DOCUMENT: b"\x00\x01 not xml"}), DOCUMENT),
    }
