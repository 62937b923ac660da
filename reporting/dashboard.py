"""What the dashboard shows (R23): the year's figures, the tables and charts behind them, and the
trend over the years. Every number comes with the address of the list it counts."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import sort_key
from organisation.models import Committee, Field, Level, Unit
from registry.models import Inspection, LevelPlan
from reporting import charts, figures
from reporting.areas import Area
from reporting.summary import Row, YearSummary, summarize
from reporting.tally import BOTH, NONE, ONE, Tally
from reporting.units import CURRENT

NON_COMPLIANT_SHOWN = 50
LOCALITIES_CHARTED = 15


@dataclass(frozen=True)
class Cell:
    value: object
    url: str = ""


class Links:
    """Addresses of the lists behind the figures of one scope, year and view."""

    def __init__(self, area: Area, year: int, view: str):
        self.base = {**area.query(), "year": year}
        if view == CURRENT:
            self.base["view"] = view
        # A page has hundreds of figures: the two list addresses are worked out once.
        self.addresses = {
            "spots": reverse("reporting:bright-spots"),
            "units": reverse("reporting:units"),
        }

    def spots(self, **filters) -> str:
        return f"{self.addresses['spots']}?{urlencode({**self.base, **filters})}"

    def units(self, **filters) -> str:
        return f"{self.addresses['units']}?{urlencode({**self.base, **filters})}"

    def figure(self, figure: figures.Figure, **params) -> str:
        target = self.units if figure.links_to == "units" else self.spots
        return target(**{**figure.filters, **params})

    def cell(self, figure: figures.Figure, tally: Tally, row=None, **narrower) -> Cell:
        """The figure for `tally` narrowed by `narrower` (e.g. field=…), linked to its list;
        `row` names the tally's row (locality=…, kind=…) for the list's address only."""
        return Cell(figure.value(tally, **narrower), self.figure(figure, **narrower, **(row or {})))


class NoLinks(Links):
    """For printed documents: the same cells, without addresses."""

    def __init__(self):
        self.base = {}

    def spots(self, **filters) -> str:
        return ""

    def units(self, **filters) -> str:
        return ""


def overview_cells(area, tally: Tally, links: Links) -> list[tuple[figures.Figure, Cell]]:
    return [
        (f, links.cell(f, tally) if f.kind != figures.SECTION else Cell(None))
        for f in figures.overview(area.fields)
    ]


def field_table(area, tally: Tally, links: Links) -> list[dict]:
    """Registered bright spots by field and status (R23), with the total row."""
    columns = [figures.by_key(k) for k in ("registered", "accepted", "awaiting", "returned",
                                           "on_time", "extended", "withdrawn")]  # fmt: skip
    rows = []
    for value, label in Field.choices:
        if value in area.fields:
            cells = [links.cell(c, tally, field=value) for c in columns]
            rows.append({"label": label, "field": value, "cells": cells})
    rows.append(
        {"label": _("Total"), "field": "", "cells": [links.cell(c, tally) for c in columns]}
    )
    return rows


def group_table(area, rows: list[Row], links: Links, group: str) -> list[dict]:
    """One line per locality (or unit): its bright spots by field and its units' registration."""
    columns = group_columns(area)
    return [
        {"row": row, "cells": [links.cell(c, row.tally, {group: row.unit.pk}) for c in columns]}
        for row in rows
    ]


def group_columns(area) -> list[figures.Figure]:
    keys = [k for k in ("qcdc", "dvcq") if figures.by_key(k).only_field in area.fields]
    keys += ["registered", "accepted", "recognized", "unit_total", "both", "one", "none",
             "report_missing"]  # fmt: skip
    return [figures.by_key(k) for k in keys]


def kind_table(year_summary: YearSummary, links: Links) -> list[dict]:
    registered, units = figures.by_key("registered"), figures.by_key("unit_total")
    both = figures.by_key("both")
    rows = []
    for kind, label in Unit.Kind.choices:
        tally = year_summary.kinds.get(kind)
        if tally is None:
            continue
        rows.append({
            "label": label,
            "registered": links.cell(registered, tally, {"kind": kind}),
            "qcdc": Cell(tally.qcdc, links.spots(kind=kind, field=Field.QCDC)),
            "dvcq": Cell(tally.dvcq, links.spots(kind=kind, field=Field.DVCQ)),
            "units": links.cell(units, tally, {"kind": kind}),
            "both": links.cell(both, tally, {"kind": kind}),
        })  # fmt: skip
    return rows


def level_table(tally: Tally, links: Links) -> list[dict]:
    """By level of recognition (R5, R40): what each level registered, accepted and recognized
    — a commune's or department's own programme next to the province's."""
    accepted, recognized = figures.by_key("accepted"), figures.by_key("recognized")
    return [
        {
            "key": v,
            "label": label,
            "qcdc": Cell(tally.count(level=v, field=Field.QCDC), links.spots(level=v, field=Field.QCDC)),
            "dvcq": Cell(tally.count(level=v, field=Field.DVCQ), links.spots(level=v, field=Field.DVCQ)),
            "total": Cell(tally.count(level=v), links.spots(level=v)),
            "accepted": links.cell(accepted, tally, level=v),
            "recognized": links.cell(recognized, tally, level=v),
        }
        for v, label in Level.choices
    ]  # fmt: skip


def _links_for(area, view, linked: bool):
    return (lambda year: Links(area, year, view)) if linked else (lambda year: NoLinks())


def trend_rows(area, summaries: dict[int, YearSummary], view: str, *, linked=True):
    keys = ["registered", *(k for k in ("qcdc", "dvcq") if figures.by_key(k).only_field in area.fields),
            "unit_total", "both", "list_on_time", "list_extended", "list_missing", "report_on_time",
            "dossiers", "recognized"]  # fmt: skip
    columns = [figures.by_key(k) for k in keys]
    rows, links_for = [], _links_for(area, view, linked)
    for year, year_summary in sorted(summaries.items()):
        links = links_for(year)
        rows.append({"year": year, "cells": [links.cell(c, year_summary.total) for c in columns]})
    return rows, columns


def trend_chart(area, summaries, view, *, font="", linked=True):
    years = sorted(summaries)
    series, links_for = [], _links_for(area, view, linked)
    for value, label in Field.choices:
        if value in area.fields:
            series.append(
                charts.Series(
                    value,
                    str(label),
                    tuple(summaries[y].total.count(field=value) for y in years),
                    tuple(links_for(y).spots(field=value) for y in years),
                )
            )
    return charts.grouped_bars(
        _("Bright spots registered, by year and field"), [str(y) for y in years], series, font=font
    )


def compliance_chart(tally: Tally, links: Links, font=""):
    parts = [
        (key, str(figures.by_key(key).label), tally.unit_count(compliance=value),
         links.units(compliance=value))
        for key, value in (("both", BOTH), ("one", ONE), ("none", NONE))
    ]  # fmt: skip
    return charts.stacked_bar(_("Units by fields registered"), parts, font=font)


def kinds_chart(year_summary, links: Links, font=""):
    rows = [
        (str(label), year_summary.kinds[kind].registered, links.spots(kind=kind))
        for kind, label in Unit.Kind.choices
        if kind in year_summary.kinds and year_summary.kinds[kind].registered
    ]
    return charts.horizontal_bars(_("Bright spots registered, by type of unit"), rows, font=font)


def localities_chart(year_summary, links: Links, font=""):
    rows = sorted(year_summary.locality_rows, key=lambda r: -r.tally.registered)
    rows = [
        (r.unit.name, r.tally.registered, links.spots(locality=r.unit.pk))
        for r in rows[:LOCALITIES_CHARTED]
        if r.tally.registered
    ]
    return charts.horizontal_bars(
        _("Localities and agencies with the most bright spots"), rows, font=font
    )


KEY_FIGURES = ["registered", "qcdc", "dvcq", "both", "list_on_time", "recognized"]


def key_figures(area, tally: Tally, links: Links) -> list:
    shown = [figures.by_key(k) for k in KEY_FIGURES]
    shown = [f for f in shown if f.only_field is None or f.only_field in area.fields]
    return [(f.key, f, links.cell(f, tally)) for f in shown]


def download_buttons(years: list[int], year: int) -> list[tuple[str, int, str]]:
    first = years[0]
    buttons = [("workbook", year, _("Excel workbook, %(year)s") % {"year": year})]
    if first < year:
        label = _("Excel workbook, %(first)s–%(year)s") % {"first": first, "year": year}
        buttons.append(("workbook", first, label))
    buttons.append(("synthesis", first, _("Synthesis report (PDF), %(year)s") % {"year": year}))
    return buttons


def plan_context(area: Area, year: int, tally: Tally, links: Links) -> dict:
    """The level's yearly plan against what was done (seed 000 §V, R40); for the whole
    province, which levels have issued a plan and which steering levels have not."""
    plan = LevelPlan.objects.filter(level_unit=area.root, year=year).first()
    rows = []
    if plan is not None:
        accepted, recognized = figures.by_key("accepted"), figures.by_key("recognized")
        for field in area.fields:
            rows.append({
                "label": Field(field).label,
                "target": plan.target(field),
                "registered": Cell(tally.count(field=field), links.spots(field=field)),
                "accepted": links.cell(accepted, tally, field=field),
                "recognized": links.cell(recognized, tally, field=field),
            })  # fmt: skip
    inspections = Inspection.objects.filter(
        unit__path__startswith=area.root.path, date__year=year
    ).aggregate(total=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)))
    context = {"plan": plan, "plan_rows": rows, "inspections": inspections}
    if area.whole_province:
        issued = list(
            LevelPlan.objects.filter(province=area.province, year=year)
            .select_related("level_unit")
            .order_by("level_unit__path")
        )
        planned = {p.level_unit_id for p in issued}
        steering = (
            Committee.objects.filter(
                province=area.province, kind=Committee.Kind.STEERING, active=True
            )
            .exclude(level_unit_id__in=planned)
            .filter(Q(level_unit__valid_to=None) | Q(level_unit__valid_to__gte=date(year, 1, 1)))
            .values_list("level_unit__name", flat=True)
            .distinct()
        )
        context.update(plans_issued=issued, levels_without_plan=sorted(set(steering), key=sort_key))
    return context


def dashboard_context(area: Area, year: int, years: list[int], view: str) -> dict:
    summaries = summarize(area, years, view, detail=[year])
    current = summaries[year]
    links = Links(area, year, view)
    trends, trend_columns = trend_rows(area, summaries, view)
    area_fields = {**area.query(), "year": year, "view": view}
    no_year = {k: v for k, v in area_fields.items() if k != "year"}
    no_unit = {k: v for k, v in area_fields.items() if k != "unit"}
    return {
        "area_fields": area_fields,
        "area_query": urlencode(area_fields),
        "area_query_no_year": urlencode(no_year),
        "drill_query": urlencode(no_unit),
        "key_figures": key_figures(area, current.total, links),
        "download_buttons": download_buttons(years, year),
        "non_compliant_url": links.units(compliance="not_both"),
        "area": area,
        "year": year,
        "years": years,
        "view": view,
        "produced_at": timezone.now(),
        "overview": overview_cells(area, current.total, links),
        "field_table": field_table(area, current.total, links),
        "level_table": level_table(current.total, links),
        **plan_context(area, year, current.total, links),
        "kind_table": kind_table(current, links),
        "locality_table": group_table(area, current.locality_rows, links, "locality"),
        "group_columns": group_columns(area),
        "non_compliant": current.non_compliant[:NON_COMPLIANT_SHOWN],
        "non_compliant_total": len(current.non_compliant),
        "trend_rows": trends,
        "trend_columns": trend_columns,
        "charts": {
            "trend": trend_chart(area, summaries, view),
            "compliance": compliance_chart(current.total, links),
            "kinds": kinds_chart(current, links),
            "localities": localities_chart(current, links),
        },
    }
