"""Files for the upload tests (R32): real small documents and hostile ones, built in memory."""

import io
import struct
import zipfile

from docx import Document
from PIL import Image
from pypdf import PdfWriter


def pdf(pages: int = 1, *, padding: int = 0) -> bytes:
    """A real PDF of `pages` blank A4 pages; `padding` bytes of metadata make it bigger."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if padding:
        writer.add_metadata({"/Filler": "x" * padding})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_of_size(size: int) -> bytes:
    """A real one-page PDF of exactly `size` bytes."""
    padding = size - len(pdf())
    while len(data := pdf(padding=padding)) != size:
        padding += size - len(data)
    return data


def image(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


PDF = pdf()
PNG = image("PNG")
JPEG = image("JPEG")
# What only starts like a document: a header and nothing a reader can open.
STUB_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
POLYGLOT_PDF = b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n"

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
    """A real Word document made by python-docx, with `extra` parts added to its archive."""
    document = Document()
    document.add_paragraph("Kế hoạch")
    buffer = io.BytesIO()
    document.save(buffer)
    if not extra:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dest:
        for entry in source.infolist():
            dest.writestr(entry, source.read(entry))
        for name, data in extra.items():
            dest.writestr(name, data)
    return out.getvalue()


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
