"""The registry's windows for choosing the year a page opens on (R37, core.years).

Registration for a year begins the day after the previous year's annual report deadline
(1 December by default: the year's work is reported, the next year's list can be drawn up) and
ends with the registration deadline (R6), or later for a unit whose extension runs longer (R9).
"""

from datetime import timedelta

from core import years
from organisation.scope import scope_for
from registry.deadlines import default_registration_deadline, default_report_deadline
from registry.models import Extension, RegistrationPeriod


@years.register_open_year
def registration_windows(user, today) -> list[years.YearWindow]:
    scope = scope_for(user)
    provinces = scope.province_ids
    if not provinces:
        return []
    span = range(today.year - 1, today.year + 2)
    periods = {
        p.year: p
        for p in RegistrationPeriod.objects.filter(
            province_id__in=provinces, year__in=[span[0] - 1, *span]
        ).order_by("year", "province_id")
    }
    extended = {}
    if scope.official_units:
        for ext in Extension.objects.filter(
            unit__in=scope.official_units, year__in=span, kind=Extension.Kind.REGISTRATION
        ):
            extended[ext.year] = max(ext.until, extended.get(ext.year, ext.until))

    def deadline(year):
        return periods[year].deadline if year in periods else default_registration_deadline(year)

    def report_deadline(year):
        period = periods.get(year)
        return period.report_deadline if period else default_report_deadline(year)

    windows = []
    for year in span:
        closes = max(deadline(year), extended.get(year, deadline(year)))
        opens = report_deadline(year - 1) + timedelta(days=1)
        windows.append(years.YearWindow(year, years.REGISTRATION, opens, closes))
    return windows
