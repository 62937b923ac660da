"""The Decision's PDF as issued (R19, R41): rendered once in the background, signed digitally by
the issuing authority when it has a key, and stored with its SHA-256 so that /verify/ recognises
the file; and the final document an official uploads back after editing and signing it."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from core import signing
from recognition import documents
from recognition.models import Decision
from recognition.services.certificates import signing_of


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


def decision_file(decision: Decision) -> Decision:
    """The Decision with its PDF stored: rendered now if it never was, or if it was lost."""
    if not decision.file or not default_storage.exists(decision.file.name):
        decision_render(decision)
    return decision
