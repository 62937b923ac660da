"""CSV downloads of the summary's tables: UTF-8 with a byte-order mark so that Excel shows the
Vietnamese text, cells that would run as formulas neutralised (`core.csv`), streamed
row by row as they are read.

A CSV holds one table with its header on the first line, so that a spreadsheet imports it as a
table; the scope, years and moment it was produced are in its file name (the workbook states them
on its README sheet). Dates and times are ISO 8601 (yyyy-mm-dd, yyyy-mm-dd hh:mm), which no
spreadsheet reads with day and month swapped, whatever its locale.
"""

import csv
import io

from core.csv import BOM, ISO_DATE, ISO_DATETIME, safe_cell
from reporting.exports import tables
from reporting.exports.base import Exporter, ExportRequest


class CsvTable(Exporter):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"
    streamed = True
    several_provinces = True

    def __init__(self, table: tables.Table):
        self.table = table
        self.identifier = f"csv-{table.identifier}"

    def lines(self, request: ExportRequest):
        """The header, then the rows: lists of cells."""
        yield [c.label for c in self.table.columns(request)]
        yield from self.data(request)

    def data(self, request: ExportRequest):
        if self.table is tables.OVERVIEW:
            totals: dict = {}
            for area in request.areas:
                tables.OVERVIEW.accumulate(totals, request.summaries(area))
            for indent, _section, row in tables.OVERVIEW.rows_from(request, totals):
                yield ["  " * indent + row[0], *row[1:]]
            return
        columns = self.table.columns(request)
        for area in request.areas:
            plain = (tables.BY_IDENTIFIER["bright-spots"], tables.BY_IDENTIFIER["recognized"])
            summaries = None if self.table in plain else request.summaries(area)
            for row in self.table.rows(request, area, summaries):
                yield [_cell(c, v) for c, v in zip(columns, row, strict=True)]

    def render(self, request: ExportRequest, output, progress) -> None:
        text = io.TextIOWrapper(output, encoding="utf-8", newline="", write_through=True)
        text.write(BOM)
        writer = csv.writer(text)
        for line in self.lines(request):
            writer.writerow([safe_cell(cell) for cell in line])
        text.flush()
        text.detach()
        progress(1.0)


def _cell(column: tables.Column, value):
    if value is None:
        return ""
    if column.kind == tables.DATE:
        return value.strftime(ISO_DATE)
    if column.kind == tables.DATETIME:
        return value.strftime(ISO_DATETIME)
    return value
