"""The unit's papers signed and uploaded back (issue 13): the registration dispatch is filed on
the year's registration, the annual report on the report. A signed paper is a PDF (R32: it opens
with pypdf and has pages, checked by the upload field); uploading again replaces the file, and
every upload is in the audit log."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import check_structure, clean_display_name, sniff
from organisation.services.audit import audit_record
from registry.models import AnnualReport, Registration


def _pdf_bytes(file) -> bytes:
    file.seek(0)
    if sniff(file) != "pdf":
        raise ValidationError({"file": _("Upload the signed paper as a PDF file.")})
    check_structure(file, "pdf")
    file.seek(0)
    return file.read()


def _replace(instance, field: str, file, data: bytes) -> None:
    stored = getattr(instance, field)
    old = stored.name if stored else ""
    stored.save(clean_display_name(file.name), ContentFile(data), save=False)
    setattr(instance, f"{field}_name", clean_display_name(file.name))
    if old and old != stored.name:
        transaction.on_commit(lambda: default_storage.delete(old))


@transaction.atomic
def registration_dispatch_file(*, unit, year: int, file, by) -> Registration:
    """File the registration dispatch the unit signed on its registration of `year`."""
    data = _pdf_bytes(file)
    registration, _created = Registration.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    _replace(registration, "dispatch_file", file, data)
    registration.dispatch_uploaded_at = timezone.now()
    registration.save(update_fields=["dispatch_file", "dispatch_file_name", "dispatch_uploaded_at"])
    audit_record(actor=by, action="registration.dispatch_filed", target=registration,
                 data={"file": registration.dispatch_file_name})  # fmt: skip
    return registration


@transaction.atomic
def annual_report_file(*, report: AnnualReport, file, by) -> AnnualReport:
    """File the annual report as the unit signed it."""
    data = _pdf_bytes(file)
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    _replace(report, "signed_file", file, data)
    report.signed_uploaded_at = timezone.now()
    report.save(update_fields=["signed_file", "signed_file_name", "signed_uploaded_at"])
    audit_record(actor=by, action="annual_report.signed_filed", target=report,
                 data={"file": report.signed_file_name})  # fmt: skip
    return report
