"""Downloads produced in the background (R23), and how a province's synthesis report is headed."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc


def export_path(instance, filename: str) -> str:
    """A generated name under reports/: the display name is kept apart (`filename`)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"reports/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Export(models.Model):
    """One requested download: its options, its progress, and the file once produced.

    Produced by a durable task (`reporting.produce_export`); the page that asked for it
    polls its progress. A file is only ever served to the user who asked for it, and is removed
    `EXPORT_KEEP_DAYS` after it was produced (`reporting.expire_exports`).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Being produced")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")
        EXPIRED = "expired", _("Removed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("requested by")
    )
    province = models.ForeignKey(
        "organisation.Province",
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("province"),
        help_text=_("Empty for a download covering several provinces."),
    )
    exporter = models.CharField(_("download"), max_length=40)
    options = models.JSONField(_("options"), default=dict)
    language = models.CharField(_("language"), max_length=5, default="vi")
    area_label = models.CharField(_("scope"), max_length=400)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(_("file"), upload_to=export_path, max_length=200, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("download")
        verbose_name_plural = _("downloads")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "-created_at"], name="export_user_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(file="") & Q(finished_at__isnull=False)),
                name="export_done_has_file",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_percent"),
        ]

    def __str__(self):
        return f"{self.filename or self.exporter} · {self.area_label}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED, self.Status.EXPIRED)


class Letterhead(models.Model):
    """How the province's synthesis report is headed and signed: names are data (R3), they
    change (in 2025 the Mass Mobilization Committee became the Propaganda and Mass Mobilization
    Committee). Without one, the report uses the defaults in `reporting.exports.synthesis`."""

    province = models.OneToOneField(
        "organisation.Province",
        models.CASCADE,
        related_name="letterhead",
        verbose_name=_("province"),
    )
    parent_authority = models.CharField(
        _("parent authority"), max_length=200, help_text=_("For example: TỈNH ỦY NGHỆ AN")
    )
    authority = models.CharField(
        _("issuing authority"),
        max_length=200,
        help_text=_("For example: BAN TUYÊN GIÁO VÀ DÂN VẬN"),
    )
    authority_in_text = models.CharField(
        _("issuing authority in sentences"),
        max_length=200,
        help_text=_("For example: Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    )
    number_symbol = models.CharField(
        _("number symbol"), max_length=50, help_text=_("For example: BC/BTGDVTU")
    )
    addressee = models.CharField(
        _("addressed to"),
        max_length=200,
        help_text=_("For example: Ban Thường vụ Tỉnh ủy"),
    )
    signing_form = models.TextField(
        _("signing form"),
        help_text=_("One line each, for example: T/M BAN TUYÊN GIÁO VÀ DÂN VẬN / PHÓ TRƯỞNG BAN"),
    )
    signer_name = models.CharField(_("signer"), max_length=150, blank=True)
    recipients = models.TextField(
        _("recipients"), help_text=_("One line each, for example: - Ban Thường vụ Tỉnh ủy (b/c);")
    )

    class Meta:
        verbose_name = _("synthesis report letterhead")
        verbose_name_plural = _("synthesis report letterheads")

    def __str__(self):
        return f"{self.province} · {self.authority}"

    def save(self, *args, **kwargs):
        for name in (
            "parent_authority", "authority", "authority_in_text", "number_symbol", "addressee"
        ):  # fmt: skip
            setattr(self, name, nfc(getattr(self, name)).strip())
        self.signing_form, self.recipients = nfc(self.signing_form), nfc(self.recipients)
        self.signer_name = nfc(self.signer_name).strip()
        super().save(*args, **kwargs)
