"""A unit's own history, year by year (issue 5, item 5): what it registered, how far it got, and
its annual reports — with the years of the units merged into it (R2)."""

from django.utils import timezone

from reporting.areas import Area
from reporting.summary import summarize, summary_years
from reporting.units import CURRENT


def unit_history(unit) -> dict:
    area = Area(province=unit.province, root=unit)
    years = summary_years([area], timezone.localdate())
    summaries = summarize(area, years, CURRENT, detail=())  # totals and facts are enough
    spots = {}
    for spot in (
        area.bright_spots(years)
        .select_related("unit")
        .order_by("-year", "field", "name_sort", "pk")
    ):
        spots.setdefault(spot.year, []).append(spot)
    rows = []
    for year in sorted(years, reverse=True):
        year_summary = summaries[year]
        facts = sorted(year_summary.facts, key=lambda f: (f.unit.pk != unit.pk, f.unit.name_sort))
        if not facts and not spots.get(year):
            continue
        rows.append(
            {
                "year": year,
                "total": year_summary.total,
                "accepted": year_summary.total.count(status="accepted"),
                "withdrawn": year_summary.total.count(status="withdrawn"),
                "facts": facts,
                "bright_spots": spots.get(year, []),
                "merged": any(f.unit.pk != unit.pk for f in facts),
            }
        )
    return {
        "unit": unit,
        "years": rows,
        "predecessors": sorted(
            (
                u
                for pk, u in area.units.units.items()
                if pk != unit.pk and area.units.current(pk) == unit.pk
            ),
            key=lambda u: u.name_sort,
        ),
    }
