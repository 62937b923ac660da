"""R10: accept, or return with a comment → the unit revises → resubmits; every step in history."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from registry import services
from registry.models import BrightSpot
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def submitted(cast):
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ICT), tick=False):
        qcdc = make_bright_spot(cast.unit_a, field="qcdc", name="Hội nghị đối thoại định kỳ")
        make_bright_spot(cast.unit_a, field="dvcq")
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    qcdc.refresh_from_db()
    return qcdc


def review(client, bright_spot, decision, comment=""):
    bright_spot.refresh_from_db()
    return client.post(
        reverse("registry:bright-spot-review", args=[bright_spot.pk]),
        {"decision": decision, "comment": comment, "version": bright_spot.version},
        follow=True,
    )


def test_return_revise_resubmit_accept_with_history(cast, submitted, client_of):
    staff = client_of(cast.qcdc_staff)
    review(staff, submitted, "return", "Bổ sung kế hoạch chi tiết theo quý")
    submitted.refresh_from_db()
    assert submitted.status == "returned" and submitted.reviewed_by == cast.qcdc_staff

    official = client_of(cast.official_a)
    page = official.get(reverse("registry:bright-spot-detail", args=[submitted.pk])).text
    assert "Bổ sung kế hoạch chi tiết theo quý" in page
    services.bright_spot_update(
        bright_spot=submitted,
        values={
            f: getattr(submitted, f)
            for f in ["field", "level", "name", "address", "objectives", "continues", "replicates"]
        }
        | {"plan": "Quý I: khảo sát; Quý II: đối thoại; Quý III: tổng hợp; Quý IV: sơ kết"},
        staff=[{"name": "Lê Văn Tám", "position": "Chủ tịch", "phone": "", "email": ""}],
        milestones=[{"title": "Đối thoại lần 1", "due": datetime(2026, 6, 1).date()}],
        version=submitted.version,
        by=cast.official_a,
    )
    official.post(
        reverse("registry:bright-spot-resubmit", args=[submitted.pk]),
        {"version": submitted.version},
    )
    submitted.refresh_from_db()
    assert submitted.status == "submitted"

    review(staff, submitted, "accept")
    submitted.refresh_from_db()
    assert submitted.status == "accepted"
    timeline = official.get(reverse("registry:bright-spot-detail", args=[submitted.pk])).text
    for step in [
        "đã gửi điểm sáng",
        "trả lại để chỉnh sửa",
        "đã chỉnh sửa",
        "gửi lại sau khi chỉnh sửa",
        "đã tiếp nhận",
    ]:
        assert step in timeline, step


def test_returning_needs_a_comment(cast, submitted, client_of):
    response = review(client_of(cast.qcdc_staff), submitted, "return", "   ")
    assert "Nêu rõ nội dung đơn vị cần chỉnh sửa" in response.text
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_dvcq_staff_cannot_accept_a_qcdc_bright_spot(cast, submitted, client_of):
    response = review(client_of(cast.dvcq_staff), submitted, "accept")
    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == "submitted"


def test_provincial_staff_read_but_do_not_decide(cast, submitted, client_of):
    client = client_of(cast.provincial)
    assert (
        client.get(reverse("registry:bright-spot-detail", args=[submitted.pk])).status_code == 200
    )
    assert review(client, submitted, "accept").status_code == 403


def test_a_decision_on_a_stale_page_is_refused(cast, submitted):
    """Two staff open the same page; the second decision finds the bright spot changed."""
    first, second = BrightSpot.objects.get(pk=submitted.pk), BrightSpot.objects.get(pk=submitted.pk)
    services.bright_spot_review(
        bright_spot=first,
        accept=False,
        comment="Bổ sung",
        version=first.version,
        by=cast.qcdc_staff,
    )
    with pytest.raises(ValidationError) as refused:
        services.bright_spot_review(
            bright_spot=second, accept=True, comment="", version=second.version, by=cast.qcdc_staff
        )
    assert refused.value.code == "changed_meanwhile"
    assert BrightSpot.objects.get(pk=submitted.pk).status == "returned"


def test_the_stale_page_says_changed_meanwhile(cast, submitted, client_of):
    stale_version = submitted.version
    services.bright_spot_review(
        bright_spot=submitted,
        accept=False,
        comment="Bổ sung",
        version=stale_version,
        by=cast.qcdc_staff,
    )
    services.bright_spot_resubmit(
        bright_spot=submitted, version=submitted.version, by=cast.official_a
    )
    response = client_of(cast.qcdc_staff).post(
        reverse("registry:bright-spot-review", args=[submitted.pk]),
        {"decision": "accept", "comment": "", "version": stale_version},
        follow=True,
    )
    assert "vừa được người khác thay đổi" in response.text
    assert BrightSpot.objects.get(pk=submitted.pk).status == "submitted"


def test_review_is_post_only(cast, submitted, client_of):
    url = reverse("registry:bright-spot-review", args=[submitted.pk])
    assert client_of(cast.qcdc_staff).get(url).status_code == 405
