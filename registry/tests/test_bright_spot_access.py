"""R30 on bright spots and their files: 404 outside the scope, drafts stay with the unit."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.upload_samples import PDF
from registry import services
from registry.tests.factories import make_bright_spot


@pytest.fixture
def spot(cast):
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        spot = make_bright_spot(cast.unit_a, field="qcdc")
        services.bright_spot_update(
            bright_spot=spot,
            values={
                f: getattr(spot, f)
                for f in [
                    "field",
                    "level",
                    "name",
                    "address",
                    "objectives",
                    "plan",
                    "continues",
                    "replicates",
                ]
            },
            staff=[{"name": "A", "position": "B", "phone": "", "email": ""}],
            milestones=[{"title": "M", "due": datetime(2026, 5, 1).date()}],
            plan_file=SimpleUploadedFile("kế hoạch 2026.pdf", PDF),
            version=spot.version,
            by=cast.official_a,
        )
    return spot


def urls(spot):
    return [
        reverse("registry:bright-spot-detail", args=[spot.pk]),
        reverse("registry:bright-spot-plan-file", args=[spot.pk]),
    ]


def test_official_of_b_gets_404_on_a_bright_spot_and_its_file(cast, spot, client_of):
    client = client_of(cast.official_b)
    assert [client.get(url).status_code for url in urls(spot)] == [404, 404]


def test_the_unit_downloads_its_file_under_its_original_name(cast, spot, client_of):
    response = client_of(cast.official_a).get(urls(spot)[1])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        "attachment" in response["Content-Disposition"]
        and "2026.pdf" in response["Content-Disposition"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_drafts_are_not_visible_to_committees_or_the_province(cast, spot, client_of):
    for who in (cast.qcdc_staff, cast.provincial, cast.other_province_staff):
        assert client_of(who).get(urls(spot)[0]).status_code == 404


def test_after_submission_committee_and_province_read_it(cast, spot, client_of):
    with time_machine.travel(
        datetime(2026, 3, 11, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        make_bright_spot(cast.unit_a, field="dvcq")
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    for who in (cast.qcdc_staff, cast.provincial):
        assert [client_of(who).get(url).status_code for url in urls(spot)] == [200, 200]
    assert client_of(cast.dvcq_staff).get(urls(spot)[0]).status_code == 404
    assert client_of(cast.other_province_staff).get(urls(spot)[0]).status_code == 404


def test_editing_is_for_the_units_officials_only(cast, spot, client_of):
    url = reverse("registry:bright-spot-edit", args=[spot.pk])
    assert client_of(cast.official_a).get(url).status_code == 200
    assert client_of(cast.official_b).get(url).status_code == 404
    assert client_of(None).get(url).status_code == 302


def test_a_successor_communes_official_reads_the_merged_communes_history(cast, spot, client_of):
    from organisation.tests.factories import UnitFactory, UserFactory, assign

    new_commune = UnitFactory(province=cast.province, parent=cast.root, name="Xã Nghĩa Đồng")
    cast.unit_a.successor = new_commune
    cast.unit_a.save()
    official = UserFactory(username="nghiadong")
    assign(official, "unit_official", unit=new_commune)
    client = client_of(official)
    assert client.get(urls(spot)[0]).status_code == 200
    assert client.get(reverse("registry:bright-spot-edit", args=[spot.pk])).status_code == 403
