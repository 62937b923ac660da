"""Certificates of recognition (R20): one per recognition, whatever happens, with a unique serial."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def certificate_path(instance, filename: str) -> str:
    # Named by serial: a render that is repeated (a task run twice) writes the same file.
    return f"certificates/{instance.year}/{instance.serial}.pdf"


def batch_zip_path(instance, filename: str) -> str:
    return f"certificates/zip/decision-{instance.decision_id}-{timezone.now():%Y%m%d%H%M%S}.zip"


class Certificate(models.Model):
    """The certificate of one recognition. The row is the certificate: its serial is given once,
    in a short locked transaction, and the PDF is rendered from it (again if ever lost)."""

    recognition = models.OneToOneField(
        "recognition.Recognition",
        models.PROTECT,
        related_name="certificate",
        verbose_name=_("recognition"),
    )
    province = models.ForeignKey("organisation.Province", models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year recognized"))
    number = models.PositiveIntegerField(_("running number"))
    serial = models.CharField(_("serial number"), max_length=40, unique=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    file = models.FileField(upload_to=certificate_path, max_length=200, blank=True)
    rendered_at = models.DateTimeField(_("rendered"), null=True, blank=True)
    # The stored file's fingerprint: /verify/ recognises an uploaded copy by it (R41).
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, db_index=True)
    signed_by = models.CharField(_("signed by"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["province", "year", "number"]
        constraints = [
            models.CheckConstraint(condition=~Q(serial=""), name="certificate_has_serial"),
            models.UniqueConstraint(
                fields=["province", "year", "number"], name="certificate_number_unique"
            ),
        ]

    def __str__(self):
        return self.serial


class CertificateBatch(models.Model):
    """Issuing the certificates of one Decision in bulk: what the progress page follows."""

    decision = models.OneToOneField(
        "recognition.Decision", models.PROTECT, related_name="batch", verbose_name=_("Decision")
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    # Bumped each time someone asks again: names the job, so a repeated request makes a new one.
    round = models.PositiveIntegerField(default=1)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    zip_file = models.FileField(upload_to=batch_zip_path, max_length=200, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")

    def __str__(self):
        return str(self.decision)
