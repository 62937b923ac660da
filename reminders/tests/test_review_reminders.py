"""R36: 7 and 1 days before the recognition window closes, each reviewer is reminded of the
dossiers assigned to them that they have not scored, once, however often the day runs."""

from datetime import date, timedelta

import pytest

from organisation.tests.factories import UserFactory, assign
from recognition import criteria_data
from recognition import services as recognition_services
from recognition.models import CriteriaSet, Criterion, Review
from recognition.tests.factories import at, cast_pair, scored, submitted_dossier
from reminders.models import Reminder

pytestmark = pytest.mark.quiet_events

CLOSES = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _criteria(db):
    criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def assigned(cast):
    """Two dossiers of the QCDC committee: Hải must score both and has scored one; Lan must
    score one and has not."""
    lan = UserFactory(username="lan", full_name="Lê Thị Lan")
    assign(lan, "committee_staff", committee=cast.qcdc)
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    first = submitted_dossier(a["qcdc"], cast.official_a)
    second = submitted_dossier(b["qcdc"], cast.official_b)
    with at(2026, 10, 21):
        scored(first, cast.qcdc_staff)
        recognition_services.reviewers_assign(
            committee=cast.qcdc, dossiers=[second], reviewers=[cast.qcdc_staff, lan],
            by=cast.qcdc_staff,
        )  # fmt: skip
    return lan


@pytest.mark.parametrize("days", [7, 1])
def test_reviewers_with_unscored_dossiers_are_reminded(cast, assigned, send, mailoutbox, days):
    send(CLOSES - timedelta(days=days))
    send(CLOSES - timedelta(days=days))  # the day's job runs again
    reminders = Reminder.objects.filter(kind="review_due").order_by("recipient__username")
    assert [(r.recipient.username, r.days_before) for r in reminders] == [
        ("lan", days),
        ("qcdc_staff", days),
    ]
    hai = reminders.get(recipient=cast.qcdc_staff)
    assert hai.subject == (
        f"Công nhận điểm sáng năm 2026: 1 hồ sơ cần chấm trước 30/11/2026 (còn {days} ngày)"
    )
    assert hai.link == f"/recognition/committees/{cast.qcdc.pk}/dossiers/?year=2026"
    assert [m.to[0] for m in mailoutbox if m.subject == hai.subject].count(
        cast.qcdc_staff.email
    ) == 1


def test_no_review_reminder_on_other_days_or_once_scored(cast, assigned, send):
    send(CLOSES - timedelta(days=3))
    assert not Reminder.objects.filter(kind="review_due").exists()
    with at(2026, 11, 22):
        for review in Review.objects.filter(completed_at=None):
            scores = {c.pk: ("met", "") for c in review.dossier.criteria_set.criteria.all()}
            recognition_services.review_save(review=review, scores=scores, by=review.reviewer)
    send(CLOSES - timedelta(days=7))
    assert not Reminder.objects.filter(kind="review_due").exists()
