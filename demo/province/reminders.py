"""Demo notifications: the real reminder job run for the last few reminder days of the past
year, so the demo users find something under the bell. In-app only: the demo sends no e-mail.
Safe to run again: a reminder already recorded is not recorded twice (R26)."""

from datetime import date, timedelta

from django.utils import timezone

from recognition.deadlines import recognition_window
from registry.deadlines import period_for
from reminders import services
from reminders.models import Reminder

DAYS_TO_RUN = 4


def reminder_days(province, today: date) -> list[date]:
    """The latest past days on which the demo users are due a reminder: the committees' digest
    after the registration deadline, the recognition window's opening, the annual report, the
    dossiers still in draft a week before the window closes."""
    days = []
    for year in (today.year - 1, today.year):
        period, window = period_for(province, year), recognition_window(province, year)
        days += [
            period.deadline + timedelta(days=1),
            window.opens,
            period.report_deadline - timedelta(days=14),
            window.closes - timedelta(days=7),
        ]
    return sorted(day for day in days if day <= today)[-DAYS_TO_RUN:]


def build(context: dict) -> None:
    province = context["province"]
    for day in reminder_days(province, timezone.localdate()):
        services.reminders_send(day=day, email=False)
    # A demo user with several notifications has read the oldest: the list shows both states.
    by_user = {}
    for pk, user_id in (
        Reminder.objects.filter(province=province)
        .order_by("day", "pk")
        .values_list("pk", "recipient_id")
    ):
        by_user.setdefault(user_id, []).append(pk)
    oldest = [pks[0] for pks in by_user.values() if len(pks) > 1]
    Reminder.objects.filter(pk__in=oldest, read_at=None).update(read_at=timezone.now())
