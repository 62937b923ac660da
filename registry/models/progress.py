"""During the year (R11): milestones of the plan, progress entries with evidence, and the unit's
annual summary report."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from core.uploads import upload_path
from registry.models.bright_spots import BrightSpot
from registry.models.periods import Timeliness


class Milestone(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    bright_spot = models.ForeignKey(BrightSpot, models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=300)
    due = models.DateField(_("due by"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="milestone_percent_at_most_100"
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(percent=100), name="milestone_done_is_100"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title).strip()
        super().save(*args, **kwargs)


class ProgressEntry(models.Model):
    """A preliminary review note on a bright spot, with optional evidence (R11)."""

    bright_spot = models.ForeignKey(BrightSpot, models.CASCADE, related_name="progress_entries")
    milestone = models.ForeignKey(
        Milestone,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("milestone"),
    )
    day = models.DateField(_("date"))
    text = models.TextField(_("what was done"))
    evidence = models.FileField(_("evidence"), upload_to=upload_path, max_length=200, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progress entry")
        verbose_name_plural = _("progress entries")
        ordering = ["-day", "-pk"]

    def __str__(self):
        return f"{self.bright_spot} · {self.day:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.text = nfc(self.text).strip()
        super().save(*args, **kwargs)


class AnnualReport(models.Model):
    """The unit's summary of its bright spots for the year, due by 30 November (R11)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="annual_reports", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("overall results"), blank=True)
    next_year_plan = models.TextField(_("plan for next year"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    timeliness = models.CharField(
        _("timeliness"), max_length=10, choices=Timeliness.choices, blank=True
    )
    # The report as the unit signed it (issue 13): a PDF uploaded back.
    signed_file = models.FileField(
        _("signed report"), upload_to=upload_path, max_length=200, blank=True
    )
    signed_file_name = models.CharField(max_length=200, blank=True)
    signed_uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year"], name="annual_report_one_per_unit_year"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="annual_report_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.unit} · {self.year}"

    def save(self, *args, **kwargs):
        self.summary, self.next_year_plan = (
            nfc(self.summary).strip(),
            nfc(self.next_year_plan).strip(),
        )
        super().save(*args, **kwargs)


class AnnualReportItem(models.Model):
    """The year's results of one bright spot, and what comes next for it."""

    report = models.ForeignKey(AnnualReport, models.CASCADE, related_name="items")
    bright_spot = models.ForeignKey(BrightSpot, models.PROTECT, related_name="report_items")
    results = models.TextField(_("results this year"))
    next_steps = models.TextField(_("plan for next year"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "bright_spot"], name="report_item_one_per_bright_spot"
            )
        ]

    def __str__(self):
        return f"{self.report} · {self.bright_spot}"

    def save(self, *args, **kwargs):
        self.results, self.next_steps = nfc(self.results).strip(), nfc(self.next_steps).strip()
        super().save(*args, **kwargs)
