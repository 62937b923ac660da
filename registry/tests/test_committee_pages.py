"""R7 non-compliant units and R9 extensions, from the committee's side."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisation.models import AuditEntry, RoleAssignment
from organisation.tests.factories import UnitFactory, UserFactory, assign
from registry import services
from registry.models import Extension
from registry.tests.factories import bulk_submitted, make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(datetime(2026, 3, 20, 9, 0, tzinfo=ICT), tick=False):
        yield


def test_non_compliant_lists_units_without_both_fields(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    make_bright_spot(cast.unit_a, field="dvcq")
    services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    text = (
        client_of(cast.qcdc_staff)
        .get(reverse("registry:committee-non-compliant", args=[cast.qcdc.pk]), {"year": 2026})
        .text
    )
    assert "Phường Đông Vĩnh" in text and "Sở Tư pháp" in text
    assert "Xã Nghĩa Dũng" not in text
    assert "Chưa gửi danh sách" in text


def test_a_list_missing_one_field_is_named(cast, client_of):
    from registry.tests.factories import bulk_submitted

    bulk_submitted(cast.unit_b, cast.qcdc, 1)
    text = (
        client_of(cast.provincial)
        .get(reverse("registry:committee-non-compliant", args=[cast.qcdc.pk]))
        .text
    )
    assert "Chưa có điểm sáng DVCQ" in text


def test_staff_grant_an_extension_with_a_reason(cast, client_of):
    client = client_of(cast.qcdc_staff)
    url = reverse("registry:committee-extensions", args=[cast.qcdc.pk])
    response = client.post(
        url,
        {
            "unit": cast.unit_b.pk,
            "kind": "registration",
            "until": "05/04/2026",
            "reason": "Sáp nhập đơn vị",
        },
        follow=True,
    )
    assert "Đã gia hạn cho Phường Đông Vĩnh" in response.text
    extension = Extension.objects.get()
    assert extension.until.isoformat() == "2026-04-05" and extension.granted_by == cast.qcdc_staff
    assert AuditEntry.objects.filter(action="extension.granted").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "registration", "until": "05/04/2026", "reason": "Lý do"}, "Hãy chọn một đơn vị"),
        (
            {"unit": "OTHER", "kind": "registration", "until": "05/04/2026", "reason": "Lý do"},
            "thuộc phạm vi",
        ),
        (
            {"unit": "B", "kind": "registration", "until": "31/02/2026", "reason": "Lý do"},
            "Nhập ngày có thật",
        ),
        (
            {"unit": "B", "kind": "registration", "until": "05/04/2026", "reason": "  "},
            "Trường này là bắt buộc",
        ),
    ],
)
def test_bad_extensions_are_answered_at_the_field(cast, client_of, data, message):
    data = dict(data)
    if data.get("unit") == "OTHER":
        data["unit"] = cast.other_unit.pk
    elif data.get("unit") == "B":
        data["unit"] = cast.unit_b.pk
    response = client_of(cast.qcdc_staff).post(
        reverse("registry:committee-extensions", args=[cast.qcdc.pk]), data
    )
    assert message in response.text and not Extension.objects.exists()


def test_staff_refuse_an_extension_with_a_reason_and_the_unit_is_told(cast, client_of):
    """R9, R36: "Refuse the request" needs no date; nothing is granted, the unit hears why."""
    from reminders.models import Reminder

    response = client_of(cast.qcdc_staff).post(
        reverse("registry:committee-extensions", args=[cast.qcdc.pk]),
        {"unit": cast.unit_b.pk, "kind": "registration", "refuse": "on",
         "reason": "Đơn vị đã có đủ thời gian"},
        follow=True,
    )  # fmt: skip
    assert "Đã ghi nhận việc từ chối; Phường Đông Vĩnh được báo lý do." in response.text
    assert not Extension.objects.exists()
    entry = AuditEntry.objects.get(action="extension.refused")
    assert entry.comment == "Đơn vị đã có đủ thời gian" and entry.actor == cast.qcdc_staff
    told = Reminder.objects.get(recipient=cast.official_b, kind="extension_refused")
    assert "Đơn vị đã có đủ thời gian" in told.body


def test_a_grant_without_a_date_is_answered_at_the_field(cast, client_of):
    response = client_of(cast.qcdc_staff).post(
        reverse("registry:committee-extensions", args=[cast.qcdc.pk]),
        {"unit": cast.unit_b.pk, "kind": "registration", "reason": "Sáp nhập"},
    )
    assert "Hãy nêu ngày được gia hạn đến." in response.text and not Extension.objects.exists()


def test_provincial_staff_see_extensions_but_cannot_grant(cast, client_of):
    client = client_of(cast.provincial)
    url = reverse("registry:committee-extensions", args=[cast.qcdc.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"unit": cast.unit_b.pk, "kind": "registration", "until": "05/04/2026", "reason": "x"}
    )
    assert response.status_code == 403 and not Extension.objects.exists()


def test_unit_year_page_shows_deadline_days_left_and_whats_missing(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    text = client_of(cast.official_a).get(reverse("registry:unit-year", args=[cast.unit_a.pk])).text
    assert "30/03/2026" in text
    assert "Hạn đăng ký: hết ngày 30/03/2026 — còn 10 ngày" in text
    assert "Chưa có điểm sáng DVCQ" in text and "Chưa có điểm sáng QCDC" not in text


def test_the_units_year_page_hides_drafts_from_committees(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc", name="Bản nháp chưa gửi")
    url = reverse("registry:unit-year", args=[cast.unit_a.pk])
    assert "Bản nháp chưa gửi" in client_of(cast.official_a).get(url).text
    for who in (cast.qcdc_staff, cast.provincial):
        text = client_of(who).get(url).text
        assert "Bản nháp chưa gửi" not in text
        assert "Chưa có điểm sáng QCDC" in text  # nothing submitted yet, as they see it


@pytest.mark.parametrize("extra_units", [5, 120])
def test_non_compliant_query_count_does_not_grow_with_rows(
    cast, client_of, django_assert_max_num_queries, extra_units
):
    """A full page of 50 units costs the queries of a page of a few: nothing is fetched per row."""
    clerk = UserFactory(username="clerk")
    for i in range(extra_units):
        unit = UnitFactory(province=cast.province, parent=cast.root, name=f"Xã Thử {i:03d}")
        if i % 2:  # every other one sent only QCDC bright spots
            assign(clerk, RoleAssignment.Role.UNIT_OFFICIAL, unit=unit)
            bulk_submitted(unit, cast.qcdc, 1, field="qcdc")
    client = client_of(cast.qcdc_staff)
    url = reverse("registry:committee-non-compliant", args=[cast.qcdc.pk])
    with django_assert_max_num_queries(10):  # 8 measured, with 8 or 123 units
        response = client.get(url, {"year": 2026})
    assert response.status_code == 200
    listed = extra_units + 3  # and units A and B and the department, with nothing submitted
    assert re.search(rf'data-testid="count">\s*{listed} đơn vị', response.text)
    assert response.text.count("<tr><td><a href=") == min(listed, 50)  # a page of 50 rows
