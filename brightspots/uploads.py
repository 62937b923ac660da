"""Uploaded files (R32): PDF, DOCX, XLSX, JPEG and PNG only, recognised by their content, at most
20 MB, stored under generated names, and served only by views that checked permission first.
"""

import os
import uuid
import zipfile
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from brightspots.text import nfc

# kind → (extensions accepted in the name, content type served)
KINDS = {
    "pdf": ({".pdf"}, "application/pdf"),
    "docx": ({".docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ({".xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "jpeg": ({".jpg", ".jpeg"}, "image/jpeg"),
    "png": ({".png"}, "image/png"),
}
ACCEPT = ",".join(sorted(ext for exts, _type in KINDS.values() for ext in exts))


def sniff(file) -> str | None:
    """The kind of file its bytes show, whatever its name says."""
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
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            file.seek(0)
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
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
    kind = sniff(file)
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
    return kind


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
    """The original name, kept only for display and download, without any path."""
    name = nfc(os.path.basename((filename or "").replace("\\", "/"))).strip()
    return name[:200] or "file"


def serve(file_field, display_name: str) -> FileResponse:
    """Send a stored file as a download. Callers must have checked permission first."""
    kind = sniff(file_field.open("rb"))
    content_type = KINDS[kind][1] if kind else "application/octet-stream"
    response = FileResponse(
        file_field.open("rb"),
        as_attachment=True,
        filename=get_valid_filename(display_name),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
