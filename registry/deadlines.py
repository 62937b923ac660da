"""Every deadline of registration, in one place (R6, R9, R11).

A deadline date is inclusive: a submission is on time until 23:59:59 of that date in
Asia/Ho_Chi_Minh, measured by the server's clock. A `Window` answers every question about one
deadline — is it open, may this unit submit now (its extension included), how many days are
left — and views, services and reminders all ask it; nobody compares dates themselves.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from registry.models import Extension, RegistrationPeriod, Timeliness


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


def period_for(province, year: int) -> RegistrationPeriod:
    """The province's period for the year; the defaults (30 March, 30 November) until an
    administrator sets other dates."""
    period = RegistrationPeriod.objects.filter(province=province, year=year).first()
    return period or RegistrationPeriod(
        province=province,
        year=year,
        deadline=default_registration_deadline(year),
        report_deadline=default_report_deadline(year),
    )


def registration_window(period: RegistrationPeriod) -> Window:
    """Submitting the year's list (R6, R9)."""
    return Window(
        period.province_id, period.year, Extension.Kind.REGISTRATION, None, period.deadline
    )


def annual_report_window(period: RegistrationPeriod) -> Window:
    """Submitting the annual summary report (R11)."""
    return Window(
        period.province_id, period.year, Extension.Kind.ANNUAL_REPORT, None, period.report_deadline
    )
