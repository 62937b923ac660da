"""Which recognition window applies (R16): 15 October to 30 November unless an administrator
set other dates for the province and year. Extensions as for registration (R9)."""

from recognition.models import RecognitionPeriod, default_recognition_window
from registry.models import Window


def recognition_period_for(province, year: int) -> RecognitionPeriod:
    period = RecognitionPeriod.objects.filter(province=province, year=year).first()
    if period is None:
        opens, closes = default_recognition_window(year)
        period = RecognitionPeriod(province=province, year=year, opens=opens, closes=closes)
    return period


def recognition_window(province, year: int) -> Window:
    return recognition_period_for(province, year).window()
