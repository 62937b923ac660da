"""The Decision's PDF as issued (R19, R41): rendered once in the background, signed digitally by
the issuing authority when it has a key, and stored with its SHA-256 so that /verify/ recognises
the file; and the final document an official uploads back after editing and signing it."""

import io
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader

from core import documents as lines
from core import signing
from core.uploads import clean_display_name
from recognition import documents
from recognition.models import Decision
from recognition.services.certificates import signing_of
from recognition.services.common import audit_record


def _squeezed(text: str) -> str:
    """Text compared without spaces or line breaks: PDF text extraction places them freely."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@transaction.atomic
def decision_final_upload(*, decision: Decision, file, by) -> Decision:
    """Keep the Decision's final document: the draft as the office edited and signed it (R41).

    The file must be a signed PDF whose signature is intact, and its text must carry the
    Decision's number and symbol and its date as Decree 30 writes them, so that the file of
    another Decision cannot be filed here by mistake. Its SHA-256 is kept, so /verify/
    recognises it. Uploading again replaces the file; every upload is in the audit log.
    """
    file.seek(0)
    data = file.read()
    report = signing.signature_report(data)
    if not report.signed:
        raise ValidationError(
            {"file": _("The file carries no digital signature: sign the Decision, then upload it.")}
        )
    if not (report.intact and report.whole_file):
        raise ValidationError({"file": _("The file was changed after it was signed.")})
    text = _squeezed(_pdf_text(data))
    number = lines.document_number(decision.number, decision.symbol)
    day = lines.date_words(decision.date)
    missing = [shown for shown in (number, day) if _squeezed(shown) not in text]
    if missing:
        raise ValidationError(
            {"file": _("This is not the Decision %(number)s of %(day)s: the file does not show %(missing)s.")
             % {"number": number, "day": day, "missing": ", ".join(f"“{m}”" for m in missing)}}
        )  # fmt: skip
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    old = decision.final_file.name if decision.final_file else ""
    decision.final_file.save(clean_display_name(file.name), ContentFile(data), save=False)
    decision.final_file_sha256 = signing.sha256(data)
    decision.final_signed_by = report.signer
    decision.final_uploaded_at = timezone.now()
    decision.save(update_fields=["final_file", "final_file_sha256", "final_signed_by",
                                 "final_uploaded_at"])  # fmt: skip
    if old and old != decision.final_file.name:
        transaction.on_commit(lambda: default_storage.delete(old))
    audit_record(
        actor=by, action="decision.final_uploaded", target=decision,
        data={"sha256": decision.final_file_sha256, "signed_by": report.signer},
    )  # fmt: skip
    return decision


def decision_render(decision: Decision) -> Decision:
    """Render the Decision (signed when its authority has a key) and store it. A repeated render
    writes the same file name and changes nothing else."""
    signer = signing_of(decision.authority)
    pdf = documents.decision_pdf(decision, **signer)
    name = f"decisions/{decision.year}/decision-{decision.pk}.pdf"
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(pdf))
    values = {"file": stored, "file_sha256": signing.sha256(pdf), "rendered_at": timezone.now(),
              "signed_by": signer.get("signed_by", "")}  # fmt: skip
    Decision.objects.filter(pk=decision.pk).update(**values)
    for field, value in values.items():
        setattr(decision, field, value)
    return decision


def stored(file_field) -> bool:
    """Whether a document's file was rendered and is still on the disk."""
    return bool(file_field) and default_storage.exists(file_field.name)


def decision_file(decision: Decision) -> Decision:
    """The Decision with its PDF stored: rendered now if it never was, or if it was lost."""
    if not stored(decision.file):
        decision_render(decision)
    return decision
