"""The home page greets each role with its scope; navigation shows only what the role may use."""

import pytest
from django.urls import reverse


def home(client_of, user):
    response = client_of(user).get(reverse("home"))
    assert response.status_code == 200
    return response.text


def test_official_sees_unit_and_field_entry_points(cast, client_of):
    text = home(client_of, cast.official_a)
    assert "Xã Nghĩa Dũng" in text
    assert 'data-field="qcdc"' in text and 'data-field="dvcq"' in text
    assert "Phường Đông Vĩnh" not in text


def test_committee_staff_see_their_committee(cast, client_of):
    text = home(client_of, cast.qcdc_staff)
    assert cast.qcdc.name in text and cast.dvcq.name not in text


def test_provincial_staff_see_the_province(cast, client_of):
    assert "Nghệ An" in home(client_of, cast.provincial)


@pytest.mark.parametrize("who", ["official_a", "qcdc_staff", "provincial"])
def test_administration_link_only_for_administrators(cast, client_of, who):
    assert reverse("admin:index") not in home(client_of, getattr(cast, who))


def test_administrator_sees_administration(cast, client_of):
    assert reverse("admin:index") in home(client_of, cast.admin)


def test_user_without_role_is_told_so(cast, client_of):
    from organisation.tests.factories import UserFactory

    assert "chưa được giao vai trò" in home(client_of, UserFactory(username="newcomer"))


def test_anonymous_goes_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
