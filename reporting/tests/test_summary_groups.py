"""The summary's one statement for the bright spots (issue 12): the groups it answers equal the
plain per-bright-spot form (one sub-query per bright spot for its progress, commendation and
Council outcome, as the summary read them before) and direct counts, for every kind of scope;
and the number of statements does not grow with the number of bright spots or years."""

from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.test.utils import CaptureQueriesContext

from organisation.models import Field
from recognition.models import CommendationEntry, Outcome, UnitCommendation
from registry.models import BrightSpot, ProgressEntry
from reporting.areas import REGISTERED, Area
from reporting.facts import recognition_columns, spot_groups
from reporting.summary import summarize
from reporting.tally import COMMENDED, NOT_COMMENDED, NOT_RECORDED, RECORDED
from reporting.tests import reference
from reporting.tests.conftest import YEARS


def per_bright_spot(area: Area, years) -> Counter:
    """The groups as plain sub-queries per bright spot: slow, but obviously right."""
    council = CommendationEntry.objects.filter(
        recognition__dossier__bright_spot=OuterRef("pk"),
        outcome__in=[Outcome.MERIT, Outcome.COMMENDATION],
    ).order_by("-outcome")  # merit before a letter of commendation
    rows = (
        area.bright_spots(years)
        .annotate(
            dossier_state=recognition_columns()["dossier_state"],
            recorded=Exists(ProgressEntry.objects.filter(bright_spot=OuterRef("pk"))),
            commended=Exists(
                UnitCommendation.objects.filter(bright_spot=OuterRef("pk"), year=OuterRef("year"))
            ),
            council=Coalesce(Subquery(council.values("outcome")[:1]), Value("")),
        )
        .values_list("year", "unit_id", "field", "level", "status", "timeliness", "recorded",
                     "dossier_state", "commended", "council")
        .annotate(n=Count("pk"), progress=Sum("progress"))
        .order_by()
    )  # fmt: skip
    groups = Counter()
    for year, unit, field_, level, status, timely, has, dossier, commended, council_, n, p in rows:
        key = (field_, level, status, timely, RECORDED if has else NOT_RECORDED, dossier,
               COMMENDED if commended else NOT_COMMENDED, council_)  # fmt: skip
        groups[(year, unit, key)] += n
        groups[(year, unit, key, "progress")] += p or 0
    return groups


def one_statement(area: Area, years) -> Counter:
    groups = Counter()
    for year, unit, key, n, progress in spot_groups(area, years):
        groups[(year, unit, key)] += n
        groups[(year, unit, key, "progress")] += progress
    return groups


def scopes(generated):
    locality = generated.new_commune.parent
    return {
        "province": Area(province=generated.province, root=generated.root),
        "subtree": Area(province=generated.province, root=locality),
        "committee": Area(
            province=generated.province,
            root=generated.root,
            committee=generated.qcdc,
            fields=(Field.QCDC,),
        ),
        "other province": Area(province=generated.other, root=generated.other.root_unit),
    }


@pytest.mark.parametrize("scope", ["province", "subtree", "committee", "other province"])
def test_the_one_statement_equals_the_per_bright_spot_form(generated, scope):
    area = scopes(generated)[scope]
    expected = per_bright_spot(area, YEARS)
    assert one_statement(area, YEARS) == expected
    assert sum(n for key, n in expected.items() if len(key) == 3) > 0, scope


def test_progress_commendations_and_council_outcomes_are_in_the_groups(generated):
    area = scopes(generated)["province"]
    keys = [key for _y, _u, key, _n, _p in spot_groups(area, YEARS)]
    assert {k[4] for k in keys} == {RECORDED, NOT_RECORDED}
    assert {k[6] for k in keys} == {COMMENDED, NOT_COMMENDED}
    assert {Outcome.MERIT, Outcome.COMMENDATION} <= {k[7] for k in keys}


def test_a_spot_with_several_council_entries_counts_once_with_its_best_outcome(generated):
    entry = CommendationEntry.objects.filter(outcome=Outcome.COMMENDATION).first()
    spot = entry.recognition.dossier.bright_spot
    later = entry.proposal
    later.pk, later.period_start, later.period_end = None, 2026, 2030
    later.save()
    CommendationEntry.objects.create(
        proposal=later, recognition=entry.recognition, position=1, outcome=Outcome.MERIT
    )
    area = Area(province=spot.province, root=spot.province.root_unit)
    groups = one_statement(area, [spot.year])
    assert groups == per_bright_spot(area, [spot.year])
    total = sum(n for key, n in groups.items() if len(key) == 3)
    assert total == area.bright_spots([spot.year]).count()  # never counted twice


@pytest.mark.parametrize("year", YEARS)
def test_summary_figures_equal_direct_counts(generated, year):
    area = scopes(generated)["province"]
    total = summarize(area, [year])[year].total
    expected = reference.figures(generated.province, year)
    assert total.registered == expected["registered"]
    assert (
        total.registered
        == BrightSpot.objects.filter(
            province=generated.province, year=year, status__in=REGISTERED
        ).count()
    )
    recognition = reference.recognition_figures(generated.province, year)
    from reporting import figures

    for key in ("dossiers", "recognized", "commended"):
        assert figures.by_key(key).value(total) == recognition[key], key


def test_the_statements_do_not_grow_with_years_or_bright_spots(generated):
    area = scopes(generated)["province"]
    summarize(area, [2025])  # the scope's units are read once, then kept
    with CaptureQueriesContext(connection) as one_year:
        summarize(area, [2026])
    with CaptureQueriesContext(connection) as three_years:
        summarize(area, YEARS)
    assert len(three_years) == len(one_year)
    groups = [q["sql"] for q in three_years if "WITH s AS" in q["sql"]]
    assert len(groups) == 1  # the bright spots are read in one statement
