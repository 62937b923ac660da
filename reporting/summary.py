"""The annual summary (R23): every figure of the dashboard, the workbook, the CSV and the PDF.

A handful of grouped queries per province read what units submitted (never drafts); everything
else is arithmetic in Python on those groups, so a figure, its row and its total cannot disagree.

Each bright spot falls in one group (field, level, status, timeliness, progress recorded); each
unit-year in one group (registered both fields / one / none, registration on time / under an
extension / not submitted, annual report). A figure is "how many match these filters", and the
page it links to lists the bright spots or units matching the same filters (`filters.py`).

Recognition (R16–R22) enters the same way: the fate of a bright spot's dossier, its unit's
commendation of the year and the Council's five-year outcome are more dimensions of a group, read
in the same query (`recognition_columns`).
"""

import functools
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Case, CharField, Count, Exists, OuterRef, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce

from recognition.models import CommendationEntry, Dossier, Outcome, UnitCommendation
from registry.models import (
    AnnualReport,
    BrightSpot,
    Extension,
    Field,
    ProgressEntry,
    Registration,
    RegistrationPeriod,
)
from registry.models.periods import default_registration_deadline, default_report_deadline
from reporting.scope import REGISTERED, ReportScope
from reporting.units import CURRENT, HISTORICAL, UnitInfo

# The dimensions of a bright spot group, in this order.
SPOT_KEY = ("field", "level", "status", "timeliness", "progress", "dossier", "commended", "council")
# The dimensions of a unit-year.
UNIT_KEY = ("compliance", "registration", "report")

BOTH, ONE, NONE = "both", "one", "none"
ON_TIME, EXTENDED, NOT_SUBMITTED = "on_time", "extended", "not_submitted"
MISSING, NOT_DUE = "missing", "not_due"
RECORDED, NOT_RECORDED = "recorded", "not_recorded"
# A bright spot's dossier (R17–R19): none (or still a draft), under review, decided.
NO_DOSSIER, IN_REVIEW, RECOGNIZED, NOT_RECOGNIZED = (
    "none",
    "in_review",
    "recognized",
    "not_recognized",
)
DOSSIER_SUBMITTED = "submitted"  # any dossier sent: under review or decided
SUBMITTED_DOSSIERS = (IN_REVIEW, RECOGNIZED, NOT_RECOGNIZED)
COMMENDED, NOT_COMMENDED = "commended", "not_commended"


class Tally:
    """Additive figures of a group of bright spots and unit-years (a row, a locality, a total)."""

    __slots__ = ("spots", "units", "progress_sum")

    def __init__(self):
        self.spots: Counter = Counter()  # SPOT_KEY tuple → bright spots
        self.units: Counter = Counter()  # UNIT_KEY tuple → unit-years
        self.progress_sum = 0  # sum of the progress (%) of registered bright spots

    def __iadd__(self, other: "Tally") -> "Tally":
        self.spots.update(other.spots)
        self.units.update(other.units)
        self.progress_sum += other.progress_sum
        return self

    def count(self, status: str = "registered", **filters) -> int:
        """Bright spots matching `filters` (by default the registered ones: R7's list, not
        withdrawn). `status="counted"` takes every submitted one, withdrawn included."""
        wanted = (status, tuple(sorted(filters.items())))
        return sum(n for key, n in self.spots.items() if _spot_matches(wanted, key))

    def unit_count(self, **filters) -> int:
        wanted = tuple(sorted(filters.items()))
        return sum(n for key, n in self.units.items() if _unit_matches(wanted, key))

    @property
    def registered(self) -> int:
        return self.count()

    @property
    def qcdc(self) -> int:
        return self.count(field=Field.QCDC)

    @property
    def dvcq(self) -> int:
        return self.count(field=Field.DVCQ)

    @property
    def unit_total(self) -> int:
        return sum(self.units.values())

    @property
    def mean_progress(self) -> int | None:
        registered = self.registered
        return round(self.progress_sum / registered) if registered else None


# Whether a group's key matches a figure's filters, remembered: the keys are few (fields × levels
# × statuses × …) and the national workbook asks millions of times.
@functools.cache
def _spot_matches(wanted: tuple, key: tuple) -> bool:
    status, filters = wanted
    if not status_matches(key[2], status):
        return False
    for name, value in filters:
        found = key[SPOT_KEY.index(name)]
        if name == "dossier" and value == DOSSIER_SUBMITTED:
            if found not in SUBMITTED_DOSSIERS:
                return False
        elif found != value:
            return False
    return True


@functools.cache
def _unit_matches(wanted: tuple, key: tuple) -> bool:
    return all(key[UNIT_KEY.index(name)] == value for name, value in wanted)


def status_matches(status: str, wanted: str) -> bool:
    if wanted == "registered":
        return status in REGISTERED
    if wanted == "counted":
        return True
    return status == wanted


@dataclass
class UnitFact:
    """One unit's year: what it submitted, as the unit of that year (R2)."""

    unit: UnitInfo
    expected: bool
    qcdc: int  # registered bright spots of each field, whatever the scope's fields (R7)
    dvcq: int
    registration: str  # ON_TIME, EXTENDED, NOT_SUBMITTED
    extension_until: date | None
    report: str  # ON_TIME, EXTENDED (the annual report), MISSING, NOT_DUE

    @property
    def compliance(self) -> str:
        present = (self.qcdc > 0) + (self.dvcq > 0)
        return BOTH if present == 2 else ONE if present == 1 else NONE

    @property
    def key(self) -> tuple:
        return (self.compliance, self.registration, self.report)

    @property
    def missing_fields(self) -> list[str]:
        return [f for f, n in ((Field.QCDC, self.qcdc), (Field.DVCQ, self.dvcq)) if not n]


@dataclass
class Row:
    unit: UnitInfo
    tally: Tally = field(default_factory=Tally)
    members: set = field(default_factory=set)  # the units of that year counted in this row


@dataclass
class YearSummary:
    year: int
    view: str
    deadline: date
    report_deadline: date
    total: Tally
    rows: dict[int, Row]  # the row's unit id → row (a unit; today's unit in the CURRENT view)
    localities: dict[int, Row]
    kinds: dict[str, Tally]
    facts: list[UnitFact]

    def sorted_rows(self, rows: dict[int, Row]) -> list[Row]:
        return sorted(rows.values(), key=lambda r: (r.unit.valid_to is not None, r.unit.name_sort))

    @property
    def locality_rows(self) -> list[Row]:
        return self.sorted_rows(self.localities)

    @property
    def unit_rows(self) -> list[Row]:
        return self.sorted_rows(self.rows)

    @property
    def non_compliant(self) -> list[UnitFact]:
        """Units without both fields registered (R7), named, in Vietnamese order."""
        return sorted(
            (f for f in self.facts if f.compliance != BOTH), key=lambda f: f.unit.name_sort
        )


def deadlines(province, years) -> dict[int, tuple[date, date]]:
    """Each year's registration and annual report deadlines (R6, R11), with the defaults."""
    found = {
        p.year: (p.deadline, p.report_deadline)
        for p in RegistrationPeriod.objects.filter(province=province, year__in=list(years))
    }
    return {
        y: found.get(y, (default_registration_deadline(y), default_report_deadline(y)))
        for y in years
    }


def recognition_columns() -> dict:
    """What recognition says of a bright spot, as columns of the bright spots query: its
    dossier's fate (R17–R19), whether its unit commended it that year, and the Emulation and
    Reward Council's five-year outcome (R22)."""
    dossier = Dossier.Status
    return {
        "dossier_state": Case(
            When(dossier__status__in=[dossier.SUBMITTED, dossier.SUPPLEMENT, dossier.PROPOSED],
                 then=Value(IN_REVIEW)),
            When(dossier__status=dossier.RECOGNIZED, then=Value(RECOGNIZED)),
            When(dossier__status=dossier.NOT_RECOGNIZED, then=Value(NOT_RECOGNIZED)),
            default=Value(NO_DOSSIER),
            output_field=CharField(),
        ),
        "commended": Exists(
            UnitCommendation.objects.filter(bright_spot=OuterRef("pk"), year=OuterRef("year"))
        ),
        "council": Coalesce(
            Subquery(
                CommendationEntry.objects.filter(
                    recognition__dossier__bright_spot=OuterRef("pk"),
                    outcome__in=[Outcome.MERIT, Outcome.COMMENDATION],
                ).values("outcome")[:1]
            ),
            Value(""),
        ),
    }  # fmt: skip


def spot_groups(scope: ReportScope, years):
    """(year, unit id, SPOT_KEY tuple, count, progress sum) for the scope's bright spots."""
    recorded = Exists(ProgressEntry.objects.filter(bright_spot=OuterRef("pk")))
    rows = (
        scope.bright_spots(years)
        .annotate(recorded=recorded, **recognition_columns())
        .values_list("year", "unit_id", "field", "level", "status", "timeliness", "recorded",
                     "dossier_state", "commended", "council")
        .annotate(n=Count("pk"), progress=Sum("progress"))
        .order_by()
    )  # fmt: skip
    for year, unit_id, field_, level, status, timely, has, dossier, commended, council, n, progress in rows:  # fmt: skip
        key = (field_, level, status, timely, RECORDED if has else NOT_RECORDED, dossier,
               COMMENDED if commended else NOT_COMMENDED, council)  # fmt: skip
        yield year, unit_id, key, n, progress or 0


def _field_counts(scope: ReportScope, years, groups) -> dict:
    """Registered bright spots per (year, unit, field), whatever the scope's fields: whether a
    unit registered both fields (R7) does not depend on who reads the summary."""
    counts = Counter()
    if scope.all_fields and scope.committee is None:
        for year, unit_id, key, n, _progress in groups:
            if key[2] in REGISTERED:
                counts[(year, unit_id, key[0])] += n
        return counts
    queryset = BrightSpot.objects.filter(
        province=scope.province, year__in=list(years), status__in=REGISTERED
    )
    queryset = scope.unit_filter(queryset)
    for year, unit_id, field_, n in (
        queryset.values_list("year", "unit_id", "field").annotate(n=Count("pk")).order_by()
    ):
        counts[(year, unit_id, field_)] += n
    return counts


def unit_facts(scope: ReportScope, years, groups, periods) -> dict[int, list[UnitFact]]:
    """Every unit-year of the scope: units that had to register, and any unit that submitted."""
    units = scope.units
    counts = _field_counts(scope, years, groups)
    registrations = {
        (y, u): t
        for y, u, t in scope.unit_filter(
            Registration.objects.filter(year__in=list(years), status=Registration.Status.SUBMITTED)
        ).values_list("year", "unit_id", "timeliness")
    }
    extensions = {
        (y, u): until
        for y, u, until in scope.unit_filter(
            Extension.objects.filter(year__in=list(years), kind=Extension.Kind.REGISTRATION)
        ).values_list("year", "unit_id", "until")
    }
    reports = {
        (y, u): t
        for y, u, t in scope.unit_filter(
            AnnualReport.objects.filter(year__in=list(years), status=AnnualReport.Status.SUBMITTED)
        ).values_list("year", "unit_id", "timeliness")
    }
    submitted_units = {(y, u) for y, u, *_rest in groups}
    submitted_units |= {(y, u) for y, u, _f in counts} | set(registrations) | set(reports)
    in_scope = scope.unit_ids
    facts = {}
    for year in years:
        deadline = periods[year][0]
        expected = {
            pk
            for pk in in_scope
            if scope.expected_unit(units[pk]) and units[pk].is_active_on(deadline)
        }
        population = expected | {u for y, u in submitted_units if y == year and u in in_scope}
        year_facts = []
        for pk in population:
            qcdc, dvcq = counts[(year, pk, Field.QCDC)], counts[(year, pk, Field.DVCQ)]
            report = reports.get((year, pk))
            year_facts.append(
                UnitFact(
                    unit=units[pk],
                    expected=pk in expected,
                    qcdc=qcdc,
                    dvcq=dvcq,
                    registration=registrations.get((year, pk)) or NOT_SUBMITTED,
                    extension_until=extensions.get((year, pk)),
                    report=(report or ON_TIME)
                    if report is not None
                    else (MISSING if qcdc + dvcq else NOT_DUE),
                )  # fmt: skip
            )
        facts[year] = year_facts
    return facts


def _row_of(rows: dict, units, pk: int, view: str) -> Row:
    """The row a unit of that year is counted in (itself, or today's unit), created when new."""
    key = units.row(pk, view)
    if key not in rows:
        rows[key] = Row(unit=units[key])
    rows[key].members.add(pk)
    return rows[key]


def summarize(
    scope: ReportScope, years, view: str = HISTORICAL, *, detail=None
) -> dict[int, YearSummary]:
    """The summary of each of `years` for the scope, grouped as `view` says (R2, R23).

    Rows, localities and types of unit are built for the years in `detail` (all by default);
    the other years get their totals only, as a trend needs.
    """
    years = sorted(set(years))
    detail = set(years if detail is None else detail)
    periods = deadlines(scope.province, years)
    groups = list(spot_groups(scope, years))
    facts = unit_facts(scope, years, groups, periods)
    by_year: dict[int, list] = {year: [] for year in years}
    for group in groups:
        by_year[group[0]].append(group)
    summaries = {}
    for year in years:
        if year in detail:
            total, rows, localities, kinds = _grouped(scope, view, facts[year], by_year[year])
        else:
            total, rows, localities, kinds = _total(facts[year], by_year[year]), {}, {}, {}
        summaries[year] = YearSummary(
            year=year,
            view=view,
            deadline=periods[year][0],
            report_deadline=periods[year][1],
            total=total,
            rows=rows,
            localities=localities,
            kinds=kinds,
            facts=facts[year],
        )
    return summaries


def _total(facts, groups) -> Tally:
    total = Tally()
    for fact in facts:
        total.units[fact.key] += 1
    for _year, _unit_id, key, n, progress in groups:
        total.spots[key] += n
        if key[2] in REGISTERED:
            total.progress_sum += progress
    return total


def _grouped(scope, view, facts, groups):
    """The year's rows (units), localities and types of unit, and their total."""
    units, root = scope.units, scope.units[scope.root.pk]
    rows: dict[int, Row] = {}
    for fact in facts:
        _row_of(rows, units, fact.unit.pk, view).tally.units[fact.key] += 1
    for _year, unit_id, key, n, progress in groups:
        tally = _row_of(rows, units, unit_id, view).tally
        tally.spots[key] += n
        if key[2] in REGISTERED:
            tally.progress_sum += progress
    total, localities, kinds = Tally(), {}, {}
    for pk, row in rows.items():
        total += row.tally
        locality = units.locality(pk, root)
        if locality not in localities:
            localities[locality] = Row(unit=units[locality])
        localities[locality].tally += row.tally
        localities[locality].members |= row.members
        kinds.setdefault(row.unit.kind, Tally())
        kinds[row.unit.kind] += row.tally
    return total, rows, localities, kinds


def summary_years(scope: ReportScope, today: date) -> list[int]:
    """The years a summary can speak of: from the first year with a submission to this year."""
    first = (
        BrightSpot.objects.filter(province=scope.province)
        .exclude(status=BrightSpot.Status.DRAFT)
        .order_by("year")
        .values_list("year", flat=True)
        .first()
    )
    return list(range(min(first or today.year, today.year), today.year + 1))


__all__ = ["CURRENT", "HISTORICAL", "Tally", "UnitFact", "YearSummary", "summarize"]
