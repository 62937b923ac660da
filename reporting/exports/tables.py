"""The tables of the annual summary, shared by the workbook (one sheet each) and the CSV
downloads (one file each): overview, by locality, by unit, bright spots, units not compliant.

Rows are produced one scope (province) at a time, and the bright spots row by row from a
server-side cursor, so a national five-year download never holds all its rows in memory.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import documents
from organisation.models import Field, Level
from registry.models import BrightSpot, Timeliness
from reporting import figures
from reporting.areas import REGISTERED
from reporting.exports.base import ExportRequest
from reporting.facts import recognition_columns
from reporting.tally import EXTENDED, NOT_SUBMITTED, ON_TIME, RECOGNIZED, Tally

TEXT, INT, DATE, DATETIME = "text", "int", "date", "datetime"


@dataclass(frozen=True)
class Column:
    label: str
    width: int = 12
    kind: str = INT


class Table:
    """A table's rows are lists of cells: None for an empty cell, text as str, numbers as int,
    dates as date and moments as naive datetimes in the programme's time zone."""

    identifier = ""
    title = ""

    def columns(self, request: ExportRequest) -> list[Column]:
        raise NotImplementedError

    def rows(self, request: ExportRequest, area, summaries) -> list | object:
        """Rows of one scope (province); `summaries` are its YearSummary objects by year."""
        raise NotImplementedError


def fields_of(request: ExportRequest) -> tuple[str, ...]:
    covered = {f for area in request.areas for f in area.fields}
    return tuple(f for f in Field.values if f in covered)


# The figures of a locality's or a unit's line: the overview's, less the breakdown by level and
# the progress entries, which the overview gives for the whole scope (a national workbook has
# some 65,000 unit lines: every column costs a few seconds).
GROUP_FIGURES = (
    "qcdc", "dvcq", "registered", "accepted", "awaiting", "returned", "on_time", "extended",
    "withdrawn", "mean_progress", "unit_total", "both", "one", "none", "list_on_time",
    "list_extended", "list_missing", "report_on_time", "report_extended", "report_missing",
    "dossiers", "recognized", "not_recognized", "commended",
)  # fmt: skip


def figure_columns(request: ExportRequest) -> list[figures.Figure]:
    return [f for f in figures.numbers(fields_of(request)) if f.key in GROUP_FIGURES]


def _figure_column(figure: figures.Figure) -> Column:
    return Column(str(figure.label), 11, INT)


class Overview(Table):
    """Figures down, years across, summed over every scope of the download."""

    identifier = "overview"
    title = gettext_lazy("Overview")

    def columns(self, request):
        return [Column(_("Figure"), 52, TEXT), *(Column(str(y), 11) for y in request.years)]

    def accumulate(self, totals: dict, summaries) -> None:
        for year, year_summary in summaries.items():
            totals.setdefault(year, Tally())
            totals[year] += year_summary.total

    def rows_from(self, request, totals: dict):
        """(indent, is_section, row) for each overview figure."""
        for figure in figures.overview(fields_of(request)):
            label = str(figure.label)
            if figure.kind == figures.SECTION:
                yield figure.indent, True, [label, *([None] * len(request.years))]
                continue
            values = [figure.value(totals.get(year, Tally())) for year in request.years]
            yield figure.indent, False, [label, *values]


class GroupTable(Table):
    """One line per locality, or per unit, and year."""

    group = "locality"

    def head(self) -> list[Column]:
        raise NotImplementedError

    def columns(self, request):
        return [
            Column(_("Year"), 7),
            Column(_("Province"), 14, TEXT),
            *self.head(),
            *map(_figure_column, figure_columns(request)),
        ]

    def rows(self, request, area, summaries):
        numbers = figures.FigureValues(figure_columns(request))
        for year, year_summary in sorted(summaries.items()):
            rows = (
                year_summary.locality_rows if self.group == "locality" else year_summary.unit_rows
            )
            for row in rows:
                yield [
                    year,
                    area.province.name,
                    *self.describe(area, row),
                    *numbers.of(row.tally),
                ]


class Localities(GroupTable):
    identifier = "localities"
    title = gettext_lazy("By locality")

    def head(self):
        return [Column(_("Locality or agency"), 34, TEXT), Column(_("Type"), 22, TEXT)]

    def describe(self, area, row):
        return [row.unit.name, row.unit.kind_label]


class Units(GroupTable):
    identifier = "units"
    title = gettext_lazy("By unit")
    group = "unit"

    def head(self):
        return [
            Column(_("Locality or agency"), 28, TEXT),
            Column(_("Unit"), 34, TEXT),
            Column(_("Code"), 8, TEXT),
            Column(_("Type"), 20, TEXT),
            Column(_("Counted with it (merged units)"), 40, TEXT),
        ]

    def describe(self, area, row):
        units, root = area.units, area.units[area.root.pk]
        merged = sorted(
            (units[pk] for pk in row.members if pk != row.unit.pk), key=lambda u: u.name_sort
        )
        return [
            units[units.locality(row.unit.pk, root)].name,
            row.unit.name,
            row.unit.code,
            row.unit.kind_label,
            "; ".join(u.name for u in merged) or None,
        ]


def _local(moment, zone=None):
    """The moment in the programme's time zone, without tzinfo (Excel has no time zones)."""
    if moment is None:
        return None
    return moment.astimezone(zone or timezone.get_default_timezone()).replace(tzinfo=None)


class BrightSpots(Table):
    identifier = "bright-spots"
    title = gettext_lazy("Bright spots")
    chunk = 2000

    def columns(self, request):
        return [
            Column(_("Year"), 7),
            Column(_("Province"), 14, TEXT),
            Column(_("Locality or agency"), 26, TEXT),
            Column(_("Unit"), 30, TEXT),
            Column(_("Today's unit"), 26, TEXT),
            Column(_("Name of the bright spot"), 60, TEXT),
            Column(_("Address"), 30, TEXT),
            Column(_("Field"), 10, TEXT),
            Column(_("Level"), 16, TEXT),
            Column(_("Status"), 18, TEXT),
            Column(_("On time"), 22, TEXT),
            Column(_("Submitted"), 17, DATETIME),
            Column(_("Reviewed"), 17, DATETIME),
            Column(_("Progress (%)"), 10),
        ]

    def rows(self, request, area, summaries=None):
        units, root = area.units, area.units[area.root.pk]
        zone = timezone.get_default_timezone()
        levels = {k: str(v) for k, v in Level.choices}
        statuses = {k: str(v) for k, v in BrightSpot.Status.choices}
        timeliness = {k: str(v) for k, v in Timeliness.choices}
        placed = {}  # unit id: its locality's, its own and today's unit's names, found once
        queryset = (
            area.bright_spots(request.years)
            .order_by("year", "unit__name_sort", "name_sort", "pk")
            .values_list(
                "year", "unit_id", "name", "address", "field", "level", "status", "timeliness",
                "submitted_at", "reviewed_at", "progress",
            )
        )  # fmt: skip
        for year, unit_id, name, address, field, level, status, timely, submitted, reviewed, progress in queryset.iterator(
            chunk_size=self.chunk
        ):  # fmt: skip
            names = placed.get(unit_id)
            if names is None:
                today = units.current(unit_id)
                names = placed[unit_id] = (
                    units[units.locality(units.row(unit_id, request.view), root)].name,
                    units[unit_id].name,
                    units[today].name if today != unit_id else None,
                )
            yield [
                year,
                area.province.name,
                *names,
                name,
                address or None,
                field.upper(),
                levels.get(level, level),
                statuses.get(status, status),
                timeliness.get(timely),
                _local(submitted, zone),
                _local(reviewed, zone),
                progress,
            ]


class Recognized(Table):
    """The year's recognized bright spots with their Decision (R19) and commendations (R22)."""

    identifier = "recognized"
    title = gettext_lazy("Recognized")

    def columns(self, request):
        return [
            Column(_("Year"), 7),
            Column(_("Province"), 14, TEXT),
            Column(_("Locality or agency"), 26, TEXT),
            Column(_("Unit"), 30, TEXT),
            Column(_("Name of the bright spot"), 60, TEXT),
            Column(_("Field"), 10, TEXT),
            Column(_("Level"), 16, TEXT),
            Column(_("Decision"), 20, TEXT),
            Column(_("Date of the Decision"), 14, DATE),
            Column(_("Issued by"), 34, TEXT),
            Column(_("Commended by the unit"), 14, TEXT),
            Column(_("Council's outcome"), 26, TEXT),
        ]

    def rows(self, request, area, summaries=None):
        units, root = area.units, area.units[area.root.pk]
        levels = {k: str(v) for k, v in Level.choices}
        outcomes = {"merit": _("Certificate of Merit"), "commendation": _("Letter of Commendation")}
        placed = {}  # unit id: its locality's and its own names, found once
        queryset = (
            area.bright_spots(request.years)
            .filter(status__in=REGISTERED)
            .annotate(**recognition_columns())
            .filter(dossier_state=RECOGNIZED)
            .order_by("year", "unit__name_sort", "name_sort", "pk")
            .values_list(
                "year", "unit_id", "name", "field", "level", "dossier__decision__number",
                "dossier__decision__symbol", "dossier__decision__date",
                "dossier__decision__authority_name", "commended", "council",
            )
        )  # fmt: skip
        for year, unit_id, name, field, level, number, symbol, day, authority, commended, council in queryset.iterator(
            chunk_size=2000
        ):  # fmt: skip
            names = placed.get(unit_id)
            if names is None:
                row_unit = units.row(unit_id, request.view)
                names = placed[unit_id] = (
                    units[units.locality(row_unit, root)].name,
                    units[unit_id].name,
                )
            yield [
                year,
                area.province.name,
                *names,
                name,
                field.upper(),
                levels.get(level, level),
                documents.document_number(number, symbol) if number else None,
                day,
                authority or None,
                _("yes") if commended else None,
                str(outcomes[council]) if council in outcomes else None,
            ]


class NonCompliant(Table):
    identifier = "non-compliant"
    title = gettext_lazy("Units not compliant")

    def columns(self, request):
        return [
            Column(_("Year"), 7),
            Column(_("Province"), 14, TEXT),
            Column(_("Locality or agency"), 26, TEXT),
            Column(_("Unit"), 32, TEXT),
            Column(_("Code"), 8, TEXT),
            Column(_("Type"), 20, TEXT),
            Column(_("Today's unit"), 26, TEXT),
            Column("QCDC", 8),
            Column("DVCQ", 8),
            Column(_("Missing"), 22, TEXT),
            Column(_("List"), 26, TEXT),
            Column(_("Extension until"), 14, DATE),
        ]

    def rows(self, request, area, summaries):
        units, root = area.units, area.units[area.root.pk]
        registration = {
            ON_TIME: _("Submitted on time"),
            EXTENDED: _("Submitted under an extension"),
            NOT_SUBMITTED: _("Not submitted"),
        }
        for year, year_summary in sorted(summaries.items()):
            for fact in year_summary.non_compliant:
                row_unit = units.row(fact.unit.pk, request.view)
                today = units.current(fact.unit.pk)
                missing = fact.missing_fields
                yield [
                    year,
                    area.province.name,
                    units[units.locality(row_unit, root)].name,
                    fact.unit.name,
                    fact.unit.code,
                    fact.unit.kind_label,
                    units[today].name if today != fact.unit.pk else None,
                    fact.qcdc,
                    fact.dvcq,
                    _("both fields") if len(missing) == 2 else missing[0].upper(),
                    str(registration[fact.registration]),
                    fact.extension_until,
                ]


OVERVIEW = Overview()
TABLES = [Localities(), Units(), BrightSpots(), Recognized(), NonCompliant()]
BY_IDENTIFIER = {t.identifier: t for t in [OVERVIEW, *TABLES]}
