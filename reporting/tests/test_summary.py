"""The annual summary (R23) on a generated dataset: every figure equals a direct count, drafts
never count, and the two views of the 2025 merger reconcile (R2)."""

import pytest

from organisation.models import Unit
from registry.models import BrightSpot
from reporting import figures
from reporting.areas import Area
from reporting.summary import summarize
from reporting.tally import Tally
from reporting.tests import reference
from reporting.tests.conftest import YEARS
from reporting.units import CURRENT, HISTORICAL


def area_of(generated, root=None) -> Area:
    return Area(province=generated.province, root=root or generated.root)


@pytest.mark.parametrize("view", [HISTORICAL, CURRENT])
def test_every_overview_figure_equals_a_direct_count(generated, view):
    summaries = summarize(area_of(generated), YEARS, view)
    for year in YEARS:
        expected = reference.figures(generated.province, year)
        shown = {f.key: f.value(summaries[year].total) for f in figures.numbers(("qcdc", "dvcq"))}
        assert shown == expected, year
    assert summaries[2026].total.registered > 50  # the dataset is not empty


def test_drafts_never_count(generated):
    before = summarize(area_of(generated), YEARS)[2025].total
    drafts = BrightSpot.objects.filter(province=generated.province, year=2025, status="draft")
    assert drafts.count() >= 6  # the fixture added drafts to submitted lists
    drafts.update(progress=100)
    BrightSpot.objects.filter(pk__in=drafts.values("pk")[:3]).update(field="qcdc")
    after = summarize(area_of(generated), YEARS)[2025].total
    assert after.spots == before.spots and after.progress_sum == before.progress_sum


def test_localities_as_registered_and_by_todays_units(generated):
    area = area_of(generated)
    for view, today in ((HISTORICAL, False), (CURRENT, True)):
        year_summary = summarize(area, [2024], view)[2024]
        shown = {pk: row.tally.registered for pk, row in year_summary.localities.items()}
        expected = reference.registered_by_locality(
            generated.province, 2024, generated.root, today=today
        )
        assert {k: v for k, v in shown.items() if v} == expected, view
    # Before the merger the old communes sit under their districts; by today's units under the
    # new communes, which did not exist in 2024.
    historical = summarize(area, [2024], HISTORICAL)[2024].localities
    current = summarize(area, [2024], CURRENT)[2024].localities
    assert generated.merged.parent_id in historical and generated.new_commune.pk not in historical
    assert generated.new_commune.pk in current
    # A former district keeps only what it registered itself: it has no successor.
    district = generated.merged.parent_id
    own = reference.spots(generated.province, 2024, unit_ids=[district]).count()
    assert historical[district].tally.registered > own
    assert (current[district].tally.registered if district in current else 0) == own


@pytest.mark.parametrize("year", YEARS)
def test_the_two_views_reconcile(generated, year):
    """Same bright spots and unit-years, grouped differently: every figure has the same total,
    and in each view the rows add up to the total (R2)."""
    area = area_of(generated)
    historical = summarize(area, [year], HISTORICAL)[year]
    current = summarize(area, [year], CURRENT)[year]
    numbers = figures.numbers(("qcdc", "dvcq"))
    for figure in numbers:
        assert figure.value(historical.total) == figure.value(current.total), figure.key
    for year_summary in (historical, current):
        for rows in (year_summary.rows, year_summary.localities):
            added = Tally()
            for row in rows.values():
                added += row.tally
            assert added.spots == year_summary.total.spots
            assert added.units == year_summary.total.units


def test_a_merged_commune_counts_under_its_successor_today(generated):
    old, new = generated.merged, generated.new_commune
    predecessors = set(Unit.objects.filter(successor=new).values_list("pk", flat=True))
    assert old.pk in predecessors
    current = summarize(area_of(generated), [2024], CURRENT)[2024]
    expected = reference.spots(generated.province, 2024, unit_ids=predecessors | {new.pk}).count()
    assert current.rows[new.pk].tally.registered == expected > 0
    members = current.rows[new.pk].members
    assert old.pk in members and members <= predecessors | {new.pk}


def test_a_subtree_includes_the_units_merged_into_it(generated):
    """The summary of a new commune speaks of its predecessors' years too (R2)."""
    new = generated.new_commune
    predecessors = list(Unit.objects.filter(successor=new).values_list("pk", flat=True))
    summaries = summarize(area_of(generated, root=new), YEARS, HISTORICAL)
    for year in YEARS:
        expected = reference.figures(generated.province, year, unit_ids=[new.pk, *predecessors])
        for key in ("registered", "qcdc", "dvcq", "withdrawn", "unit_total", "both"):
            assert figures.by_key(key).value(summaries[year].total) == expected[key], (year, key)
    assert summaries[2024].total.registered > 0 and summaries[2026].total.unit_total == 1


def test_non_compliant_units_are_named(generated):
    year_summary = summarize(area_of(generated), [2026])[2026]
    named = {f.unit.pk for f in year_summary.non_compliant}
    figures_2026 = reference.unit_figures(generated.province, 2026)
    assert len(named) == figures_2026["one"] + figures_2026["none"] > 0
    names = [f.unit.name_sort for f in year_summary.non_compliant]
    assert names == sorted(names)
