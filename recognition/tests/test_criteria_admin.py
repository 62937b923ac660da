"""R15: administrators edit the criteria in the Django admin; a set a dossier used is frozen and
changed only through a new version; dossiers keep the version they were assessed against."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from recognition import services
from recognition.models import CriteriaSet
from recognition.selectors import criteria_set_for
from recognition.tests.factories import at, cast_pair


@pytest.fixture
def administrator(cast):
    cast.admin.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="recognition")
    )
    return cast.admin


def shipped(field="qcdc"):
    return CriteriaSet.objects.get(province=None, field=field, active=True)


def test_a_province_administrator_copies_the_shipped_set_for_the_province(
    cast, administrator, client_of
):
    client = client_of(administrator)
    original = shipped()
    assert (
        client.get(reverse("admin:recognition_criteriaset_change", args=[original.pk])).status_code
        == 200
    )
    response = client.post(reverse("admin:recognition_criteriaset_new_version", args=[original.pk]))
    copy = CriteriaSet.objects.get(province=cast.province, field="qcdc")
    assert response["Location"] == reverse("admin:recognition_criteriaset_change", args=[copy.pk])
    assert copy.previous == original and copy.criteria.count() == 13
    assert shipped() == original  # other provinces keep using it
    assert criteria_set_for(cast.province, "qcdc", 2026) == copy
    assert criteria_set_for(cast.other_province, "qcdc", 2026) == original


def test_an_unused_set_is_edited_in_place(cast, administrator, client_of):
    copy = services.criteria_set_new_version(
        criteria_set=shipped(), province=cast.province, by=administrator
    )
    criterion = copy.criteria.order_by("group", "number").first()
    client = client_of(administrator)
    url = reverse("admin:recognition_criteriaset_change", args=[copy.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'name="criteria-0-text_vi"' in page.text
    data = {
        "province": cast.province.pk, "field": "qcdc", "valid_from_year": copy.valid_from_year,
        "version": copy.version, "source": copy.source, "active": "on",
        "criteria-TOTAL_FORMS": "13", "criteria-INITIAL_FORMS": "13", "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    for index, c in enumerate(copy.criteria.order_by("group", "number")):
        data |= {
            f"criteria-{index}-id": c.pk, f"criteria-{index}-criteria_set": copy.pk,
            f"criteria-{index}-group": c.group, f"criteria-{index}-number": c.number,
            f"criteria-{index}-text_vi": c.text_vi, f"criteria-{index}-text_en": c.text_en,
        }  # fmt: skip
    data["criteria-0-text_vi"] = "Có tên gọi, địa chỉ cụ thể, rõ ràng."
    response = client.post(url, data)
    assert response.status_code == 302, response.text[:2000]
    criterion.refresh_from_db()
    assert criterion.text_vi == "Có tên gọi, địa chỉ cụ thể, rõ ràng."


def test_a_used_set_is_frozen_and_a_new_version_leaves_the_dossier_alone(
    cast, administrator, client_of
):
    copy = services.criteria_set_new_version(
        criteria_set=shipped(), province=cast.province, by=administrator
    )
    spots = cast_pair(cast)
    with at(2026, 10, 20):
        dossier = services.dossier_start(bright_spot=spots["qcdc"], by=cast.official_a)
    assert dossier.criteria_set == copy
    client = client_of(administrator)
    url = reverse("admin:recognition_criteriaset_change", args=[copy.pk])
    page = client.get(url)
    assert 'name="criteria-0-text_vi"' not in page.text  # read-only
    assert "Tạo phiên bản mới" in page.text
    assert client.post(url, {"version": "sửa"}).status_code == 403
    client.post(reverse("admin:recognition_criteriaset_new_version", args=[copy.pk]))
    newest = CriteriaSet.objects.get(province=cast.province, field="qcdc", active=True)
    assert newest.previous == copy
    copy.refresh_from_db()
    assert not copy.active
    dossier.refresh_from_db()
    assert dossier.criteria_set == copy  # the dossier keeps the version it was assessed against
    with at(2026, 10, 20):
        other = services.dossier_start(bright_spot=spots["dvcq"], by=cast.official_a)
    assert other.criteria_set.field == "dvcq"
    assert criteria_set_for(cast.province, "qcdc", 2026) == newest


def test_the_shipped_set_is_read_only_for_a_province_administrator(cast, administrator, client_of):
    url = reverse("admin:recognition_criteriaset_change", args=[shipped().pk])
    assert client_of(administrator).post(url, {"version": "x"}).status_code == 403


@pytest.mark.parametrize("copies", [0, 6])
def test_the_list_counts_dossiers_in_one_query_however_many_sets(
    cast, administrator, client_of, django_assert_max_num_queries, copies
):
    pair = cast_pair(cast)
    with at(2026, 10, 20):
        services.dossier_start(bright_spot=pair["qcdc"], by=cast.official_a)
    for year in range(2020, 2020 + copies):
        CriteriaSet.objects.create(province=cast.province, field="dvcq", valid_from_year=year)
    client = client_of(administrator)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("admin:recognition_criteriaset_changelist"))
    rows = page.context["cl"].result_list
    assert len(rows) == 2 + copies
    shipped_sets = {s.field: s for s in rows if s.province_id is None}
    assert shipped_sets["qcdc"].dossier_total == 1 and shipped_sets["dvcq"].dossier_total == 0
    assert page.text.count('<td class="field-dossier_count">') == 2 + copies
