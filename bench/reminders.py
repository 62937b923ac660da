"""Benchmark: the daily reminder run on the national dataset (issue 6).

    DATABASE_URL=postgres://…/bs_bench .venv/bin/python -m bench.reminders

Needs `manage.py generate_dataset --flush` on that database first. Measures, for every province
at once:

- a quiet day (nothing due): `reminders_send` working out that nothing is due;
- the peak day: 30 days before the registration deadline of the year after the dataset's last,
  when no unit has registered yet, so every unit official is reminded. The run claims each
  reminder and enqueues its e-mail as it does with workers (the broker is Celery's in-memory
  transport, so no e-mail is sent inside the run);
- one worker delivering those e-mails: each durable job run in turn (claim the job, render the
  subject/text/HTML in the recipient's language, hand it to Django's in-memory mail backend,
  mark the reminder and the job done);
- the peak day run again: everything is claimed already, nothing is sent twice.

The reminders and jobs the benchmark makes are deleted at the end.
Goals: the peak day's run within a quarter of the run job's time limit (300 s); a quiet day
under 1 s; the second run of a day under 5% of the first.
"""

import sys
import time
from datetime import date, timedelta

from bench.common import django_setup, machine

django_setup(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402

from brightspots.celery import app  # noqa: E402
from core import jobs  # noqa: E402
from core.models import Job  # noqa: E402
from organisation.models import Province, Unit  # noqa: E402
from registry.deadlines import period_for  # noqa: E402
from registry.models import BrightSpot  # noqa: E402
from reminders import services, tasks  # noqa: E402
from reminders.models import Reminder  # noqa: E402


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed(fn):
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - started
    return result, elapsed, counter.count


def deliver_all() -> int:
    """What one worker does with the day's e-mails, one job after another."""
    pending = list(Job.objects.filter(task=tasks.deliver_reminder.name, done_at=None))
    for job in pending:
        jobs.run_job(job.pk, tasks.deliver_reminder.body)
    return len(pending)


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL with the national dataset (see the docstring).")
    if Reminder.objects.exists():
        sys.exit("The database already holds reminders: run the benchmark on a fresh dataset.")
    app.conf.task_always_eager = False  # enqueue, as with workers; the broker is in memory
    last_year = BrightSpot.objects.latest("year").year
    province = Province.objects.order_by("code").first()
    quiet = date(last_year, 7, 1)
    peak = period_for(province, last_year + 1).deadline - timedelta(days=30)
    print(f"Machine: {machine()}")
    print(
        f"Dataset: {Province.objects.count()} provinces, {Unit.objects.count()} units, "
        f"{BrightSpot.objects.count()} bright spots"
    )
    jobs_before = set(Job.objects.values_list("pk", flat=True))
    rows = []
    try:
        for name, day in (("quiet day", quiet), ("peak day", peak)):
            outcomes, elapsed, queries = timed(lambda day=day: services.reminders_send(day=day))
            rows.append((f"run, {name}", day, len(outcomes), elapsed, queries))
        mail.outbox = []
        delivered, elapsed, queries = timed(deliver_all)
        assert (
            len(mail.outbox) == delivered == Reminder.objects.filter(sent_at__isnull=False).count()
        )
        rows.append(("one worker's e-mails", peak, delivered, elapsed, queries))
        outcomes, elapsed, queries = timed(lambda: services.reminders_send(day=peak))
        assert all(o.status == services.ALREADY_SENT for o in outcomes)
        rows.append(("run, peak day again", peak, len(outcomes), elapsed, queries))
    finally:
        Reminder.objects.all().delete()
        Job.objects.exclude(pk__in=jobs_before).delete()
    print(f"{'step':<22} {'day':<10} {'items':>6} {'seconds':>8} {'per s':>7} {'queries':>8}")
    for name, day, items, elapsed, queries in rows:
        rate = f"{items / elapsed:7.0f}" if items else f"{'-':>7}"
        print(f"{name:<22} {day:%d/%m/%Y} {items:>6} {elapsed:>8.2f} {rate} {queries:>8}")


if __name__ == "__main__":
    main()
