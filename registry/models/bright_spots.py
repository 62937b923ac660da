"""Bright spots (R5), the unit's yearly list (R7), routing snapshots (R8) and review (R10)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import fold, nfc, sort_key
from core.uploads import upload_path
from organisation.models import Field, Level
from registry.models.periods import Timeliness


class Registration(models.Model):
    """A unit's list of bright spots for a year, submitted in one action (R7, R9)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not submitted")
        SUBMITTED = "submitted", _("Submitted")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="registrations", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
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
    # The registration dispatch as the unit signed it (issue 13): a PDF uploaded back.
    dispatch_file = models.FileField(
        _("signed registration dispatch"), upload_to=upload_path, max_length=200, blank=True
    )
    dispatch_file_name = models.CharField(max_length=200, blank=True)
    dispatch_uploaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration list")
        verbose_name_plural = _("registration lists")
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="registration_one_per_unit_year"),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(submitted_at__isnull=False, timeliness__in=Timeliness.values),
                name="registration_submitted_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.unit} · {self.year}"


class BrightSpot(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    EDITABLE = (Status.DRAFT, Status.RETURNED)
    LIVE = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED)

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="bright_spots", verbose_name=_("unit")
    )
    registration = models.ForeignKey(
        Registration,
        models.PROTECT,
        related_name="bright_spots",
        verbose_name=_("registration list"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    field = models.CharField(_("field"), max_length=4, choices=Field.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    name = models.CharField(_("name of the bright spot"), max_length=300)
    address = models.CharField(
        _("address"),
        max_length=300,
        help_text=_("Where the bright spot is built: village, hamlet, office…"),
    )
    objectives = models.TextField(_("objectives"))
    plan = models.TextField(
        _("implementation plan"), help_text=_("The steps and how they will be carried out.")
    )
    plan_file = models.FileField(
        _("plan document"), upload_to=upload_path, max_length=200, blank=True
    )
    plan_file_name = models.CharField(max_length=200, blank=True)
    continues = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="continued_by",
        verbose_name=_("continues"),
        help_text=_("The bright spot of an earlier year that this one carries on."),
    )
    replicates = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="replications",
        verbose_name=_("replicates"),
        help_text=_("A recognized bright spot whose model this one applies here."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Routing fixed at submission (R8): later changes of the routing rules do not rewrite history.
    recipient = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox",
        verbose_name=_("steering committee"),
    )
    via = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_via",
        verbose_name=_("through"),
    )
    copy_to = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="inbox_copy",
        verbose_name=_("copy to"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    timeliness = models.CharField(
        _("timeliness"), max_length=10, choices=Timeliness.choices, blank=True
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    # Bumped by every change of state: a decision taken on a stale page is refused (R31).
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")
    name_sort = models.CharField(max_length=600, editable=False, default="")

    class Meta:
        verbose_name = _("bright spot")
        verbose_name_plural = _("bright spots")
        ordering = ["name_sort"]
        indexes = [
            models.Index(fields=["recipient", "year", "status"], name="bright_spot_inbox_idx"),
            models.Index(fields=["province", "year", "field"], name="bright_spot_province_idx"),
            models.Index(fields=["unit", "year"], name="bright_spot_unit_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(submitted_at__isnull=False, recipient__isnull=False),
                name="bright_spot_submitted_is_routed",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["accepted", "returned"]) | Q(reviewed_at__isnull=False),
                name="bright_spot_reviewed_has_time",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="bright_spot_progress_percent"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name, self.address = nfc(self.name).strip(), nfc(self.address).strip()
        self.objectives, self.plan = nfc(self.objectives).strip(), nfc(self.plan).strip()
        self.search_text = fold(f"{self.name} {self.address}")
        self.name_sort = sort_key(self.name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "name_sort"}
        super().save(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class StaffInCharge(models.Model):
    """A person in charge of monitoring and directing the bright spot (R5)."""

    bright_spot = models.ForeignKey(BrightSpot, models.CASCADE, related_name="staff")
    name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=150)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("staff in charge")
        verbose_name_plural = _("staff in charge")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name} ({self.position})"

    def save(self, *args, **kwargs):
        self.name, self.position = nfc(self.name).strip(), nfc(self.position).strip()
        super().save(*args, **kwargs)
