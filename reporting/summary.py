"""The annual summary (R23): every figure of the dashboard, the workbook, the CSV and the PDF.

The groups and facts read from the database (`facts.py`) are added up in Python into tallies
(`tally.py`) per unit, locality, type of unit and in total, for each year, as the units were
that year or by today's units (R2).
"""

from dataclasses import dataclass, field
from datetime import date

from registry.models import BrightSpot
from reporting.areas import REGISTERED, Area
from reporting.facts import (
    UnitFact,
    UnitRecords,
    country_deadlines,
    country_spot_groups,
    deadlines,
    spot_groups,
    unit_facts,
)
from reporting.tally import BOTH, Tally
from reporting.units import CURRENT, HISTORICAL, UnitInfo, UnitMap, divide


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


def _row_of(rows: dict, units, pk: int, view: str) -> Row:
    """The row a unit of that year is counted in (itself, or today's unit), created when new."""
    key = units.row(pk, view)
    if key not in rows:
        rows[key] = Row(unit=units[key])
    rows[key].members.add(pk)
    return rows[key]


def _rows_of(rows: dict, units, pk: int, view: str, inside) -> list[tuple[Row, int]]:
    """The rows a unit of that year is counted in with each one's share (%): one, or by today's
    units the successors of a split unit (only those within the area when it is a part)."""
    found = []
    for key, share in units.parts(pk, view):
        if inside is not None and key not in inside:
            found.append((None, share))  # its part is counted by the area that holds it
            continue
        if key not in rows:
            rows[key] = Row(unit=units[key])
        rows[key].members.add(pk)
        found.append((rows[key], share))
    return found


def _spread(rows, whole: int) -> list[tuple[Row, int]]:
    """`whole` divided among `rows` by their shares; parts of rows outside the area dropped."""
    parts = divide(whole, [share for _row, share in rows])
    return [(row, part) for (row, _share), part in zip(rows, parts, strict=True) if row is not None]


def summarize(area: Area, years, view: str = HISTORICAL, *, detail=None) -> dict[int, YearSummary]:
    """The summary of each of `years` for the scope, grouped as `view` says (R2, R23).

    Rows, localities and types of unit are built for the years in `detail` (all by default);
    the other years get their totals only, as a trend needs.
    """
    years = sorted(set(years))
    detail = set(years if detail is None else detail)
    periods = deadlines(area.province, years)
    groups = list(spot_groups(area, years))
    facts = unit_facts(area, years, groups, periods)
    return _summaries(area, years, view, detail, periods, groups, facts)


def summarize_country(areas: list[Area], years) -> dict[int, dict[int, YearSummary]]:
    """The totals of whole provinces (province id → year → summary), read for all of them at
    once: one statement for the bright spots, one query per other table, whatever the number
    of provinces (the country's page). Each equals `summarize(area, years, detail=())`."""
    years = sorted(set(years))
    provinces = [area.province for area in areas]
    periods = country_deadlines(provinces, years)
    maps = UnitMap.of_provinces(provinces)
    province_of = {pk: province for province, units in maps.items() for pk in units.units}
    groups: dict[int, list] = {province.pk: [] for province in provinces}
    for group in country_spot_groups(provinces, years):
        groups[province_of[group[1]]].append(group)
    ids = [province.pk for province in provinces]
    records = UnitRecords.read(lambda rows: rows.filter(province_id__in=ids), years)
    records = records.by_province(province_of)
    found = {}
    for area in areas:
        pk = area.province.pk
        area.preload(maps[pk])
        mine = records.get(pk) or UnitRecords({}, {}, {})
        facts = unit_facts(area, years, groups[pk], periods[pk], mine)
        found[pk] = _summaries(area, years, HISTORICAL, set(), periods[pk], groups[pk], facts)
    return found


def _summaries(area, years, view, detail, periods, groups, facts) -> dict[int, YearSummary]:
    by_year: dict[int, list] = {year: [] for year in years}
    for group in groups:
        by_year[group[0]].append(group)
    summaries = {}
    for year in years:
        if year in detail:
            total, rows, localities, kinds = _grouped(area, view, facts[year], by_year[year])
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


def _grouped(area, view, facts, groups):
    """The year's rows (units), localities and types of unit, and their total."""
    units, root = area.units, area.units[area.root.pk]
    rows: dict[int, Row] = {}
    # A split unit's figures are divided among its successors by their shares (R2); when the
    # area is a part of the province, only the successors within it count their parts.
    split = view == CURRENT and units.shares
    inside = area.unit_ids if split and not area.whole_province else None
    for fact in facts:
        if not split or fact.unit.pk not in units.shares:
            _row_of(rows, units, fact.unit.pk, view).tally.units[fact.key] += 1
            continue
        for row, part in _spread(_rows_of(rows, units, fact.unit.pk, view, inside), 1):
            row.tally.units[fact.key] += part
    for _year, unit_id, key, n, progress in groups:
        if not split or unit_id not in units.shares:
            tally = _row_of(rows, units, unit_id, view).tally
            tally.spots[key] += n
            if key[2] in REGISTERED:
                tally.progress_sum += progress
            continue
        targets = _rows_of(rows, units, unit_id, view, inside)
        counted = _spread(targets, n)
        progressed = _spread(targets, progress) if key[2] in REGISTERED else []
        for row, part in counted:
            row.tally.spots[key] += part
        for row, part in progressed:
            row.tally.progress_sum += part
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


def summary_years(areas: list[Area], today: date) -> list[int]:
    """The years a summary of these areas can speak of: from the first year with a submission
    in any of their provinces to this year."""
    first = (
        BrightSpot.objects.filter(province__in=[area.province for area in areas])
        .exclude(status=BrightSpot.Status.DRAFT)
        .order_by("year")
        .values_list("year", flat=True)
        .first()
    )
    return list(range(min(first or today.year, today.year), today.year + 1))


__all__ = [
    "CURRENT",
    "HISTORICAL",
    "YearSummary",
    "summarize",
    "summarize_country",
    "summary_years",
]
