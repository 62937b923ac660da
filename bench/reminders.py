"""Benchmark: the daily reminder run on the national dataset (issue 6).

    DATABASE_URL=postgres://…/bs_bench .venv/bin/python -m bench.reminders

Needs `manage.py generate_dataset --flush` on that database first. Measures
`reminders.services.reminders_send` for every province at once:

- a quiet day (nothing due): working out that nothing is due, 34 provinces;
- the peak day: 30 days before the registration deadline of the year after the dataset's last,
  when no unit has registered yet, so every active unit's officials are reminded;
- the same day run again: everything is claimed already and nothing is sent twice.

Tasks run in-process and e-mails go to Django's in-memory backend, so the peak figure includes
rendering and handing over every e-mail; with workers the run only claims and enqueues. The
reminders and jobs the benchmark makes are deleted at the end.
Goals: the peak day in under a quarter of the run job's time limit (300 s), at least 100
reminders a second; a quiet day under 1 s.
"""

import sys
import time
from datetime import date, timedelta

from bench.common import django_setup, machine

django_setup(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend")

from django.core import mail  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from brightspots.models import Job  # noqa: E402
from registry.models import BrightSpot, Province, Unit  # noqa: E402
from registry.periods import period_for  # noqa: E402
from reminders import services  # noqa: E402
from reminders.models import Reminder  # noqa: E402


def timed(day: date) -> tuple[float, list, int]:
    mail.outbox = []
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        outcomes = services.reminders_send(day=day)
        elapsed = time.perf_counter() - started
    return elapsed, outcomes, len(queries.captured_queries)


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL with the national dataset (see the docstring).")
    if Reminder.objects.exists():
        sys.exit("The database already holds reminders: run the benchmark on a fresh dataset.")
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
    try:
        rows = []
        for name, day in (("quiet day", quiet), ("peak day", peak), ("peak day again", peak)):
            elapsed, outcomes, queries = timed(day)
            sent = sum(1 for o in outcomes if o.status == services.SENT)
            rows.append((name, day, len(outcomes), sent, len(mail.outbox), elapsed, queries))
        print(
            f"{'run':<16} {'day':<10} {'due':>6} {'new':>6} {'e-mails':>8} {'seconds':>8} "
            f"{'per s':>7} {'queries':>8}"
        )
        for name, day, due, sent, mails, elapsed, queries in rows:
            rate = f"{due / elapsed:7.0f}" if due else f"{'-':>7}"
            print(
                f"{name:<16} {day:%d/%m/%Y} {due:>6} {sent:>6} {mails:>8} {elapsed:>8.2f} "
                f"{rate} {queries:>8}"
            )
    finally:
        Reminder.objects.all().delete()
        Job.objects.exclude(pk__in=jobs_before).delete()


if __name__ == "__main__":
    main()
