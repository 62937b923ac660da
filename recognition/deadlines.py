"""Every deadline of recognition, in one place (R16): dossiers are accepted from 15 October to
30 November unless an administrator set other dates for the province and year; extensions as for
registration (R9). The window is a `registry.deadlines.Window`, asked the same questions."""

from datetime import date

from recognition.models import RecognitionPeriod
from registry.deadlines import Window
from registry.models import Extension


def default_recognition_window(year: int) -> tuple[date, date]:
    """15 October (the traditional day of mass mobilization work) to 30 November (R16)."""
    return date(year, 10, 15), date(year, 11, 30)


def recognition_period_for(province, year: int) -> RecognitionPeriod:
    period = RecognitionPeriod.objects.filter(province=province, year=year).first()
    if period is None:
        opens, closes = default_recognition_window(year)
        period = RecognitionPeriod(province=province, year=year, opens=opens, closes=closes)
    return period


def window_of(period: RecognitionPeriod) -> Window:
    return Window(
        period.province_id, period.year, Extension.Kind.RECOGNITION, period.opens, period.closes
    )


def recognition_window(province, year: int) -> Window:
    return window_of(recognition_period_for(province, year))
