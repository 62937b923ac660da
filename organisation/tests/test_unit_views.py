"""R30: each role sees its own scope; everything else is 404, anonymous users go to login."""

import pytest
from django.urls import reverse


def unit_url(unit):
    return reverse("organisation:unit-detail", args=[unit.pk])


def test_official_opens_own_unit(cast, client_of):
    response = client_of(cast.official_a).get(unit_url(cast.unit_a))
    assert response.status_code == 200
    assert "Xã Nghĩa Dũng" in response.text


def test_official_of_a_cannot_open_unit_b(cast, client_of):
    assert client_of(cast.official_a).get(unit_url(cast.unit_b)).status_code == 404


def test_official_cannot_open_the_province(cast, client_of):
    assert client_of(cast.official_a).get(unit_url(cast.root)).status_code == 404


@pytest.mark.parametrize("who", ["qcdc_staff", "dvcq_staff", "provincial", "admin"])
def test_province_roles_read_every_unit_of_their_province(cast, client_of, who):
    client = client_of(getattr(cast, who))
    assert client.get(unit_url(cast.unit_a)).status_code == 200
    assert client.get(unit_url(cast.other_unit)).status_code == 404


def test_staff_of_another_province_sees_nothing_here(cast, client_of):
    client = client_of(cast.other_province_staff)
    assert client.get(unit_url(cast.unit_a)).status_code == 404
    assert client.get(unit_url(cast.other_unit)).status_code == 200


def test_anonymous_is_sent_to_login(cast, client_of):
    response = client_of(None).get(unit_url(cast.unit_a))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_unknown_unit_is_404(cast, client_of):
    assert client_of(cast.provincial).get("/units/999999/").status_code == 404


def test_unit_page_lists_children_and_merger_links(cast, client_of):
    from organisation.tests.factories import UnitFactory

    merged = UnitFactory(
        province=cast.province, parent=cast.root, name="Xã Nghĩa Thái", successor=cast.unit_a
    )
    text = client_of(cast.provincial).get(unit_url(cast.root)).text
    assert "Xã Nghĩa Thái" in text and "Phường Đông Vĩnh" in text
    assert (
        merged.name in client_of(cast.official_a).get(unit_url(cast.unit_a)).text
    )  # "merged from"
