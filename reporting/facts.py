"""What a summary reads from the database (R23): a handful of grouped queries per province,
never drafts. Bright spots come as groups with their counts (`spot_groups`), unit-years as facts
(`unit_facts`); recognition (R16–R22) enters as more columns of the same query
(`recognition_columns`): the fate of a bright spot's dossier, its unit's commendation of the year
and the Council's five-year outcome.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db import connections
from django.db.models import Case, CharField, Count, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from organisation.models import Field
from recognition.models import (
    CommendationEntry,
    Dossier,
    Outcome,
    Recognition,
    UnitCommendation,
)
from registry.deadlines import default_registration_deadline, default_report_deadline
from registry.models import (
    AnnualReport,
    BrightSpot,
    Extension,
    ProgressEntry,
    Registration,
    RegistrationPeriod,
)
from reporting.areas import COUNTED, REGISTERED, Area
from reporting.tally import (
    BOTH,
    COMMENDED,
    IN_REVIEW,
    MISSING,
    NO_DOSSIER,
    NONE,
    NOT_COMMENDED,
    NOT_DUE,
    NOT_RECOGNIZED,
    NOT_RECORDED,
    NOT_SUBMITTED,
    ON_TIME,
    ONE,
    RECOGNIZED,
    RECORDED,
)
from reporting.units import UnitInfo


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


def deadlines(province, years) -> dict[int, tuple[date, date]]:
    """Each year's registration and annual report deadlines (R6, R11), with the defaults."""
    return country_deadlines([province], years)[province.pk]


def country_deadlines(provinces, years) -> dict[int, dict[int, tuple[date, date]]]:
    """The same for several provinces in one query: province id → year → deadlines."""
    found = {
        (p.province_id, p.year): (p.deadline, p.report_deadline)
        for p in RegistrationPeriod.objects.filter(
            province__in=[p.pk for p in provinces], year__in=list(years)
        )
    }
    return {
        province.pk: {
            y: found.get(
                (province.pk, y), (default_registration_deadline(y), default_report_deadline(y))
            )
            for y in years
        }
        for province in provinces
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
                )
                .order_by("-outcome")  # merit before a letter of commendation, as the summary
                .values("outcome")[:1]
            ),
            Value(""),
        ),
    }  # fmt: skip


def _spot_groups_sql(base, province_ids) -> tuple[str, list]:
    """One statement for the groups: the scope's bright spots as `s`, joined to their dossiers'
    fate and to what progress, commendations and the Council recorded of *those* bright spots,
    each read once and grouped, never a sub-query per bright spot (issue 12: the per-row
    sub-queries cost 216 ms of a province dashboard's 238 ms of SQL). Every table that has a
    province is read for the area's province only (for the country's page, its provinces), by
    its index: the statement's cost follows the province's size, not the country's (a join on
    the dossiers of the whole country made the planner read them all)."""
    base = base.values(
        "pk", "year", "unit_id", "field", "level", "status", "timeliness", "progress"
    ).order_by()
    inner, params = base.query.get_compiler(using=base.db).as_sql()
    progress = ProgressEntry._meta.db_table
    commendation = UnitCommendation._meta.db_table
    entry, recognition = CommendationEntry._meta.db_table, Recognition._meta.db_table
    dossier = Dossier._meta.db_table
    status = Dossier.Status
    provinces = ", ".join(["%s"] * len(province_ids))
    sql = f"""
        WITH s AS ({inner})
        SELECT s.year, s.unit_id, s.field, s.level, s.status, s.timeliness,
               CASE WHEN p.bright_spot_id IS NULL THEN 0 ELSE 1 END,
               CASE WHEN d.status IN (%s, %s, %s) THEN %s
                    WHEN d.status = %s THEN %s
                    WHEN d.status = %s THEN %s
                    ELSE %s END,
               CASE WHEN c.bright_spot_id IS NULL THEN 0 ELSE 1 END,
               COALESCE(k.outcome, ''),
               COUNT(*), SUM(s.progress)
        FROM s
        LEFT JOIN (
            SELECT x.bright_spot_id, x.status FROM {dossier} x WHERE x.province_id IN ({provinces})
        ) d ON d.bright_spot_id = s.pk
        LEFT JOIN (
            SELECT DISTINCT e.bright_spot_id FROM {progress} e
            WHERE e.bright_spot_id IN (SELECT s.pk FROM s)
        ) p ON p.bright_spot_id = s.pk
        LEFT JOIN (
            SELECT DISTINCT u.bright_spot_id, u.year FROM {commendation} u
            WHERE u.province_id IN ({provinces})
        ) c ON c.bright_spot_id = s.pk AND c.year = s.year
        LEFT JOIN (
            SELECT y.bright_spot_id, MAX(ce.outcome) AS outcome
            FROM {entry} ce
            JOIN {recognition} r ON r.id = ce.recognition_id
            JOIN {dossier} y ON y.id = r.dossier_id
            WHERE ce.outcome IN (%s, %s) AND y.province_id IN ({provinces})
            GROUP BY y.bright_spot_id
        ) k ON k.bright_spot_id = s.pk
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    """  # noqa: S608 (table names are the models'; values are parameters)
    states = [status.SUBMITTED, status.SUPPLEMENT, status.PROPOSED, IN_REVIEW,
              status.RECOGNIZED, RECOGNIZED, status.NOT_RECOGNIZED, NOT_RECOGNIZED, NO_DOSSIER]  # fmt: skip
    # Merit ranks above a letter of commendation: MAX picks it when both were recorded.
    return sql, [
        *params,
        *states,
        *province_ids,
        *province_ids,
        Outcome.COMMENDATION,
        Outcome.MERIT,
        *province_ids,
    ]


def spot_groups(area: Area, years):
    """(year, unit id, SPOT_KEY tuple, count, progress sum) for the scope's bright spots."""
    return _read_groups(area.bright_spots(years), [area.province.pk])


def country_spot_groups(provinces, years):
    """The same groups for the whole of several provinces, in one statement (the country's
    page): each group's unit tells its province."""
    ids = sorted(p.pk for p in provinces)
    base = BrightSpot.objects.filter(province_id__in=ids, year__in=list(years), status__in=COUNTED)
    return _read_groups(base, ids)


def _read_groups(base, province_ids):
    sql, params = _spot_groups_sql(base, province_ids)
    with connections[BrightSpot.objects.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    for year, unit_id, field_, level, status, timely, has, dossier, commended, council, n, progress in rows:  # fmt: skip
        key = (field_, level, status, timely, RECORDED if has else NOT_RECORDED, dossier,
               COMMENDED if commended else NOT_COMMENDED, council)  # fmt: skip
        yield year, unit_id, key, n, progress or 0


def _field_counts(area: Area, years, groups) -> dict:
    """Registered bright spots per (year, unit, field), whatever the scope's fields: whether a
    unit registered both fields (R7) does not depend on who reads the summary."""
    counts = Counter()
    if area.all_fields and area.committee is None:
        for year, unit_id, key, n, _progress in groups:
            if key[2] in REGISTERED:
                counts[(year, unit_id, key[0])] += n
        return counts
    queryset = BrightSpot.objects.filter(
        province=area.province, year__in=list(years), status__in=REGISTERED
    )
    queryset = area.unit_filter(queryset)
    for year, unit_id, field_, n in (
        queryset.values_list("year", "unit_id", "field").annotate(n=Count("pk")).order_by()
    ):
        counts[(year, unit_id, field_)] += n
    return counts


@dataclass
class UnitRecords:
    """What units submitted besides bright spots, by (year, unit id): registrations (their
    timeliness), extensions of the registration (until), annual reports (their timeliness)."""

    registrations: dict
    extensions: dict
    reports: dict

    @classmethod
    def read(cls, restrict, years) -> "UnitRecords":
        """`restrict` narrows each model's rows to the units read (an area's `unit_filter`)."""
        years = list(years)
        registration, report = Registration.Status.SUBMITTED, AnnualReport.Status.SUBMITTED
        return cls(
            registrations=_by_unit_year(restrict(
                Registration.objects.filter(year__in=years, status=registration)
            ).values_list("year", "unit_id", "timeliness")),
            extensions=_by_unit_year(restrict(
                Extension.objects.filter(year__in=years, kind=Extension.Kind.REGISTRATION)
            ).values_list("year", "unit_id", "until")),
            reports=_by_unit_year(restrict(
                AnnualReport.objects.filter(year__in=years, status=report)
            ).values_list("year", "unit_id", "timeliness")),
        )  # fmt: skip

    def by_province(self, province_of: dict) -> dict[int, "UnitRecords"]:
        """The records split by province (`province_of`: unit id → province id)."""
        split: dict[int, UnitRecords] = {}
        for name in ("registrations", "extensions", "reports"):
            for key, value in getattr(self, name).items():
                province = province_of[key[1]]
                if province not in split:
                    split[province] = UnitRecords({}, {}, {})
                getattr(split[province], name)[key] = value
        return split


def _by_unit_year(rows) -> dict:
    return {(year, unit): value for year, unit, value in rows}


def unit_facts(area: Area, years, groups, periods, records=None) -> dict[int, list[UnitFact]]:
    """Every unit-year of the scope: units that had to register, and any unit that submitted.
    `records` are read for the area unless given (read once for the country's provinces)."""
    units = area.units
    counts = _field_counts(area, years, groups)
    if records is None:
        records = UnitRecords.read(area.unit_filter, years)
    registrations, extensions, reports = records.registrations, records.extensions, records.reports
    submitted_units = {(y, u) for y, u, *_rest in groups}
    submitted_units |= {(y, u) for y, u, _f in counts} | set(registrations) | set(reports)
    in_scope = area.unit_ids
    facts = {}
    for year in years:
        deadline = periods[year][0]
        expected = {
            pk
            for pk in in_scope
            if area.expected_unit(units[pk]) and units[pk].is_active_on(deadline)
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
