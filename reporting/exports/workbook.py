"""The Excel workbook of the annual summary (R23): overview, by locality, by unit, bright spots,
units not compliant. Frozen headers, filters, column widths, Vietnamese text.

Written with XlsxWriter in constant-memory mode: each row goes to disk once the next one starts,
so the national five-year workbook (150,000 bright spots) takes the same memory as one province's
(bench/reporting.py measures both).
"""

import xlsxwriter
from django.utils.translation import gettext as _

from reporting.exports import tables
from reporting.exports.base import Exporter, ExportRequest

HEADER_ROW = 2  # row 0 states the scope, year and moment; row 1 is blank
PROGRESS_EVERY = 5000


class _Sheet:
    """One worksheet written top to bottom."""

    def __init__(self, book: "_Book", title: str, columns: list[tables.Column], caption: str):
        self.book, self.columns = book, columns
        self.kinds = [column.kind for column in columns]
        self.formats = {tables.DATE: book.date, tables.DATETIME: book.datetime}
        self.sheet = book.workbook.add_worksheet(title[:31])
        for index, column in enumerate(columns):
            self.sheet.set_column(index, index, column.width)
        self.sheet.write_string(0, 0, caption, book.caption)
        self.next_row = HEADER_ROW

    def header(self) -> None:
        for index, column in enumerate(self.columns):
            self.sheet.write_string(self.next_row, index, column.label, self.book.header)
        self.header_row = self.next_row
        self.sheet.freeze_panes(self.next_row + 1, 0)
        self.sheet.set_row(self.next_row, 45)
        self.next_row += 1

    def write(self, values, text_format=None) -> None:
        # Counts are written without a number format: Excel shows whole numbers as they are, and
        # a format on each of the national workbook's millions of cells costs a third of its time.
        # The rows and columns are ours and in range, so XlsxWriter's cell-reference wrapper is
        # skipped (its private writers take the same arguments).
        row, sheet = self.next_row, self.sheet
        for index, (kind, value) in enumerate(zip(self.kinds, values, strict=True)):
            if value is None or value == "":
                continue
            if kind == tables.INT:
                sheet._write_number(row, index, value)
            elif kind == tables.TEXT:
                sheet._write_string(row, index, str(value), text_format)
            else:
                sheet._write_datetime(row, index, value, self.formats[kind])
        self.next_row += 1

    def close(self) -> None:
        last = max(self.next_row - 1, self.header_row)
        self.sheet.autofilter(self.header_row, 0, last, len(self.columns) - 1)


class _Book:
    def __init__(self, output):
        self.workbook = xlsxwriter.Workbook(
            output,
            {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
        )
        add = self.workbook.add_format
        self.caption = add({"italic": True, "font_color": "#444444"})
        self.title = add({"bold": True, "font_size": 14})
        self.label = add({"bold": True})
        self.header = add(
            {
                "bold": True,
                "text_wrap": True,
                "valign": "vcenter",
                "bg_color": "#F4DEDC",
                "border": 1,
            }
        )
        self.section = add({"bold": True, "bg_color": "#EEEEEE"})
        self.indented = add({"indent": 1})
        self.date = add({"num_format": "dd/mm/yyyy"})
        self.datetime = add({"num_format": "dd/mm/yyyy hh:mm"})


class Workbook(Exporter):
    identifier = "workbook"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    several_provinces = True

    def render(self, request: ExportRequest, output, progress) -> None:
        book = _Book(output)
        caption = " · ".join(f"{label}: {value}" for label, value in request.statement())
        overview = self._overview_sheet(book, request)
        sheets = []
        for table in tables.TABLES:
            sheet = _Sheet(book, str(table.title), table.columns(request), caption)
            sheet.header()
            sheets.append((table, sheet))
        totals: dict = {}
        for done, area in enumerate(request.areas):
            summaries = request.summaries(area)
            tables.OVERVIEW.accumulate(totals, summaries)
            for table, sheet in sheets:
                for count, row in enumerate(table.rows(request, area, summaries), start=1):
                    sheet.write(row)
                    if count % PROGRESS_EVERY == 0:
                        progress((done + 0.5) / len(request.areas))
            progress((done + 1) / len(request.areas))
        for indent, is_section, row in tables.OVERVIEW.rows_from(request, totals):
            overview.write(row, book.section if is_section else (book.indented if indent else None))
        overview.close()
        for _table, sheet in sheets:
            sheet.close()
        book.workbook.close()

    def _overview_sheet(self, book: _Book, request: ExportRequest) -> _Sheet:
        columns = tables.OVERVIEW.columns(request)
        sheet = _Sheet(book, str(tables.OVERVIEW.title), columns, "")
        sheet.sheet.write_string(0, 0, _("Annual summary of bright spots"), book.title)
        row = 1
        for label, value in request.statement():
            sheet.sheet.write_string(row, 0, label, book.label)
            sheet.sheet.write_string(row, 1, value)
            row += 1
        sheet.next_row = row + 1
        sheet.header()
        return sheet
