"""CSV downloads that Excel opens correctly in Vietnamese and that cannot carry formulas."""

import csv
from datetime import datetime

from django.http import StreamingHttpResponse
from django.utils import timezone

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ISO 8601: every spreadsheet, in every locale, reads these as dates and times (dd/mm/yyyy is
# read as mm/dd/yyyy by an English one, or left as text).
ISO_DATE = "%Y-%m-%d"
ISO_DATETIME = "%Y-%m-%d %H:%M"


def iso(value) -> str:
    """A date or an aware/naive datetime (in the programme's time zone) as ISO 8601 text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime(ISO_DATETIME)
    return value.strftime(ISO_DATE)


def stamp(moment=None) -> str:
    """The moment of production for a file name: 20261202-1740 (local time)."""
    return timezone.localtime(moment or timezone.now()).strftime("%Y%m%d-%H%M")


def safe_cell(value) -> str:
    """A cell as text; one that a spreadsheet would run as a formula is prefixed with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    def write(self, value):
        return value


def stream_csv(filename: str, header: list, rows) -> StreamingHttpResponse:
    """Stream rows as UTF-8 CSV with a byte-order mark, so no request builds the file in memory."""
    writer = csv.writer(_Echo())

    def lines():
        yield BOM + writer.writerow([safe_cell(h) for h in header])
        for row in rows:
            yield writer.writerow([safe_cell(cell) for cell in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
