"""CSV downloads that Excel opens correctly in Vietnamese and that cannot carry formulas."""

import csv

from django.http import StreamingHttpResponse

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
