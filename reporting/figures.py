"""The figures of the annual summary, defined once for the dashboard, the workbook, the CSV and
the PDF (R23). A figure is a count of bright spots or of units matching its filters; the list it
links to applies the same filters (`reporting.filters`)."""

import functools
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from organisation.models import Field, Level
from registry.models import BrightSpot
from reporting.tally import (
    BOTH,
    COMMENDED,
    DOSSIER_SUBMITTED,
    EXTENDED,
    IN_REVIEW,
    MISSING,
    NONE,
    NOT_RECOGNIZED,
    NOT_SUBMITTED,
    ON_TIME,
    ONE,
    RECOGNIZED,
    RECORDED,
    Tally,
    spots_wanted,
    units_wanted,
)

SPOTS, UNITS, PERCENT, SECTION = "spots", "units", "percent", "section"


@dataclass(frozen=True)
class Figure:
    key: str
    label: object
    kind: str = SPOTS
    filters: dict = field(default_factory=dict)
    indent: int = 0
    only_field: str | None = None  # shown only when the scope covers this field

    def value(self, tally: Tally, **narrower) -> int | None:
        """The figure for a tally, narrowed by more filters of the same kind (e.g. a field)."""
        if self.kind == SPOTS:
            if not narrower:
                return tally.count_wanted(self._wanted)
            return tally.count(**{**self.filters, **narrower})
        if self.kind == UNITS:
            if not narrower:
                return tally.unit_count_wanted(self._wanted)
            return tally.unit_count(**{**self.filters, **narrower})
        if self.kind == PERCENT:
            return tally.mean_progress
        return None

    @functools.cached_property
    def _wanted(self) -> tuple:
        """The figure's own filters, prepared once for Tally.count_wanted."""
        if self.kind == UNITS:
            return units_wanted(**self.filters)
        return spots_wanted(**self.filters)

    @property
    def links_to(self) -> str | None:
        """The list the figure counts: bright spots or units (a percentage links to the
        bright spots it is the mean of)."""
        return {SPOTS: "spots", PERCENT: "spots", UNITS: "units"}.get(self.kind)


class FigureValues:
    """The values of several figures for many tallies (the lines of a workbook sheet): each
    tally's groups are read once for all the figures, not once per figure."""

    def __init__(self, figures):
        self.figures = list(figures)
        self.spots = tuple(f._wanted for f in self.figures if f.kind == SPOTS)
        self.units = tuple(f._wanted for f in self.figures if f.kind == UNITS)

    def of(self, tally: Tally) -> list:
        spots = iter(tally.counts_wanted(self.spots))
        units = iter(tally.unit_counts_wanted(self.units))
        return [
            next(spots) if f.kind == SPOTS else next(units) if f.kind == UNITS else f.value(tally)
            for f in self.figures
        ]


Status = BrightSpot.Status
OVERVIEW = [
    Figure("spots", _("Bright spots"), SECTION),
    Figure("registered", _("Bright spots registered")),
    Figure("qcdc", _("of which QCDC"), filters={"field": Field.QCDC}, indent=1, only_field=Field.QCDC),
    Figure("dvcq", _("of which DVCQ"), filters={"field": Field.DVCQ}, indent=1, only_field=Field.DVCQ),
    Figure("accepted", _("accepted"), filters={"status": Status.ACCEPTED}, indent=1),
    Figure("awaiting", _("awaiting review"), filters={"status": Status.SUBMITTED}, indent=1),
    Figure("returned", _("returned for revision"), filters={"status": Status.RETURNED}, indent=1),
    Figure("on_time", _("submitted on time"), filters={"timeliness": "on_time"}, indent=1),
    Figure("extended", _("submitted late, under an extension"), filters={"timeliness": "extended"}, indent=1),
    Figure("withdrawn", _("Withdrawn after submission"), filters={"status": Status.WITHDRAWN}),
    Figure("levels", _("By level"), SECTION),
    *(Figure(f"level_{v}", label, filters={"level": v}, indent=1) for v, label in Level.choices),
    Figure("progress", _("Progress during the year"), SECTION),
    Figure("recorded", _("Bright spots with progress recorded"), filters={"progress": RECORDED}),
    Figure("mean_progress", _("Mean progress (%)"), PERCENT),
    Figure("units", _("Units"), SECTION),
    Figure("unit_total", _("Units subject to registration"), UNITS),
    Figure("both", _("registered both fields"), UNITS, {"compliance": BOTH}, indent=1),
    Figure("one", _("registered one field only"), UNITS, {"compliance": ONE}, indent=1),
    Figure("none", _("registered nothing"), UNITS, {"compliance": NONE}, indent=1),
    Figure("list_on_time", _("list submitted on time"), UNITS, {"registration": ON_TIME}, indent=1),
    Figure("list_extended", _("list submitted late, under an extension"), UNITS, {"registration": EXTENDED}, indent=1),
    Figure("list_missing", _("list not submitted"), UNITS, {"registration": NOT_SUBMITTED}, indent=1),
    Figure("recognition", _("Recognition and commendation"), SECTION),
    Figure("dossiers", _("Recognition dossiers submitted"), filters={"dossier": DOSSIER_SUBMITTED}),
    Figure("recognized", _("recognized"), filters={"dossier": RECOGNIZED}, indent=1),
    Figure("not_recognized", _("not recognized"), filters={"dossier": NOT_RECOGNIZED}, indent=1),
    Figure("in_review", _("still under review"), filters={"dossier": IN_REVIEW}, indent=1),
    Figure("commended", _("Commended by their unit this year"), filters={"commended": COMMENDED}),
    Figure("merit", _("Certificate of Merit from the Council (five-year)"), filters={"council": "merit"}),
    Figure("letter", _("Letter of Commendation from the Council (five-year)"), filters={"council": "commendation"}),
    Figure("reports", _("Annual reports"), SECTION),
    Figure("report_on_time", _("received on time"), UNITS, {"report": ON_TIME}, indent=1),
    Figure("report_extended", _("received late, under an extension"), UNITS, {"report": EXTENDED}, indent=1),
    Figure("report_missing", _("not received from a unit with bright spots"), UNITS, {"report": MISSING}, indent=1),
]  # fmt: skip


def overview(fields) -> list[Figure]:
    """The overview's figures for a scope covering `fields` (a committee may cover one)."""
    return [f for f in OVERVIEW if f.only_field is None or f.only_field in fields]


def numbers(fields) -> list[Figure]:
    """The overview's figures that carry a number (sections left out)."""
    return [f for f in overview(fields) if f.kind != SECTION]


def by_key(key: str) -> Figure:
    return next(f for f in OVERVIEW if f.key == key)
