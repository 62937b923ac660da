"""Issuing certificates (R20): one per recognition with a unique serial, rendered in bulk for a
Decision by a background job that may run any number of times and still issues each once."""

import enum
import logging
import tempfile
import time
import zipfile

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import jobs, signing
from recognition.certificate import FIELD_WORDS, CertificateData, render_certificate
from recognition.models import (
    Certificate,
    CertificateBatch,
    Decision,
    Recognition,
    RecognitionSettings,
    SerialCounter,
)
from recognition.services.common import audit_record

logger = logging.getLogger(__name__)

# A job renders for at most this long, then hands the rest to a fresh job: it stays well inside
# the task's time limit, and the progress page keeps moving on a Decision of any size.
RUN_BUDGET_SECONDS = 90


class RunResult(enum.StrEnum):
    """Where one run of the certificates' job left the Decision."""

    SUPERSEDED = "superseded"  # a newer request took over, or the Decision was annulled meanwhile
    CONTINUED = "continued"  # the time budget ran out: a new job takes the rest
    FINISHED = "finished"  # every certificate rendered and the zip stored


def _refuse_annulled(decision: Decision) -> None:
    if decision.is_annulled:
        raise ValidationError(
            _("This Decision was annulled: it cannot be used to issue certificates."),
            code="annulled",
        )


@transaction.atomic
def certificates_issue(*, decision: Decision, by) -> CertificateBatch:
    """Ask for the certificates of a Decision to be issued, in the background (R20). Asking
    again (after a failure, or to rebuild the zip) is safe: nothing is issued twice."""
    _refuse_annulled(decision)
    batch, created = CertificateBatch.objects.get_or_create(
        decision=decision, defaults={"requested_by": by}
    )
    if not created:
        batch = CertificateBatch.objects.select_for_update().get(pk=batch.pk)
        batch.round += 1
        batch.requested_by, batch.requested_at = by, timezone.now()
        batch.finished_at, batch.last_error = None, ""
        batch.save()
    jobs.enqueue(
        "recognition.issue_certificates",
        key=f"certificates:{decision.pk}:{batch.round}:1",
        decision_id=decision.pk,
        round=batch.round,
        part=1,
    )
    audit_record(
        actor=by,
        action="decision.certificates_requested",
        target=decision,
        data={"round": batch.round},
    )
    return batch


def serial_settings(province) -> RecognitionSettings:
    return RecognitionSettings.objects.filter(province=province).first() or RecognitionSettings(
        province=province
    )


@transaction.atomic
def certificates_allocate(decision: Decision) -> int:
    """Give each recognition of the Decision its certificate and serial, once (R20).

    Numbers run per province and year under a row lock of the counter, so two jobs can never
    take the same number; the one-to-one link to the recognition (a database constraint) means a
    recognition never gets a second certificate, however often this runs. Answers how many were
    created now.
    """
    _refuse_annulled(decision)
    province, year = decision.province, decision.recognition_year
    SerialCounter.objects.get_or_create(province=province, year=year)
    counter = SerialCounter.objects.select_for_update().get(province=province, year=year)
    # Read after taking the lock: a job that held it before us has already created its rows.
    missing = list(
        Recognition.objects.filter(decision=decision, certificate__isnull=True).order_by("position")
    )
    if not missing:
        return 0
    serial_format = serial_settings(province)
    rows = []
    for recognition in missing:
        counter.last_number += 1
        rows.append(
            Certificate(
                recognition=recognition,
                province=province,
                year=year,
                number=counter.last_number,
                serial=serial_format.serial(
                    province_code=province.code, year=year, number=counter.last_number
                ),
            )
        )
    Certificate.objects.bulk_create(rows)
    counter.save(update_fields=["last_number"])
    return len(rows)


def certificate_data(certificate: Certificate, *, sample: bool = False) -> CertificateData:
    """What the certificate prints, from its recognition and the Decision as recorded."""
    recognition = certificate.recognition
    decision, dossier = recognition.decision, recognition.dossier
    bright_spot = dossier.bright_spot
    return CertificateData(
        parent_authority=decision.parent_name,
        authority=decision.authority_name,
        bright_spot_name=bright_spot.name,
        unit_name=bright_spot.unit.name,
        field_label=FIELD_WORDS[bright_spot.field],
        year=dossier.year,
        decision_number=decision.number,
        decision_symbol=decision.symbol,
        decision_date=decision.date,
        place=decision.place_name,
        signing_form=decision.signing_lines,
        signer_name=decision.signer_name,
        serial=certificate.serial,
        sample=sample,
        **signing_of(decision.authority),
    )


def signing_of(authority) -> dict:
    """Who signs the authority's documents and with which key (R41): nothing when it has no key
    in the signing configuration (the document is then issued unsigned)."""
    if not signing.is_configured(authority.signing_key):
        return {}
    return {"signed_by": signing.signer_name(authority.signing_key),
            "signing_key": authority.signing_key}  # fmt: skip


def _with_relations(queryset):
    return queryset.select_related(
        "recognition__decision__authority", "recognition__dossier__bright_spot__unit"
    )


def certificate_render(certificate: Certificate) -> Certificate:
    """Render the certificate's PDF and store it under its serial. A repeated render writes the
    same file and changes nothing else."""
    data = certificate_data(certificate)
    pdf = render_certificate(data)
    name = f"certificates/{certificate.year}/{certificate.serial}.pdf"
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, ContentFile(pdf))
    values = {"file": stored, "rendered_at": timezone.now(), "sha256": signing.sha256(pdf),
              "signed_by": data.signed_by}  # fmt: skip
    Certificate.objects.filter(pk=certificate.pk).update(**values)
    certificate.file.name = stored
    certificate.rendered_at, certificate.sha256 = values["rendered_at"], values["sha256"]
    certificate.signed_by = values["signed_by"]
    return certificate


def certificate_file(certificate: Certificate) -> Certificate:
    """The certificate with its PDF stored: rendered now if it never was, or if it was lost."""
    if not certificate.file or not default_storage.exists(certificate.file.name):
        certificate_render(certificate)
    return certificate


def _build_zip(batch: CertificateBatch, certificates) -> None:
    with tempfile.TemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            for certificate in certificates:
                with default_storage.open(certificate.file.name, "rb") as pdf:
                    archive.writestr(f"{certificate.serial}.pdf", pdf.read())
        buffer.seek(0)
        old = batch.zip_file.name if batch.zip_file else ""
        batch.zip_file.save("certificates.zip", File(buffer), save=False)
    CertificateBatch.objects.filter(pk=batch.pk).update(
        zip_file=batch.zip_file.name, finished_at=timezone.now(), last_error=""
    )
    if old and old != batch.zip_file.name:
        default_storage.delete(old)


def certificates_run(
    *, decision_id: int, round: int, part: int, budget: float | None = None
) -> RunResult:
    """The background job of `certificates_issue`: allocate serials, render what is not yet
    rendered, then store the zip of the Decision's certificates. After `budget` seconds it hands
    the rest to a new job and returns. Every step can be repeated without issuing twice."""
    decision = Decision.objects.select_related("province").get(pk=decision_id)
    batch = CertificateBatch.objects.get(decision=decision)
    if batch.round != round or decision.is_annulled:
        return RunResult.SUPERSEDED
    try:
        return _issue(decision, batch, round=round, part=part, budget=budget)
    except Exception as error:
        # Shown on the progress page while the job waits for its retry (core.jobs).
        CertificateBatch.objects.filter(pk=batch.pk).update(
            last_error=f"{type(error).__name__}: {error}"[:500]
        )
        raise


def _issue(decision, batch, *, round: int, part: int, budget: float | None) -> RunResult:
    certificates_allocate(decision)
    started = time.monotonic()
    budget = RUN_BUDGET_SECONDS if budget is None else budget
    pending = _with_relations(
        Certificate.objects.filter(recognition__decision=decision, rendered_at=None)
    ).order_by("number")
    for certificate in pending:
        if time.monotonic() - started > budget:
            jobs.enqueue(
                "recognition.issue_certificates",
                key=f"certificates:{decision.pk}:{round}:{part + 1}",
                decision_id=decision.pk,
                round=round,
                part=part + 1,
            )
            return RunResult.CONTINUED
        certificate_render(certificate)
    certificates = list(
        _with_relations(Certificate.objects.filter(recognition__decision=decision)).order_by(
            "recognition__position"
        )
    )
    for certificate in certificates:
        certificate_file(certificate)  # a file lost since its render is rendered again
    _build_zip(batch, certificates)
    # R36: the units and whoever asked are told the certificates are there to download. The
    # job of a round finishes once (core.jobs), and each is told once per round (reminders).
    audit_record(
        actor=None,
        action="decision.certificates_issued",
        target=decision,
        data={"round": round, "certificates": len(certificates), "by": batch.requested_by_id},
    )
    return RunResult.FINISHED
