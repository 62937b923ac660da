"""Imports (R39): a file an administrator uploaded, its preview and what applying it did."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.uploads import upload_path


class ImportRun(models.Model):
    """One uploaded file of one kind (units, people, …) for one province.

    The file is kept under a generated name like every upload (R32); the preview (what would be
    created, changed, left alone, and every refused row) is stored so the confirming request and
    a background job read the same thing.
    """

    class Status(models.TextChoices):
        PREVIEWING = "previewing", _("Reading the file")
        PREVIEWED = "previewed", _("Ready to confirm")
        REFUSED = "refused", _("Rows refused")
        APPLYING = "applying", _("Applying")
        APPLIED = "applied", _("Applied")
        FAILED = "failed", _("Failed")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    kind = models.CharField(_("kind"), max_length=40)
    file = models.FileField(_("file"), upload_to=upload_path, max_length=300)
    file_name = models.CharField(_("file name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREVIEWING
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    # {"created": n, "changed": n, "unchanged": n, "actions": [{row, verb, label, changes}…]}
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    # [{"row": 7, "column": "Mã đơn vị", "message": "…"}, …]
    refusals = models.JSONField(_("refused rows"), default=list, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.kind} · {self.file_name}"

    @property
    def is_working(self) -> bool:
        return self.status in (self.Status.PREVIEWING, self.Status.APPLYING)
