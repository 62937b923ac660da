"""Supervision and inspection (seed 000 §V, R40): the Mass Mobilization Committee's and Home
Affairs' staff inspect a unit or one of its bright spots; the unit answers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class Inspection(models.Model):
    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        related_name="inspections",
        verbose_name=_("inspecting agency"),
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="inspections", verbose_name=_("unit")
    )
    bright_spot = models.ForeignKey(
        "registry.BrightSpot",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name=_("bright spot"),
    )
    date = models.DateField(_("date of the inspection"))
    team = models.CharField(_("inspection team"), max_length=300)
    findings = models.TextField(_("findings"))
    requests = models.TextField(_("requests to the unit"), blank=True)
    follow_up_due = models.DateField(_("follow-up due by"), null=True, blank=True)
    answer = models.TextField(_("the unit's answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(follow_up_due=None) | Q(follow_up_due__gte=F("date")),
                name="inspection_follow_up_after_visit",
            ),
            models.CheckConstraint(
                condition=Q(answered_at=None) | ~Q(answer=""), name="inspection_answer_has_text"
            ),
        ]

    def __str__(self):
        return f"{self.unit} · {self.date:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        for name in ("team", "findings", "requests", "answer"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None

    def is_overdue(self, today) -> bool:
        return bool(self.follow_up_due and not self.is_answered and self.follow_up_due < today)
