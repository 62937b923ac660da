"""The yearly follow-up of a recognized bright spot (R40, seed 000 §V): still effective, needs
improvement, or no longer a model. Kept for good: a model that lapses leaves the public library,
its history does not."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class FollowUp(models.Model):
    class Outcome(models.TextChoices):
        EFFECTIVE = "effective", _("Still effective")
        NEEDS_IMPROVEMENT = "needs_improvement", _("Needs improvement")
        NO_LONGER_MODEL = "no_longer_model", _("No longer a model")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    dossier = models.ForeignKey(
        "recognition.Dossier",
        models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("dossier"),
    )
    year = models.PositiveSmallIntegerField(_("year reviewed"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("follow-up review")
        verbose_name_plural = _("follow-up reviews")
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "year"], name="follow_up_once_a_year"),
            models.CheckConstraint(
                condition=Q(outcome="effective") | ~Q(reason=""), name="follow_up_reason_given"
            ),
        ]

    def __str__(self):
        return f"{self.dossier_id} · {self.year} · {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        self.reason = nfc(self.reason).strip()
        super().save(*args, **kwargs)

    @property
    def ends_the_model(self) -> bool:
        return self.outcome == self.Outcome.NO_LONGER_MODEL
