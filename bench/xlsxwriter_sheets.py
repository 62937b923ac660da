"""The workbook's former writer, XlsxWriter in constant-memory mode, kept for
bench/workbook_writers.py to compare against rustpy-xlsxwriter (the app's writer since issue 12):
each row goes to disk once the next one starts, through XlsxWriter's private cell writers."""

import xlsxwriter
from django.utils.translation import gettext as _

from reporting.exports import tables
from reporting.exports.base import ExportRequest

HEADER_ROW = 0  # the header is the first row: a spreadsheet imports the sheet as a table
PROGRESS_EVERY = 5000
A4 = 9


def _header_text(text: str) -> str:
    """Text for a page header: & starts a control code there, so it is doubled."""
    return text.replace("&", "&&")


def print_setup(sheet, request: ExportRequest, title: str, repeat_header: bool = True) -> None:
    """Landscape A4, as wide as one page, the header row on every page, and the scope and years
    in the page header (R23): a printed page says what it is a part of."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as it takes
    sheet.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
    if repeat_header:
        sheet.repeat_rows(HEADER_ROW)
    left = _header_text(f"{request.area_label} · {request.years_label}")[:120]
    sheet.set_header(f"&L{left}&R{_header_text(title)[:60]}", {"margin": 0.3})
    page = _header_text(_("Page %(page)s of %(pages)s") % {"page": "&P", "pages": "&N"})
    sheet.set_footer(f"&L{_header_text(request.produced_label)}&R{page}", {"margin": 0.3})


class _Sheet:
    """One worksheet written top to bottom."""

    def __init__(self, book: "_Book", title: str, columns: list[tables.Column], request):
        self.book, self.columns = book, columns
        self.kinds = [column.kind for column in columns]
        self.formats = {tables.DATE: book.date, tables.DATETIME: book.datetime}
        self.sheet = book.workbook.add_worksheet(title[:31])
        for index, column in enumerate(columns):
            self.sheet.set_column(index, index, column.width)
        print_setup(self.sheet, request, title)
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
        self.wrapped = add({"text_wrap": True, "valign": "top"})
        # Real dates shown as in Vietnam; whatever the format, the cell holds a date.
        self.date = add({"num_format": "dd/mm/yyyy"})
        self.datetime = add({"num_format": "dd/mm/yyyy hh:mm"})
