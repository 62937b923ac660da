"""The recognition dossier of a bright spot (R17) and the unit's assessment of each criterion."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from core.uploads import upload_path
from organisation.models import Field
from registry.models import Timeliness


class Dossier(models.Model):
    """Three parts, all required before submission (R17): the achievement report assessed
    criterion by criterion, the evaluation by the Mass Mobilization Committee or the officers in
    charge, and the official dispatch requesting recognition."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being prepared")
        SUBMITTED = "submitted", _("Submitted for review")
        SUPPLEMENT = "supplement", _("Supplement requested")
        PROPOSED = "proposed", _("Proposed for recognition")
        NOT_RECOGNIZED = "not_recognized", _("Not proposed for recognition")
        RECOGNIZED = "recognized", _("Recognized")

    EDITABLE = (Status.DRAFT, Status.SUPPLEMENT)

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="dossiers", verbose_name=_("unit")
    )
    bright_spot = models.OneToOneField(
        "registry.BrightSpot",
        models.PROTECT,
        related_name="dossier",
        verbose_name=_("bright spot"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    field = models.CharField(_("field"), max_length=4, choices=Field.choices)
    # The steering committee that reviews it: the bright spot's recipient when it was submitted.
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        related_name="dossiers",
        verbose_name=_("committee"),
    )
    criteria_set = models.ForeignKey(
        "recognition.CriteriaSet",
        models.PROTECT,
        related_name="dossiers",
        verbose_name=_("criteria version"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )

    # Part 1: the achievement report (the criteria are assessed in Assessment rows).
    method = models.TextField(_("method"), blank=True)
    experience = models.TextField(_("experience drawn"), blank=True)
    effectiveness = models.TextField(_("effectiveness"), blank=True)
    spread = models.TextField(_("spread"), blank=True)
    report_file = models.FileField(
        _("signed report"), upload_to=upload_path, max_length=200, blank=True
    )
    report_file_name = models.CharField(max_length=200, blank=True)

    # Part 2: the evaluation by the Mass Mobilization Committee / officers in charge.
    evaluation_by = models.CharField(_("evaluated by"), max_length=300, blank=True)
    evaluation_summary = models.TextField(_("summary of the evaluation"), blank=True)
    evaluation_file = models.FileField(
        _("evaluation document"), upload_to=upload_path, max_length=200, blank=True
    )
    evaluation_file_name = models.CharField(max_length=200, blank=True)

    # Part 3: the official dispatch requesting recognition.
    dispatch_number = models.CharField(_("number and symbol"), max_length=60, blank=True)
    dispatch_date = models.DateField(_("date of the dispatch"), null=True, blank=True)
    dispatch_signer = models.CharField(_("signed by"), max_length=150, blank=True)
    dispatch_file = models.FileField(
        _("dispatch document"), upload_to=upload_path, max_length=200, blank=True
    )
    dispatch_file_name = models.CharField(max_length=200, blank=True)

    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    timeliness = models.CharField(
        _("timeliness"), max_length=10, choices=Timeliness.choices, blank=True
    )

    # The current supplement request (R18); earlier ones are in the audit log.
    supplement_note = models.TextField(_("what to supplement"), blank=True)
    supplement_due = models.DateField(_("supplement due by"), null=True, blank=True)

    # The committee's proposal (R18, R19): recognize, or not with reasons the unit sees.
    proposed_at = models.DateTimeField(_("proposed"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    proposal_reasons = models.TextField(_("reasons"), blank=True)

    # The Decision in force that recognized it (none after an annulment).
    decision = models.ForeignKey(
        "recognition.Decision",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dossiers",
        verbose_name=_("Decision"),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    # Bumped by every change: a change made on a stale page is refused (R31).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("recognition dossier")
        verbose_name_plural = _("recognition dossiers")
        ordering = ["-year", "pk"]
        indexes = [
            models.Index(fields=["committee", "year", "status"], name="dossier_committee_idx"),
            models.Index(fields=["unit", "year"], name="dossier_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="recognized", decision__isnull=False)
                | (~Q(status="recognized") & Q(decision__isnull=True)),
                name="dossier_recognized_has_decision",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(first_submitted_at__isnull=False, submitted_at__isnull=False),
                name="dossier_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status="not_recognized") | ~Q(proposal_reasons=""),
                name="dossier_not_recognized_has_reasons",
            ),
            models.CheckConstraint(
                condition=~Q(status="supplement") | Q(supplement_due__isnull=False),
                name="dossier_supplement_has_due_date",
            ),
        ]

    def __str__(self):
        return str(self.bright_spot)

    def save(self, *args, **kwargs):
        for name in ("method", "experience", "effectiveness", "spread", "evaluation_by",
                     "evaluation_summary", "dispatch_number", "dispatch_signer",
                     "supplement_note", "proposal_reasons"):  # fmt: skip
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class AchievementLevel(models.TextChoices):
    ACHIEVED = "achieved", _("Achieved")
    PARTLY = "partly", _("Partly achieved")
    NOT_ACHIEVED = "not_achieved", _("Not achieved")


class Assessment(models.Model):
    """Part 1 of the dossier for one criterion: the level the unit reached, and its evidence."""

    dossier = models.ForeignKey(Dossier, models.CASCADE, related_name="assessments")
    criterion = models.ForeignKey(
        "recognition.Criterion", models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    level = models.CharField(
        _("level reached"), max_length=12, choices=AchievementLevel.choices, blank=True
    )
    text = models.TextField(_("how it was reached"), blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("Figures, documents, minutes that show it.")
    )

    class Meta:
        verbose_name = _("criterion assessment")
        verbose_name_plural = _("criterion assessments")
        ordering = ["criterion__group", "criterion__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["dossier", "criterion"], name="assessment_one_per_criterion"
            )
        ]

    def __str__(self):
        return f"{self.dossier} · {self.criterion.code}"

    def save(self, *args, **kwargs):
        self.text, self.evidence = nfc(self.text).strip(), nfc(self.evidence).strip()
        super().save(*args, **kwargs)

    @property
    def is_complete(self) -> bool:
        return bool(self.level and self.text)
