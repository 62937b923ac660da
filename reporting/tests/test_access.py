"""Who reads which summary (R30): unit officials no province summary (403), committee staff
their committee's field, provincial staff their whole province, never another province."""

import pytest
from django.urls import reverse

from organisation.tests.factories import UserFactory, assign
from registry.tests.factories import bulk_submitted
from reporting.tests.pages import figures, number


@pytest.fixture
def data(cast):
    assign(UserFactory(username="thach_ha"), "unit_official", unit=cast.other_unit)
    bulk_submitted(cast.unit_a, cast.qcdc, 3, year=2026, field="qcdc")
    bulk_submitted(cast.unit_a, cast.dvcq, 2, year=2026, field="dvcq")
    bulk_submitted(cast.other_unit, cast.other_committee, 4, year=2026, field="qcdc")
    return cast


def registered(client, **params) -> int:
    html = client.get(reverse("reporting:summary"), {"year": 2026, **params}).content.decode()
    return number(figures(html)["registered"][-1][0])


SCOPED_URLS = [
    ("reporting:summary", []),
    ("reporting:bright-spots", []),
    ("reporting:units", []),
    ("reporting:csv", ["csv-overview"]),
]


@pytest.mark.parametrize("name,args", SCOPED_URLS)
def test_who_gets_what(data, client_of, name, args):
    url = reverse(name, args=args)
    mine = {"province": data.province.pk, "year": 2026}
    assert client_of(None).get(url).status_code == 302  # to the login page
    assert client_of(data.official_a).get(url, mine).status_code == 403
    for user in (data.provincial, data.admin, data.qcdc_staff, data.dvcq_staff):
        assert client_of(user).get(url).status_code == 200, user
    assert client_of(data.provincial).get(url, mine).status_code == 200
    # Another province is not found, by province or by committee.
    assert client_of(data.other_province_staff).get(url, mine).status_code == 404
    other = {"committee": data.qcdc.pk}
    assert client_of(data.other_province_staff).get(url, other).status_code == 404
    # Committee staff read their own committee only.
    assert client_of(data.qcdc_staff).get(url, {"committee": data.dvcq.pk}).status_code == 404
    assert client_of(data.qcdc_staff).get(url, mine).status_code == 404
    # A subtree elsewhere is not found either.
    elsewhere = {"province": data.province.pk, "unit": data.other_unit.pk}
    assert client_of(data.provincial).get(url, elsewhere).status_code == 404


def test_committee_staff_see_their_field_provincial_staff_everything(data, client_of):
    assert registered(client_of(data.provincial)) == 5
    assert registered(client_of(data.qcdc_staff)) == 3
    assert registered(client_of(data.dvcq_staff)) == 2
    assert registered(client_of(data.provincial), committee=data.dvcq.pk) == 2
    assert registered(client_of(data.other_province_staff)) == 4
    assert registered(client_of(data.provincial), unit=data.unit_b.pk) == 0


def test_committee_staff_lists_hold_only_their_field(data, client_of):
    client = client_of(data.qcdc_staff)
    html = client.get(reverse("reporting:bright-spots"), {"year": 2026}).content.decode()
    assert 'data-testid="count">3' in html and "DVCQ" not in html.split('data-testid="count"')[1]


def test_downloads_belong_to_whoever_asked(data, client_of, django_capture_on_commit_callbacks):
    provincial = client_of(data.provincial)
    create = reverse("reporting:export-create")
    assert provincial.get(create).status_code == 405
    assert client_of(data.official_a).post(create, {"exporter": "workbook"}).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        response = provincial.post(create, {"exporter": "workbook", "year": 2026})
    assert response.status_code == 302
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    for name in ("reporting:export-detail", "reporting:export-status", "reporting:export-download"):
        url = reverse(name, args=[pk])
        assert provincial.get(url).status_code == 200, name
        assert client_of(data.admin).get(url).status_code == 404, name
        assert client_of(data.other_province_staff).get(url).status_code == 404, name
        assert client_of(None).get(url).status_code == 302, name


def test_asking_for_another_province_or_a_streamed_table_is_refused(data, client_of):
    create = reverse("reporting:export-create")
    other = client_of(data.other_province_staff)
    assert (
        other.post(create, {"exporter": "workbook", "province": data.province.pk}).status_code
        == 404
    )
    assert other.post(create, {"exporter": "csv-overview"}).status_code == 404
    assert other.post(create, {"exporter": "workbook", "year": "abc"}).status_code == 400


def test_unit_history(data, client_of):
    url = reverse("reporting:unit-history", args=[data.unit_a.pk])
    assert client_of(data.official_a).get(url).status_code == 200
    assert client_of(data.provincial).get(url).status_code == 200
    assert client_of(data.admin).get(url).status_code == 200
    assert client_of(data.official_b).get(url).status_code == 404
    assert client_of(data.other_province_staff).get(url).status_code == 404
    assert client_of(data.qcdc_staff).get(url).status_code == 403
    assert client_of(None).get(url).status_code == 302


def test_the_menu_and_home_offer_the_summary_to_those_who_read_it(data, client_of):
    summary = reverse("reporting:summary")
    for user in (data.provincial, data.qcdc_staff, data.admin):
        html = client_of(user).get(reverse("home")).content.decode()
        assert f'href="{summary}"' in html, user
    html = client_of(data.official_a).get(reverse("home")).content.decode()
    assert f'href="{summary}"' not in html
    assert reverse("reporting:unit-history", args=[data.unit_a.pk]) in html
