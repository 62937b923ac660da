"""Registration periods and extensions (R6, R9, R11): the dates an administrator or a committee
set. What they mean for a submission is in `registry.deadlines`."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc


class RegistrationPeriod(models.Model):
    """One province's year: the registration deadline and the annual report deadline."""

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    deadline = models.DateField(_("registration deadline"))
    report_deadline = models.DateField(_("annual report deadline"))

    class Meta:
        verbose_name = _("registration period")
        verbose_name_plural = _("registration periods")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year"], name="period_one_per_province_year"
            )
        ]

    def __str__(self):
        return f"{self.province} {self.year}"


class Extension(models.Model):
    """More time for one unit, granted by committee staff with a reason (R9)."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        RECOGNITION = "recognition", _("Recognition dossier")

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, verbose_name=_("province")
    )
    unit = models.ForeignKey(
        "organisation.Unit", models.PROTECT, related_name="extensions", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(
        _("for"), max_length=20, choices=Kind.choices, default=Kind.REGISTRATION
    )
    until = models.DateField(_("until"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("granted by")
    )
    granted_at = models.DateTimeField(_("granted"), default=timezone.now)

    class Meta:
        verbose_name = _("extension")
        verbose_name_plural = _("extensions")
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "kind"], name="extension_one_per_unit_year_kind"
            )
        ]

    def __str__(self):
        return f"{self.unit} · {self.get_kind_display()} · {self.until:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.reason = nfc(self.reason).strip()
        super().save(*args, **kwargs)


class Timeliness(models.TextChoices):
    ON_TIME = "on_time", _("On time")
    EXTENDED = "extended", _("Late, under an extension")
