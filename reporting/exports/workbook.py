"""The Excel workbook of the annual summary (R23): a README sheet that states the scope, years,
grouping and moment of production, then overview, by locality, by unit, bright spots, recognized,
units not compliant. Each table's header is on its first row (frozen, filtered, repeated on every
printed page); every sheet prints landscape, fitted to the page's width, with the scope and years
in the page header. Dates are real dates, counts real numbers, the text Vietnamese.

Written with rustpy-xlsxwriter (Rust), which bench/workbook_writers.py measured about 3x faster
than XlsxWriter's constant-memory mode with a quarter of its memory (issue 12). It writes a sheet
at a time from a generator of rows; so each province's summary is read once, first, and the
lines of the three sheets built from it (some 100,000 short rows for the whole country, of small
numbers and shared names) are kept until written, while the bright spots and the recognized ones
stream from server-side cursors as their sheets are written.
"""

from datetime import date, datetime

import rustpy_xlsxwriter as rx
from django.utils.translation import gettext as _

from reporting.exports import tables
from reporting.exports.base import Exporter, ExportRequest

HEADER_ROW = 0  # the header is the first row: a spreadsheet imports the sheet as a table
PROGRESS_EVERY = 5000
A4 = 9
DATE_FORMAT, DATETIME_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
NEEDS_SUMMARIES = ("localities", "units", "non-compliant")


def _header_text(text: str) -> str:
    """Text for a page header: & starts a control code there, so it is doubled."""
    return text.replace("&", "&&")


def page_setup(request: ExportRequest, title: str, repeat_header: bool = True) -> dict:
    """Landscape A4, as wide as one page, the header row on every page, and the scope and years
    in the page header (R23): a printed page says what it is a part of."""
    left = _header_text(f"{request.area_label} · {request.years_label}")[:120]
    page = _header_text(_("Page %(page)s of %(pages)s") % {"page": "&P", "pages": "&N"})
    setup = {
        "landscape": True,
        "paper_size": A4,
        "fit_to_pages": (1, 0),  # one page wide, as many pages tall as it takes
        "margins": {"left": 0.4, "right": 0.4, "top": 0.7, "bottom": 0.6, "header": 0.3,
                    "footer": 0.3},
        "header": f"&L{left}&R{_header_text(title)[:60]}",
        "footer": f"&L{_header_text(request.produced_label)}&R{page}",
    }  # fmt: skip
    if repeat_header:
        setup["repeat_rows"] = HEADER_ROW
    return setup


def _header_format():
    return (
        rx.Format()
        .set_bold()
        .set_text_wrap()
        .set_align("vcenter")
        .set_background_color("#F4DEDC")
        .set_border("thin")
    )


class _Sheets:
    """The options of write_worksheets, gathered sheet by sheet."""

    def __init__(self):
        self.entries, self.options = [], {}

    def option(self, name: str, sheet: str, value) -> None:
        self.options.setdefault(name, {})[sheet] = value

    def add(self, title, columns, records, request, *, repeat_header=True, filtered=True):
        title = title[:31]
        self.entries.append((title, records))
        self.option("column_widths", title, [float(c.width) for c in columns])
        self.option("header_format", title, _header_format())
        self.option("page_setup", title, page_setup(request, title, repeat_header))
        self.option("autofilter", title, filtered)
        dates = {c.label: rx.Format().set_num_format(DATE_FORMAT)
                 for c in columns if c.kind == tables.DATE}  # fmt: skip
        if dates:
            self.option("column_formats", title, dates)
        return title


def _records(columns: list[tables.Column], rows, progress=None):
    """Each row as the writer's record. Most rows hold only the types the writer takes as they
    are (checked at once by the set of their types); the others have their dates made datetimes,
    an empty text None and anything else in a text column made text. This runs for every row of
    the national workbook."""
    labels = [c.label for c in columns]
    visited = [(c.label, c.kind == tables.DATE) for c in columns if c.kind in _VISITED]
    for count, row in enumerate(rows, start=1):
        record = dict(zip(labels, row, strict=True))
        if not _WRITTEN_AS_THEY_ARE.issuperset(map(type, row)) or "" in row:
            _convert(record, visited)
        yield record
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress()


def _convert(record: dict, visited) -> None:
    for label, value in record.items():
        if value == "":
            record[label] = None
    for label, is_date in visited:
        value = record[label]
        if value is None:
            continue
        if is_date:
            if type(value) is date:
                record[label] = datetime(value.year, value.month, value.day)
        elif type(value) is not str:
            record[label] = str(value)


_VISITED = (tables.DATE, tables.TEXT)
_WRITTEN_AS_THEY_ARE = frozenset({str, int, float, datetime, type(None)})


def _streamed(table: tables.Table, request: ExportRequest):
    """A table read as its sheet is written, a province after the other."""
    for area in request.areas:
        yield from table.rows(request, area, None)


class Workbook(Exporter):
    identifier = "workbook"
    extension = "xlsx"
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    several_provinces = True

    def render(self, request: ExportRequest, output, progress) -> None:
        # Each province's summary once: the overview's totals and the lines of the three sheets
        # that come from it (a quarter of the work); then the sheets are written in order.
        totals: dict = {}
        kept = {identifier: [] for identifier in NEEDS_SUMMARIES}
        by_identifier = {t.identifier: t for t in tables.TABLES}
        for done, area in enumerate(request.areas):
            summaries = request.summaries(area)
            tables.OVERVIEW.accumulate(totals, summaries)
            for identifier in NEEDS_SUMMARIES:
                kept[identifier].extend(by_identifier[identifier].rows(request, area, summaries))
            progress((done + 1) / len(request.areas) * 0.25)

        sheets = _Sheets()
        self._readme(sheets, request)
        self._overview(sheets, request, totals)
        written = [0]

        def advance():
            written[0] += PROGRESS_EVERY
            progress(min(0.99, 0.25 + written[0] / 400_000))

        for table in tables.TABLES:
            columns = table.columns(request)
            identifier = table.identifier
            rows = kept[identifier] if identifier in kept else _streamed(table, request)
            sheets.add(str(table.title), columns, _records(columns, rows, advance), request)
        rx.write_worksheets(
            sheets.entries,
            output,
            freeze_panes={"general": {"row": HEADER_ROW + 1, "col": 0}},
            datetime_format=DATETIME_FORMAT,
            **sheets.options,
        )
        progress(1.0)

    def _readme(self, sheets: _Sheets, request: ExportRequest) -> None:
        """What the workbook is: the statement of scope, years, grouping, moment and what is
        counted, and the sheets it holds: the information that once stood above the headers."""
        title = str(_("README"))[:31]
        about, content = _("About this file"), _("Content")
        rows = [{about: label, content: value} for label, value in request.statement()]
        rows.append({about: _("Sheets"), content: str(tables.OVERVIEW.title)})
        rows += [{about: None, content: str(t.title)} for t in tables.TABLES]
        columns = [tables.Column(about, 28, tables.TEXT), tables.Column(content, 90, tables.TEXT)]
        sheets.add(title, columns, iter(rows), request, repeat_header=False, filtered=False)
        sheets.option("header_row", title, 2)
        heading = rx.Format().set_bold().set_font_size(14)
        sheets.option(
            "merge_ranges", title, [(0, 0, 0, 1, _("Annual summary of bright spots"), heading)]
        )

    def _overview(self, sheets: _Sheets, request: ExportRequest, totals: dict) -> None:
        columns = tables.OVERVIEW.columns(request)
        rows, formats = [], {}
        section = rx.Format().set_bold().set_background_color("#EEEEEE")
        indented = rx.Format().set_indent(1)
        for index, (indent, is_section, row) in enumerate(
            tables.OVERVIEW.rows_from(request, totals), start=HEADER_ROW + 1
        ):
            rows.append(row)
            if is_section:
                formats[index] = section
            elif indent:
                formats[index] = indented
        title = sheets.add(str(tables.OVERVIEW.title), columns, _records(columns, rows), request)
        sheets.option("row_formats", title, formats)
