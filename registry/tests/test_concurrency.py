"""Two people at the same moment, on PostgreSQL with two real connections (R10, R31, issue 7).

Two committee staff decide the same bright spot: one decision is recorded, the other is told the
bright spot changed meanwhile. An official submitting the list from two tabs submits it once.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisation.models import AuditEntry, RoleAssignment
from organisation.tests.factories import UserFactory, assign
from registry import services
from registry.models import BrightSpot, Registration
from registry.services import bright_spots as bright_spot_services
from registry.services import registration as registration_services
from registry.tests.factories import make_bright_spot
from tests.concurrency import requires_postgresql, run_concurrently, stall_first_call

pytestmark = requires_postgresql
CHANGED_MEANWHILE = "vừa được người khác thay đổi"


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


@pytest.fixture
def submitted(transactional_db, cast):
    qcdc = make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại định kỳ")
    make_bright_spot(cast.unit_a, field="dvcq")
    services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    qcdc.refresh_from_db()
    return qcdc


def review(client, bright_spot, decision, comment=""):
    """Post a decision from a page loaded before either decision, and follow to the result."""
    return lambda: client.post(
        reverse("registry:bright-spot-review", args=[bright_spot.pk]),
        {"decision": decision, "comment": comment, "version": bright_spot.version},
        follow=True,
    )


def test_two_staff_deciding_at_once_one_wins_the_other_is_told(cast, submitted, client_of):
    colleague = UserFactory(username="qcdc_staff_2", full_name="Võ Thị Lan")
    assign(colleague, RoleAssignment.Role.COMMITTEE_STAFF, committee=cast.qcdc)
    returning = review(client_of(cast.qcdc_staff), submitted, "return", "Bổ sung kế hoạch quý")
    accepting = review(client_of(colleague), submitted, "accept")

    with stall_first_call(bright_spot_services, "audit_record") as stall:
        first, second = run_concurrently(returning, accepting)

    assert first.ok and second.ok, (first.error, second.error)
    pages = [first.value.text, second.value.text]
    assert all(page.status_code == 200 for page in (first.value, second.value))
    told = [page for page in pages if CHANGED_MEANWHILE in page]
    recorded = [page for page in pages if "Đã ghi nhận ý kiến xem xét" in page]
    assert len(told) == 1 and len(recorded) == 1
    loser = next(o for o in (first, second) if CHANGED_MEANWHILE in o.value.text)
    assert loser.elapsed >= stall.seconds  # it waited for the winner's lock

    submitted.refresh_from_db()
    decisions = AuditEntry.objects.filter(
        bright_spot_id=submitted.pk, action__in=["bright_spot.returned", "bright_spot.accepted"]
    )
    assert decisions.count() == 1
    winner = decisions.get()
    assert (
        submitted.status
        == {"bright_spot.returned": "returned", "bright_spot.accepted": "accepted"}[winner.action]
    )
    assert submitted.version == 3  # created 1, submitted 2, decided 3: one decision only


def test_a_withdrawal_and_a_decision_at_once(cast, submitted):
    """The unit withdraws while the committee accepts: whichever commits first stands."""
    withdraw = lambda: services.bright_spot_withdraw(  # noqa: E731
        bright_spot=BrightSpot.objects.get(pk=submitted.pk),
        reason="Trùng nội dung",
        version=submitted.version,
        by=cast.official_a,
    )
    accept = lambda: services.bright_spot_review(  # noqa: E731
        bright_spot=BrightSpot.objects.get(pk=submitted.pk),
        accept=True,
        comment="",
        version=submitted.version,
        by=cast.qcdc_staff,
    )
    with stall_first_call(bright_spot_services, "audit_record"):
        outcomes = run_concurrently(withdraw, accept)

    errors = [o.error for o in outcomes if not o.ok]
    assert len(errors) == 1 and getattr(errors[0], "code", None) == "changed_meanwhile"
    submitted.refresh_from_db()
    assert submitted.status in {"withdrawn", "accepted"} and submitted.version == 3


def test_submitting_from_two_tabs_at_once_submits_once(transactional_db, cast, client_of):
    make_bright_spot(cast.unit_a, field="qcdc")
    make_bright_spot(cast.unit_a, field="dvcq")
    url = reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026])
    tabs = [client_of(cast.official_a), client_of(cast.official_a)]

    with stall_first_call(registration_services, "audit_record") as stall:
        outcomes = run_concurrently(*[lambda tab=tab: tab.post(url, follow=True) for tab in tabs])

    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    pages = [o.value.text for o in outcomes]
    assert sum("Danh sách đã được gửi: 2 điểm sáng" in page for page in pages) == 1
    assert sum("Danh sách đã được gửi trước đó" in page for page in pages) == 1
    second_tab = next(o for o in outcomes if "Danh sách đã được gửi trước đó" in o.value.text)
    assert second_tab.elapsed >= stall.seconds  # it waited for the first tab's lock

    registration = Registration.objects.get(unit=cast.unit_a, year=2026)
    assert registration.status == "submitted"
    assert AuditEntry.objects.filter(action="registration.submitted").count() == 1
    assert AuditEntry.objects.filter(action="bright_spot.submitted").count() == 2
    assert set(BrightSpot.objects.values_list("status", "version")) == {("submitted", 2)}
