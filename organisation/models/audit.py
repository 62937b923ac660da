"""The audit log (R31): who changed what, when, from what to what, and why."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, null=True, blank=True, verbose_name=_("province")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=60)
    # The bright spot an entry belongs to, whatever the target (its dossier, a Decision…): the
    # bright spot's page shows one timeline of everything that happened to it. A plain id, so that
    # the audit log (a foundation every app writes to) knows no feature's model.
    bright_spot_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    target_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+")
    target_id = models.BigIntegerField()
    target_label = models.CharField(_("object"), max_length=300)
    from_state = models.CharField(_("from"), max_length=40, blank=True)
    to_state = models.CharField(_("to"), max_length=40, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "at"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"
