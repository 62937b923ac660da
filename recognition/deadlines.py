"""Every deadline of recognition, in one place (R16): dossiers are accepted from 15 October to
30 November unless an administrator set other dates for the province and year; extensions as for
registration (R9). The window is a `registry.deadlines.Window`, asked the same questions."""

from datetime import date

from organisation.routing import level_units
from recognition.models import RecognitionPeriod
from recognition.models.settings import province_window
from registry.deadlines import Window
from registry.models import Extension


def default_recognition_window(year: int) -> tuple[date, date]:
    """15 October (the traditional day of mass mobilization work) to 30 November (R16)."""
    return date(year, 10, 15), date(year, 11, 30)


def recognition_period_for(province, year: int, level_unit=None) -> RecognitionPeriod:
    """The window that applies to a level (R16, R40): the nearest own window of the level or a
    level above it, else the province's (15 October – 30 November unless moved)."""
    if level_unit is not None and level_unit.parent_id is not None:
        own = {
            p.level_unit_id: p
            for p in RecognitionPeriod.objects.filter(
                province=province, year=year, level_unit_id__in=level_unit.ancestor_ids
            ).select_related("level_unit")
        }
        for pk in reversed(level_unit.ancestor_ids):
            if pk in own:
                return own[pk]
    return province_window(province.pk, year)


def recognition_period_of_unit(unit, year: int) -> RecognitionPeriod:
    """The window of the level that usually recognizes the unit's bright spots (R40)."""
    levels = level_units(unit, date(year, 10, 15))
    return recognition_period_for(unit.province, year, next(iter(levels.values()), None))


def window_of(period: RecognitionPeriod) -> Window:
    return Window(
        period.province_id, period.year, Extension.Kind.RECOGNITION, period.opens, period.closes
    )


def recognition_window(province, year: int) -> Window:
    return window_of(recognition_period_for(province, year))
