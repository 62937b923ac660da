"""Criteria of bright spots (R12–R15): versioned data, one set per field from a given year."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from organisation.models import Field


class CriteriaSet(models.Model):
    """The general and specific criteria of one field, valid from a year until a newer set.

    A dossier keeps the set it was assessed against; a set already used is never edited in
    place — a new version is made instead (`recognition.services.criteria_set_new_version`). The
    older version stays, inactive, for the dossiers that used it.
    """

    province = models.ForeignKey(
        "organisation.Province",
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("province"),
        help_text=_("Empty: the set shipped with the app, used by every province."),
    )
    field = models.CharField(_("field"), max_length=4, choices=Field.choices)
    valid_from_year = models.PositiveSmallIntegerField(_("valid from year"))
    version = models.CharField(_("version"), max_length=100)
    source = models.CharField(_("source document"), max_length=300, blank=True)
    active = models.BooleanField(
        _("in force"),
        default=True,
        help_text=_(
            "A set replaced by a newer version stays for the dossiers assessed against it."
        ),
    )
    previous = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="next_versions",
        verbose_name=_("previous version"),
    )

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["field", "-valid_from_year"]
        constraints = [
            # One set in force per field and year; replaced versions are kept beside it.
            models.UniqueConstraint(
                fields=["field", "valid_from_year"],
                condition=models.Q(province=None, active=True),
                name="criteria_set_shipped_one_per_year",
            ),
            models.UniqueConstraint(
                fields=["province", "field", "valid_from_year"],
                condition=models.Q(active=True),
                name="criteria_set_one_per_year",
            ),
        ]

    def __str__(self):
        return f"{self.get_field_display()} · {self.version}"

    @property
    def is_used(self) -> bool:
        """True once a recognition dossier was assessed against this set: it is then frozen."""
        return self.dossiers.exists()


class Criterion(models.Model):
    class Group(models.TextChoices):
        GENERAL = "general", _("General criteria")
        SPECIFIC = "specific", _("Specific criteria")

    criteria_set = models.ForeignKey(
        CriteriaSet, models.CASCADE, related_name="criteria", verbose_name=_("criteria set")
    )
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    number = models.PositiveSmallIntegerField(_("number"))
    text_vi = models.TextField(_("text in Vietnamese"))
    text_en = models.TextField(_("text in English"))
    # The criteria each bright spot aims to meet (R5). Declared here, on the criteria's side, so
    # that registration knows nothing of criteria; the table is the one it always was.
    bright_spots = models.ManyToManyField(
        "registry.BrightSpot",
        blank=True,
        related_name="criteria",
        db_table="registry_brightspot_criteria",
        verbose_name=_("bright spots targeting it"),
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criteria_set", "group", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "group", "number"], name="criterion_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.text}"

    @property
    def code(self) -> str:
        prefix = "C" if self.group == self.Group.GENERAL else self.criteria_set.field.upper()
        return f"{prefix}{self.number}"

    @property
    def text(self) -> str:
        """The text in the reader's language."""
        return self.text_en if (get_language() or "vi").startswith("en") else self.text_vi
