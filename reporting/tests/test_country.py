"""The country's page (R23, issue 12): one line per province with its headline figures, each
equal to a direct count of that province, the country's total their sum; read in the same
number of queries for any number of provinces; only for provinces the reader reads (R30)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.years import open_year_for
from organisation.tests.factories import UserFactory
from registry.models import BrightSpot
from reporting.areas import Area
from reporting.country import COLUMNS
from reporting.summary import summarize, summarize_country
from reporting.tests import reference
from reporting.tests.conftest import YEARS
from reporting.tests.pages import count_on, figures, number


@pytest.fixture
def national(db):
    return UserFactory(username="national.reader", is_superuser=True, is_staff=True)


def country(client, **params):
    return client.get(reverse("reporting:country"), params)


@pytest.mark.parametrize("year", [2025, 2026])
def test_each_province_line_equals_a_direct_count(generated, national, client_of, year):
    response = country(client_of(national), year=year)
    assert response.status_code == 200
    found = figures(response.content.decode())
    provinces = [generated.province, generated.other]
    provinces.sort(key=lambda p: p.code)
    for key in COLUMNS:
        *lines, total = found[key]
        expected = [reference.figures(p, year)[key] for p in provinces]
        assert [number(text) for text, _link in lines] == expected, key
        assert number(total[0]) == sum(expected), key


def test_a_figure_opens_its_provinces_list(generated, national, client_of):
    client = client_of(national)
    html = country(client, year=2026).content.decode()
    lines = figures(html)["registered"]
    link = next(link for (_text, link) in lines if f"province={generated.other.pk}&" in link)
    listed = client.get(link)
    assert listed.status_code == 200
    assert count_on(listed.content.decode()) == reference.spots(generated.other, 2026).count()
    assert f'href="{reverse("reporting:summary")}?province={generated.province.pk}' in html


def test_the_country_equals_each_provinces_own_summary(generated):
    areas = [Area(province=p, root=p.root_unit) for p in (generated.province, generated.other)]
    found = summarize_country(areas, YEARS)
    for area in areas:
        own = summarize(area, YEARS, detail=())
        for year in YEARS:
            mine, theirs = found[area.province.pk][year].total, own[year].total
            assert (mine.spots, mine.units, mine.progress_sum) == (
                theirs.spots, theirs.units, theirs.progress_sum
            )  # fmt: skip


def test_the_queries_do_not_grow_with_the_provinces(generated):
    areas = [Area(province=p, root=p.root_unit) for p in (generated.province, generated.other)]
    counts = []
    for some in (areas[:1], areas):
        with CaptureQueriesContext(connection) as queries:
            summarize_country(some, [2026])
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 9


def test_a_provinces_staff_read_their_own_line_only(generated, client_of):
    response = country(client_of(generated.provincial), year=2026)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-province="{generated.province.pk}"' in html
    assert f'data-province="{generated.other.pk}"' not in html
    assert generated.other.name not in html


def test_readers_of_no_province_are_refused(generated, client_of):
    assert country(client_of(generated.qcdc_staff)).status_code == 403
    assert country(client_of(generated.official_of_new)).status_code == 403
    anonymous = country(client_of(None))
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


def test_a_bad_year_falls_back_to_the_open_year(generated, national, client_of):
    response = country(client_of(national), year="not-a-year")
    assert response.status_code == 200
    shown = open_year_for(national).year
    assert f'<option value="{shown}" selected>' in response.content.decode()
    assert figures(response.content.decode())["registered"][-1][0] == str(
        sum(
            reference.figures(p, shown)["registered"] for p in (generated.province, generated.other)
        )
    )


def test_the_year_menu_reaches_the_earliest_year_of_any_province(generated, national, client_of):
    # The province read last started earlier than the others: its first year is offered too.
    last = max(generated.province, generated.other, key=lambda p: p.code)
    spot = BrightSpot.objects.filter(province=last).exclude(status="draft").first()
    BrightSpot.objects.filter(pk=spot.pk).update(year=2019)
    html = country(client_of(national), year=2026).content.decode()
    assert '<option value="2019">' in html


def test_the_summary_offers_the_country_to_readers_of_several(generated, national, client_of):
    link = 'data-testid="country-link"'
    summary = reverse("reporting:summary")
    assert link in client_of(national).get(summary, {"year": 2026}).content.decode()
    assert link not in client_of(generated.provincial).get(summary, {"year": 2026}).content.decode()
