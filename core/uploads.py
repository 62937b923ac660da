"""Uploaded files (R32): PDF, DOCX, XLSX, JPEG and PNG only, recognised by their content, at most
20 MB, stored under generated names, and served only by views that checked permission first.

Office files are ZIP archives: one is accepted only when its parts say it is a Word document or an
Excel workbook, it carries no macros, and it really expands to at most UPLOAD_MAX_EXPANDED_BYTES
(read, not taken from the archive's own, forgeable, size fields), so a "zip bomb" is refused.
Past its first bytes, a file must open with the library that reads its kind (issue 13): a PDF with
pypdf and at least one page, a DOCX with python-docx, an XLSX with openpyxl, an image with Pillow.
A stub that only starts like a PDF is refused, and so is a "polyglot" that carries a web page in
the bytes a browser sniffs (the first kilobyte) or after the PDF's end. Served files are still sent
as downloads, never sniffed by the browser and inside a sandbox that runs no script.
"""

import io
import logging
import os
import re
import unicodedata
import uuid
import zipfile
from pathlib import PurePath
from urllib.parse import quote

import docx
import openpyxl
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image
from pypdf import PdfReader

from core.text import nfc

# Markup a browser would take for a web page (HTML sniffing reads the first 512 bytes).
HTML_MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|object|embed|meta|a\s|img|style|form|\?xml)",
    re.IGNORECASE,
)
SNIFFED_BYTES = 1024

# kind → (extensions accepted in the name, content type served)
KINDS = {
    "pdf": ({".pdf"}, "application/pdf"),
    "docx": ({".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ({".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "jpeg": ({".jpg", ".jpeg"}, "image/jpeg"),
    "png": ({".png"}, "image/png"),
}
log = logging.getLogger(__name__)
ACCEPT = ",".join(sorted(ext for exts, _type in KINDS.values() for ext in exts))


class ArchiveRefused(Exception):
    """An Office file that is not acceptable; `code` says why (see validate_upload)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


# Parts of an Office archive that hold macros, or say the document is macro-enabled.
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
MAX_ARCHIVE_ENTRIES = 5000
READ_CHUNK = 1024 * 1024


def _office_kind(file, *, inspect: bool) -> str | None:
    """Which Office file this archive is (docx, xlsx), or None when it is neither.

    With `inspect`, also refuse (ArchiveRefused) a macro-enabled document or a zip bomb.
    """
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if "[Content_Types].xml" not in names:
                return None
            if "word/document.xml" in names:
                kind = "docx"
            elif "xl/workbook.xml" in names:
                kind = "xlsx"
            else:
                return None
            if not inspect:
                return kind
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                raise ArchiveRefused("too_large_expanded")
            lowered = [name.lower() for name in names]
            content_types = archive.read("[Content_Types].xml")
            if any(name.endswith(MACRO_PARTS) for name in lowered) or b"macroEnabled" in (
                content_types
            ):
                raise ArchiveRefused("macros")
            _check_expanded_size(archive, entries)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        return None  # damaged, encrypted or in a compression we do not read: not an Office file
    finally:
        file.seek(0)
    return kind


def _check_expanded_size(archive, entries) -> None:
    """Read every part, counting the bytes it really expands to, and stop past the limit."""
    budget = settings.UPLOAD_MAX_EXPANDED_BYTES
    for entry in entries:
        if entry.file_size > budget:
            raise ArchiveRefused("too_large_expanded")
        with archive.open(entry) as part:
            while chunk := part.read(READ_CHUNK):
                budget -= len(chunk)
                if budget < 0:
                    raise ArchiveRefused("too_large_expanded")


def sniff(file, *, inspect: bool = True) -> str | None:
    """The kind of file its bytes show, whatever its name says.

    Raises ArchiveRefused for an Office file that must be refused for what it contains (not
    checked without `inspect`: a stored file was checked when it was uploaded).
    """
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(file, inspect=inspect)
    return None


def validate_upload(file) -> str:
    """Raise ValidationError (in the user's language) unless the file is acceptable; answer its kind."""
    if file.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
            },
        )
    try:
        kind = sniff(file)
    except ArchiveRefused as refusal:
        if refusal.code == "macros":
            raise ValidationError(
                _(
                    "Documents with macros are not accepted. Save the file as an ordinary Word (DOCX) or Excel (XLSX) file and upload it again."
                ),
                code="macros",
            ) from None
        raise ValidationError(
            _("The file expands to more than %(limit)s once opened; it is not accepted."),
            code="too_large_expanded",
            params={"limit": filesizeformat(settings.UPLOAD_MAX_EXPANDED_BYTES)},
        ) from None
    if kind is None:
        raise ValidationError(
            _(
                "Only PDF, Word (DOCX), Excel (XLSX), JPEG and PNG files are accepted; this file is none of them."
            ),
            code="bad_type",
        )
    extension = PurePath(file.name or "").suffix.lower()
    if extension not in KINDS[kind][0]:
        raise ValidationError(
            _("The file's name ends in “%(extension)s” but its content is %(kind)s."),
            code="name_mismatch",
            params={"extension": extension or "—", "kind": kind.upper()},
        )
    check_structure(file, kind)
    return kind


def check_structure(file, kind: str) -> None:
    """Raise ValidationError unless the file opens as a `kind` with the library that reads it,
    and carries no web page where a browser would find one (issue 13, R32)."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    if _carries_markup(data, kind):
        raise ValidationError(
            _(
                "The file also contains web page code, so it is not accepted. Save it again as an ordinary %(kind)s file and upload it."
            ),
            code="polyglot",
            params={"kind": kind.upper()},
        )
    if not _opens(data, kind):
        raise ValidationError(
            _(
                "The file cannot be opened as a %(kind)s document: it is damaged, empty or incomplete. Save it again and upload it."
            ),
            code="damaged",
            params={"kind": kind.upper()},
        )


def _carries_markup(data: bytes, kind: str) -> bool:
    if HTML_MARKUP.search(data[:SNIFFED_BYTES]):
        return True
    if kind == "pdf":
        end = data.rfind(b"%%EOF")
        return end != -1 and bool(HTML_MARKUP.search(data[end:]))
    return False


def _opens(data: bytes, kind: str) -> bool:
    """Whether the document library of `kind` reads the file (any error it raises is a no)."""
    stream = io.BytesIO(data)
    try:
        if kind == "pdf":
            # A PDF cut short in transfer has lost its end; pypdf would patch it up.
            return b"%%EOF" in data[-2048:] and _pdf_pages(stream) > 0
        if kind == "docx":
            docx.Document(stream)
            return True
        if kind == "xlsx":
            openpyxl.load_workbook(stream, read_only=True).close()
            return True
        with Image.open(stream) as image:
            expected = {"png": "PNG", "jpeg": "JPEG"}[kind]
            if image.format != expected:
                return False
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # verify() reads the chunks; load() also decodes the pixels to the end
        return True
    except Exception:  # noqa: BLE001 - a reader's error of any kind means the file is refused
        return False


def _pdf_pages(stream) -> int:
    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return 0  # only restricted (owner password) PDFs open for the reviewer without a password
    return len(reader.pages)


class UploadField(forms.FileField):
    """A form field that applies the rules of R32 and shows the accepted types to the browser."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("PDF, DOCX, XLSX, JPEG or PNG, up to 20 MB."))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", ACCEPT)

    def clean(self, data, initial=None):
        file = super().clean(data, initial)
        if file and file is not initial and hasattr(file, "size"):
            validate_upload(file)
        return file


def upload_path(instance, filename: str) -> str:
    """A generated name: nothing of the user's file name reaches the file system."""
    extension = PurePath(filename).suffix.lower()
    if extension not in {ext for exts, _type in KINDS.values() for ext in exts}:
        extension = ""
    folder = instance._meta.label_lower.replace(".", "/")
    return f"uploads/{folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{extension}"


def clean_display_name(filename: str) -> str:
    """The original name, kept only for display and download: no folders, no control or
    invisible formatting characters (a right-to-left override could disguise "exe.pdf" as
    "fdp.exe"), single spaces, NFC, at most 200 characters with the extension kept."""
    name = nfc(filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(
        " " if char.isspace() else char
        for char in name
        if char.isspace() or unicodedata.category(char)[0] not in "CZ"
    )
    name = " ".join(name.split()).strip(" .")
    if len(name) > 200:
        stem, extension = os.path.splitext(name)
        extension = extension if len(extension) <= 10 else ""
        name = stem[: 200 - len(extension)].rstrip(" .") + extension
    return name or "file"


def ascii_name(name: str) -> str:
    """A plain-ASCII stand-in for old clients: Vietnamese letters lose their marks, đ becomes d."""
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in folded if char.isascii() and char.isprintable())
    plain = "".join(char if char not in '"\\;' else "_" for char in plain)
    return " ".join(plain.split()) or "file"


def content_disposition(display_name: str) -> str:
    """`attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266, RFC 5987)."""
    name = clean_display_name(display_name)
    return f"attachment; filename=\"{ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def serve(file_field, display_name: str) -> FileResponse:
    """Send a stored file as a download. Callers must have checked permission first.

    A file missing from the disk is a 404 for the user (and an error in the log for us).
    """
    try:
        handle = file_field.open("rb")
    except FileNotFoundError:
        log.error("stored upload %s is missing", file_field.name)
        raise Http404 from None
    kind = sniff(handle, inspect=False)
    content_type = KINDS[kind][1] if kind else "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(display_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    # Even opened in the browser's own tab, a file runs no script and loads nothing.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
