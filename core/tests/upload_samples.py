"""Files for the upload tests (R32): real small documents and hostile ones, built in memory."""

import io
import struct
import zipfile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def archive(parts: dict[str, bytes], *, content_types: bytes = CONTENT_TYPES) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        if content_types is not None:
            zipped.writestr("[Content_Types].xml", content_types)
        for name, data in parts.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


def docx(**extra: bytes) -> bytes:
    body = "<w:document><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>"
    return archive({"_rels/.rels": b"<Relationships/>", "word/document.xml": body.encode()} | extra)


def xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "Tiến độ"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_bomb(expanded_bytes: int) -> bytes:
    """A DOCX whose document part is `expanded_bytes` of zeros: a few kB on the wire."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        zipped.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zipped.open("word/document.xml", "w") as part:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(expanded_bytes // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def lying_about_size(data: bytes, part: str, claimed: int) -> bytes:
    """The archive with `part`'s uncompressed size rewritten to `claimed` in both its headers,
    as a bomb would to slip past a check that trusts them."""
    patched = bytearray(data)
    name = part.encode()
    offset = 0
    while (offset := patched.find(b"PK\x03\x04", offset)) != -1:
        if patched[offset + 30 : offset + 30 + len(name)] == name:
            struct.pack_into("<I", patched, offset + 22, claimed)
        offset += 4
    offset = 0
    while (offset := patched.find(b"PK\x01\x02", offset)) != -1:
        if patched[offset + 46 : offset + 46 + len(name)] == name:
            struct.pack_into("<I", patched, offset + 24, claimed)
        offset += 4
    return bytes(patched)
