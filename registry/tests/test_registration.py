"""R7 (both fields), R8 (routing to the right inboxes), double submission."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from organisation.models import AuditEntry
from registry import services
from registry.models import BrightSpot, Registration
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ICT), tick=False):
        yield


def submit(cast):
    return services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)


@pytest.mark.parametrize(
    ("present", "message"),
    [
        (["qcdc"], "chưa có điểm sáng DVCQ"),
        (["dvcq"], "chưa có điểm sáng QCDC"),
        ([], "cần ít nhất một điểm sáng QCDC và một điểm sáng DVCQ"),
    ],
)
def test_a_list_without_both_fields_is_refused_naming_the_missing_one(cast, present, message):
    for field in present:
        make_bright_spot(cast.unit_a, field=field)
    with pytest.raises(ValidationError) as refused, translation.override("vi"):
        submit(cast)
    assert message in refused.value.messages[0]
    assert not BrightSpot.objects.exclude(status="draft").exists()


def test_withdrawn_bright_spots_do_not_count(cast):
    make_bright_spot(cast.unit_a, field="qcdc")
    dvcq = make_bright_spot(cast.unit_a, field="dvcq")
    submit(cast)
    dvcq.refresh_from_db()
    services.bright_spot_withdraw(
        bright_spot=dvcq, reason="Trùng nội dung", version=dvcq.version, by=cast.official_a
    )
    make_bright_spot(cast.unit_a, field="qcdc", name="Điểm sáng bổ sung")
    with pytest.raises(ValidationError):
        submit(cast)
    assert BrightSpot.objects.get(name="Điểm sáng bổ sung").status == "draft"


def test_each_field_goes_to_its_committee_with_intermediary_and_copy(cast):
    qcdc = make_bright_spot(cast.unit_a, field="qcdc")
    dvcq = make_bright_spot(cast.unit_a, field="dvcq")
    submit(cast)
    qcdc.refresh_from_db()
    dvcq.refresh_from_db()
    assert (qcdc.recipient, qcdc.via, qcdc.copy_to) == (cast.qcdc, cast.party, None)
    assert (dvcq.recipient, dvcq.via, dvcq.copy_to) == (cast.dvcq, cast.home_affairs, cast.party)


def test_inboxes_show_what_was_routed(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc", name="Dân vận khéo thôn Bắc Sơn")
    make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
    submit(cast)
    qcdc_inbox = (
        client_of(cast.qcdc_staff)
        .get(reverse("registry:committee-inbox", args=[cast.qcdc.pk]))
        .text
    )
    assert "Dân vận khéo thôn Bắc Sơn" in qcdc_inbox and "Một cửa thân thiện" not in qcdc_inbox
    dvcq_inbox = (
        client_of(cast.dvcq_staff)
        .get(reverse("registry:committee-inbox", args=[cast.dvcq.pk]))
        .text
    )
    assert "Một cửa thân thiện" in dvcq_inbox and "Dân vận khéo thôn Bắc Sơn" not in dvcq_inbox


def test_copy_recipient_sees_it_read_only(cast, client_of):
    from organisation.tests.factories import UserFactory, assign

    party_staff = UserFactory(username="party_staff")
    assign(party_staff, "committee_staff", committee=cast.party)
    dvcq = make_bright_spot(cast.unit_a, field="dvcq")
    make_bright_spot(cast.unit_a, field="qcdc")
    submit(cast)
    client = client_of(party_staff)
    inbox = client.get(reverse("registry:committee-inbox", args=[cast.party.pk])).text
    assert dvcq.name in inbox and "Đồng gửi (chỉ xem)" in inbox
    detail = client.get(reverse("registry:bright-spot-detail", args=[dvcq.pk])).text
    assert 'name="decision"' not in detail
    dvcq.refresh_from_db()
    response = client.post(
        reverse("registry:bright-spot-review", args=[dvcq.pk]),
        {"decision": "accept", "comment": "", "version": dvcq.version},
    )
    assert response.status_code == 403
    dvcq.refresh_from_db()
    assert dvcq.status == "submitted"


def test_double_submission_submits_once(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    make_bright_spot(cast.unit_a, field="dvcq")
    client = client_of(cast.official_a)
    url = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    first, second = client.post(url, follow=True), client.post(url, follow=True)
    assert "đã được gửi" in first.text.lower()
    assert "đã được gửi trước đó" in second.text
    assert AuditEntry.objects.filter(action="registration.submitted").count() == 1
    assert AuditEntry.objects.filter(action="bright_spot.submitted").count() == 2


def test_only_officials_of_the_unit_submit(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    make_bright_spot(cast.unit_a, field="dvcq")
    url = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    assert client_of(cast.official_b).post(url).status_code == 404
    assert client_of(cast.provincial).post(url).status_code == 403
    assert client_of(cast.provincial).get(url).status_code == 403


def test_submitting_asks_for_confirmation_naming_what_goes_and_to_whom(cast, client_of):
    """Issue 14, item 4: the list's button leads to a page that lists each bright spot under the
    committee it goes to; only its confirmation sends them."""
    qcdc = make_bright_spot(cast.unit_a, field="qcdc", name="Dân vận khéo xóm Bắc")
    dvcq = make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
    client = client_of(cast.official_a)
    url = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    year_page = client.get(reverse("registry:unit-year", args=[cast.unit_a.pk]), {"year": 2026})
    assert f'href="{url}"' in year_page.text
    page = client.get(url)
    sections = page.text.split('data-testid="destination"')[1:]
    assert len(sections) == 2
    assert any(cast.qcdc.name in s and qcdc.name in s and dvcq.name not in s for s in sections)
    assert any(cast.dvcq.name in s and dvcq.name in s and qcdc.name not in s for s in sections)
    assert "Xác nhận và gửi" in page.text
    qcdc.refresh_from_db()
    assert qcdc.status == "draft"  # looking is not sending
    client.post(url)
    qcdc.refresh_from_db()
    assert qcdc.status == "submitted" and qcdc.recipient == cast.qcdc


def test_the_confirmation_says_why_a_list_cannot_go(cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    url = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    page = client_of(cast.official_a).get(url).text
    assert 'data-testid="confirm-problem"' in page and "Chưa có điểm sáng DVCQ" in page
    assert "Xác nhận và gửi" not in page


def test_a_year_out_of_range_is_not_found_and_a_strange_digit_is_ignored(cast, client_of):
    client = client_of(cast.official_a)
    base = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    for year in ["99999", "1999", "2101", "40000"]:
        assert client.post(base.replace("/2026/", f"/{year}/")).status_code == 404, year
    assert not Registration.objects.filter(unit=cast.unit_a).exclude(year=2026).exists()
    page = client.get(reverse("registry:unit-year", args=[cast.unit_a.pk]), {"year": "²"})
    assert page.status_code == 200 and "2026" in page.text  # the current year instead
