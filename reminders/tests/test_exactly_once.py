"""R26: each reminder goes out once per recipient and milestone, however often the job runs,
retries, or runs in two workers at once; the database's unique constraint decides."""

import threading
from datetime import date

import pytest
from django.db import IntegrityError, transaction

from core import jobs
from core.models import Job
from organisation.tests.factories import UnitFactory, UserFactory, assign
from reminders import due as due_module
from reminders import services, tasks
from reminders.models import Reminder
from reminders.tests.conftest import at
from tests.concurrency import requires_postgresql, run_concurrently

pytestmark = pytest.mark.quiet_events

DAY = date(2026, 3, 23)  # 7 days before the registration deadline


def test_running_the_day_twice_sends_each_reminder_once(cast, send, mailoutbox):
    first = send(DAY)
    second = send(DAY)
    assert [o.status for o in first] == ["sent", "sent"]
    assert [o.status for o in second] == ["already sent", "already sent"]
    assert Reminder.objects.count() == 2 and len(mailoutbox) == 2


def test_the_constraint_itself_refuses_a_second_row(cast, send):
    send(DAY)
    reminder = Reminder.objects.first()
    reminder.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        reminder.save()


def test_a_retried_run_job_and_a_second_delivery_send_nothing_more(cast, send, mailoutbox):
    send(DAY)
    with at(DAY):
        tasks.run_reminders.body(day=DAY.isoformat())  # the run job retried after a crash
        for job in Job.objects.filter(task=tasks.deliver_reminder.name):
            jobs.run_job(job.pk, tasks.deliver_reminder.body)  # a duplicate wake-up message
            tasks.deliver_reminder.body(reminder_id=job.kwargs["reminder_id"])
    assert Reminder.objects.count() == 2 and len(mailoutbox) == 2


def test_a_dry_run_records_and_sends_nothing(cast, send, mailoutbox):
    outcomes = send(DAY, dry_run=True)
    assert [o.status for o in outcomes] == ["would send", "would send"]
    assert not Reminder.objects.exists() and not Job.objects.exists() and mailoutbox == []


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_on_postgresql_send_each_reminder_once(cast, mailoutbox, monkeypatch):
    """Two runs of the same day at the same moment, each in its own thread and database
    connection (tests/concurrency.py): both work out the same reminders before either claims
    one, then race to claim them, in small batches that interleave."""
    clerk = UserFactory(username="clerk")
    for i in range(20):
        unit = UnitFactory(province=cast.province, parent=cast.root, name=f"Xã Đua {i:02d}")
        assign(UserFactory(username=f"canbo{i:02d}"), "unit_official", unit=unit)
        assign(clerk, "unit_official", unit=unit)
    both_ready = threading.Barrier(2, timeout=30)
    compute = due_module.due_reminders

    def due_then_wait(day):
        found = compute(day)
        both_ready.wait()  # neither claims before both have decided what is due
        return found

    monkeypatch.setattr(services, "due_reminders", due_then_wait)
    monkeypatch.setattr(services, "CLAIM_BATCH", 5)
    with at(DAY):
        first, second = run_concurrently(
            lambda: services.reminders_send(day=DAY), lambda: services.reminders_send(day=DAY)
        )

    assert first.ok and second.ok, (first.error, second.error)
    expected = 2 + 20 + 20  # officials A and B, twenty officials and the clerk of twenty units
    assert Reminder.objects.count() == expected
    statuses = [o.status for o in first.value + second.value]
    assert statuses.count("sent") == expected and statuses.count("already sent") == expected
    assert len(mailoutbox) == expected
    assert len({(m.to[0], m.subject, m.body) for m in mailoutbox}) == expected
    assert Job.objects.filter(task=tasks.deliver_reminder.name, done_at__isnull=False).count() == (
        expected
    )
