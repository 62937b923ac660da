"""Registration periods, deadlines and extensions (R6, R9, R11).

A deadline date is inclusive: a submission is on time until 23:59:59 of that date in
Asia/Ho_Chi_Minh, measured by the server's clock.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from brightspots.text import nfc


def default_registration_deadline(year: int) -> date:
    """30 March, except 2022 whose deadline was 15 June 2022 (R6)."""
    return date(2022, 6, 15) if year == 2022 else date(year, 3, 30)


def default_report_deadline(year: int) -> date:
    return date(year, 11, 30)


def end_of_day(day: date) -> datetime:
    """The first instant after `day` in the programme's time zone: the deadline is before it."""
    return datetime.combine(
        day + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone()
    )


class RegistrationPeriod(models.Model):
    """One province's year: the registration deadline and the annual report deadline."""

    province = models.ForeignKey("registry.Province", models.PROTECT, verbose_name=_("province"))
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

    def registration(self) -> "Window":
        return Window(self.province_id, self.year, Extension.Kind.REGISTRATION, None, self.deadline)

    def annual_report(self) -> "Window":
        return Window(
            self.province_id, self.year, Extension.Kind.ANNUAL_REPORT, None, self.report_deadline
        )


class Extension(models.Model):
    """More time for one unit, granted by committee staff with a reason (R9)."""

    class Kind(models.TextChoices):
        REGISTRATION = "registration", _("Registration")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        RECOGNITION = "recognition", _("Recognition dossier")

    province = models.ForeignKey("registry.Province", models.PROTECT, verbose_name=_("province"))
    unit = models.ForeignKey(
        "registry.Unit", models.PROTECT, related_name="extensions", verbose_name=_("unit")
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


@dataclass(frozen=True)
class Admission:
    """The answer to "may this unit submit now?"."""

    allowed: bool
    timeliness: str | None = None
    extension: Extension | None = None


@dataclass(frozen=True)
class Window:
    """A submission window: open until the end of `closes` (inclusive), or an extension's date.

    Views, services and reminders all ask this object; nobody compares dates themselves.
    """

    province_id: int
    year: int
    kind: str
    opens: date | None
    closes: date

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        started = self.opens is None or now >= end_of_day(self.opens - timedelta(days=1))
        return started and now < end_of_day(self.closes)

    def extension_for(self, unit) -> Extension | None:
        return Extension.objects.filter(unit=unit, year=self.year, kind=self.kind).first()

    def admit(self, unit, now: datetime | None = None) -> Admission:
        now = now or timezone.now()
        if self.is_open(now):
            return Admission(True, Timeliness.ON_TIME)
        if self.opens is not None and now < end_of_day(self.opens - timedelta(days=1)):
            return Admission(False)
        extension = self.extension_for(unit)
        if extension and now < end_of_day(extension.until):
            return Admission(True, Timeliness.EXTENDED, extension)
        return Admission(False, extension=extension)

    def days_left(self, today: date | None = None) -> int:
        """Whole days until the closing date (0 on the day itself, negative once past)."""
        return (self.closes - (today or timezone.localdate())).days
