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


class LevelWindows:
    """A province's recognition windows of one year, asked per unit (R16, R40): the province's,
    and every level's own. A unit's window is its recognizing level's own, or the nearest above,
    else the province's. Two queries; the units' ancestors only when a level has its own."""

    def __init__(self, province, year: int):
        self.province, self.year = province, year
        self.default = window_of(province_window(province.pk, year))
        self.own = {
            p.level_unit_id: window_of(p)
            for p in RecognitionPeriod.objects.filter(
                province=province, year=year, level_unit__isnull=False
            )
        }
        self._known: dict = {}

    def all(self) -> list[Window]:
        return [self.default, *self.own.values()]

    def prepare(self, units) -> None:
        """Read the ancestors of `units` in one query, before asking `of_unit` for each."""
        if not self.own:
            return
        from organisation.models import Unit

        wanted = {pk for unit in units for pk in unit.ancestor_ids} - self._known.keys()
        self._known.update(Unit.objects.in_bulk(wanted))

    def of_unit(self, unit) -> Window:
        if not self.own:
            return self.default
        levels = level_units(unit, date(self.year, 10, 15), self._known or None)
        level = next(iter(levels.values()), None)
        if level is None or level.parent_id is None:
            return self.default
        for pk in reversed(level.ancestor_ids):
            if pk in self.own:
                return self.own[pk]
        return self.default
