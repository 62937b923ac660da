"""Which deadlines apply: the year's registration period, with its defaults (R6)."""

from django.utils import timezone

from registry.models import Field, RegistrationPeriod
from registry.models.periods import default_registration_deadline, default_report_deadline


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


def current_year() -> int:
    return timezone.localdate().year


def missing_fields(bright_spots) -> list[str]:
    """The fields (R7) without any live bright spot among `bright_spots`."""
    present = {b.field for b in bright_spots}
    return [field for field in Field.values if field not in present]
