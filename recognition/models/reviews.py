"""Review of a dossier by committee staff (R18): assigned reviewers score every criterion."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class Review(models.Model):
    """One reviewer's review of one dossier: created when the reviewer is assigned."""

    dossier = models.ForeignKey(
        "recognition.Dossier", models.CASCADE, related_name="reviews", verbose_name=_("dossier")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("reviewer")
    )
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    comment = models.TextField(_("overall comment"), blank=True)
    completed_at = models.DateTimeField(_("scored"), null=True, blank=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "reviewer"], name="review_one_per_reviewer")
        ]

    def __str__(self):
        return f"{self.dossier} · {self.reviewer}"

    def save(self, *args, **kwargs):
        self.comment = nfc(self.comment).strip()
        super().save(*args, **kwargs)


class Verdict(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class Score(models.Model):
    review = models.ForeignKey(Review, models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("recognition.Criterion", models.PROTECT, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=8, choices=Verdict.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="score_one_per_criterion")
        ]

    def __str__(self):
        return f"{self.review} · {self.criterion.code}: {self.verdict}"

    def save(self, *args, **kwargs):
        self.comment = nfc(self.comment).strip()
        super().save(*args, **kwargs)
