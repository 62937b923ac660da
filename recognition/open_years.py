"""Recognition's windows for choosing the year a page opens on (R37, core.years): the
province's window of each year (R16), later for a unit whose extension runs longer (R9)."""

from core import years
from organisation.scope import scope_for
from recognition.deadlines import default_recognition_window
from recognition.models import RecognitionPeriod
from registry.models import Extension


@years.register_open_year
def recognition_windows(user, today) -> list[years.YearWindow]:
    scope = scope_for(user)
    provinces = scope.province_ids
    if not provinces:
        return []
    span = range(today.year - 1, today.year + 2)
    periods = {
        p.year: p
        for p in RecognitionPeriod.objects.filter(
            province_id__in=provinces, year__in=span, level_unit=None
        ).order_by("year", "province_id")
    }
    extended = {}
    if scope.official_units:
        for ext in Extension.objects.filter(
            unit__in=scope.official_units, year__in=span, kind=Extension.Kind.RECOGNITION
        ):
            extended[ext.year] = max(ext.until, extended.get(ext.year, ext.until))
    windows = []
    for year in span:
        period = periods.get(year)
        opens, closes = (
            (period.opens, period.closes) if period else default_recognition_window(year)
        )
        closes = max(closes, extended.get(year, closes))
        windows.append(years.YearWindow(year, years.RECOGNITION, opens, closes))
    return windows
