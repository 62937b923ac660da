import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from organisation.selectors import get_committee_for_user


def committee_url(committee):
    return reverse("organisation:committee-detail", args=[committee.pk])


def test_staff_open_their_committee(cast, client_of):
    response = client_of(cast.qcdc_staff).get(committee_url(cast.qcdc))
    assert response.status_code == 200 and cast.qcdc.name in response.text


def test_qcdc_staff_cannot_open_the_dvcq_committee(cast, client_of):
    assert client_of(cast.qcdc_staff).get(committee_url(cast.dvcq)).status_code == 404


def test_qcdc_staff_cannot_act_for_the_dvcq_committee(cast):
    assert get_committee_for_user(cast.qcdc_staff, cast.qcdc.pk, write=True) == cast.qcdc
    for committee in (cast.dvcq, cast.other_committee):
        with pytest.raises(Http404):
            get_committee_for_user(cast.qcdc_staff, committee.pk, write=True)


def test_provincial_staff_read_committees_but_act_for_none(cast):
    assert get_committee_for_user(cast.provincial, cast.qcdc.pk) == cast.qcdc
    with pytest.raises(PermissionDenied):
        get_committee_for_user(cast.provincial, cast.qcdc.pk, write=True)


def test_officials_and_other_provinces_get_404(cast, client_of):
    assert client_of(cast.official_a).get(committee_url(cast.qcdc)).status_code == 404
    assert client_of(cast.other_province_staff).get(committee_url(cast.qcdc)).status_code == 404
