"""Commendation (R22): the 5-year proposal to the Emulation and Reward Council, and the units'
yearly commendations of their effective bright spots."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc

FIRST_CYCLE_START = 2021
CYCLE_YEARS = 5


def cycle_of(year: int) -> tuple[int, int]:
    """The 5-year period a year belongs to: 2021–2025, 2026–2030, … (first conference 2025)."""
    start = FIRST_CYCLE_START + (year - FIRST_CYCLE_START) // CYCLE_YEARS * CYCLE_YEARS
    return start, start + CYCLE_YEARS - 1


class CommendationProposal(models.Model):
    """A committee's list of bright spots recognized during a period, proposed to the Council."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        SENT = "sent", _("Sent to the Council")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        related_name="commendation_proposals",
        verbose_name=_("committee"),
    )
    period_start = models.PositiveSmallIntegerField(_("from year"))
    period_end = models.PositiveSmallIntegerField(_("to year"))
    council = models.CharField(
        _("Emulation and Reward Council"),
        max_length=300,
        help_text=_("e.g. Hội đồng Thi đua - Khen thưởng tỉnh Nghệ An"),
    )
    status = models.CharField(
        _("status"), max_length=6, choices=Status.choices, default=Status.DRAFT
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("commendation proposal")
        verbose_name_plural = _("commendation proposals")
        ordering = ["-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "period_start"], name="commendation_one_per_cycle"
            ),
            models.CheckConstraint(
                condition=Q(period_end=F("period_start") + CYCLE_YEARS - 1),
                name="commendation_period_is_five_years",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(sent_at__isnull=False),
                name="commendation_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.committee} · {self.period_start}–{self.period_end}"

    def save(self, *args, **kwargs):
        self.council = nfc(self.council).strip()
        super().save(*args, **kwargs)


class Outcome(models.TextChoices):
    PENDING = "pending", _("Awaiting the Council")
    MERIT = "merit", _("Certificate of Merit (Bằng khen)")
    COMMENDATION = "commendation", _("Letter of Commendation (Giấy khen)")
    NONE = "none", _("Not commended")


class CommendationEntry(models.Model):
    """One bright spot on a proposal, and what the Council decided for it."""

    proposal = models.ForeignKey(
        CommendationProposal, models.CASCADE, related_name="entries", verbose_name=_("proposal")
    )
    recognition = models.ForeignKey(
        "recognition.Recognition",
        models.PROTECT,
        related_name="commendation_entries",
        verbose_name=_("recognition"),
    )
    position = models.PositiveIntegerField(_("line"))
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.PENDING
    )
    outcome_reference = models.CharField(
        _("decision on the commendation"), max_length=150, blank=True
    )
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("proposed bright spot")
        verbose_name_plural = _("proposed bright spots")
        ordering = ["proposal", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "recognition"], name="commendation_entry_once"
            ),
        ]

    def __str__(self):
        return f"{self.proposal} · {self.recognition.dossier}"


class UnitCommendation(models.Model):
    """A unit commends one of its effective bright spots for the year (R22), and records it."""

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="commendations", verbose_name=_("unit")
    )
    bright_spot = models.ForeignKey(
        "registry.BrightSpot",
        models.PROTECT,
        related_name="commendations",
        verbose_name=_("bright spot"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    form = models.CharField(
        _("form of commendation"),
        max_length=200,
        help_text=_("e.g. Giấy khen của Chủ tịch UBND xã"),
    )
    reference = models.CharField(_("number and date of the decision"), max_length=150, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("unit commendation")
        verbose_name_plural = _("unit commendations")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bright_spot", "year"], name="unit_commendation_once_a_year"
            )
        ]

    def __str__(self):
        return f"{self.bright_spot} · {self.year}"

    def save(self, *args, **kwargs):
        self.form, self.reference = nfc(self.form).strip(), nfc(self.reference).strip()
        self.note = nfc(self.note).strip()
        super().save(*args, **kwargs)
