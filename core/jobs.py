"""Durable background work: a Job row committed with the change, a Celery task to run it.

A task registers under a plain name (`@durable_task("recognition.issue_certificates")` in its
app's tasks.py); a service asks for it by that name, `enqueue("recognition.issue_certificates",
**kwargs)`, inside its transaction, so no service imports a tasks module. The Job row commits with the
user's change; after commit the task is published. If publishing fails (Redis down), nothing is
lost: `sweep_pending_jobs` (Celery beat, every minute, or `manage.py run_pending_jobs`) publishes
every job that is due and not done. Running a job claims it with a conditional update, so two
deliveries of the same job run it once; a job whose worker died is claimed again when its lease
ends. A failed job is retried with exponential backoff.
"""

import enum
import functools
import logging
import time
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.models import Job

log = logging.getLogger(__name__)


class Outcome(enum.StrEnum):
    """What running a job came to."""

    DONE = "done"
    SKIPPED = "skipped"  # already done, or claimed by another worker
    FAILED = "failed"  # retried later with backoff


# Every durable task by its name; filled as each app's tasks module is imported (AppConfig.ready).
TASKS = {}


def durable_task(name: str, **task_options):
    """Make `fn(**kwargs)` the Celery task `name` that runs the Job whose id it receives."""

    def decorate(fn):
        if name in TASKS:
            raise ValueError(f"a durable task is already named {name!r}")

        @shared_task(name=name, **task_options)
        @functools.wraps(fn)
        def run(job_id):
            return run_job(job_id, fn)

        run.body = fn
        TASKS[name] = run
        return run

    return decorate


def enqueue(name: str, *, key=None, delay=None, **kwargs) -> Job:
    """Record a job for the durable task `name` and publish it when the transaction commits."""
    if name not in TASKS:
        raise LookupError(f"no durable task is named {name!r}")
    run_after = timezone.now() + (delay or timedelta())
    if key is not None:
        try:
            with transaction.atomic():
                job = Job.objects.create(task=name, kwargs=kwargs, key=key, run_after=run_after)
        except IntegrityError:
            return Job.objects.get(key=key)
    else:
        job = Job.objects.create(task=name, kwargs=kwargs, run_after=run_after)
    if delay is None:
        transaction.on_commit(lambda: publish(job))
    return job


# After a failed publish, this process leaves the broker alone for a while: with Redis away, a
# request that enqueued several jobs (or the next hundred requests) must not each wait for a
# connection timeout. The jobs stay pending and the sweeper sends them.
BROKER_PAUSE_SECONDS = 15
_broker_paused_until = 0.0


def publish(job: Job) -> bool:
    """Send the wake-up message; a broker failure is logged, the sweeper will retry."""
    global _broker_paused_until
    if time.monotonic() < _broker_paused_until:
        return False
    try:
        TASKS[job.task].apply_async(args=[job.pk])
    except Exception:  # the broker library raises many kinds of connection error
        _broker_paused_until = time.monotonic() + BROKER_PAUSE_SECONDS
        log.warning(
            "could not publish job %s (%s); it stays pending", job.pk, job.task, exc_info=True
        )
        return False
    return True


def broker_pause_end() -> None:
    """Try the broker again at the next publish (the broker is known to be back)."""
    global _broker_paused_until
    _broker_paused_until = 0.0


def run_job(job_id: int, fn) -> Outcome:
    now = timezone.now()
    lease_until = now + timedelta(seconds=settings.JOB_LEASE_SECONDS)
    claimed = Job.objects.filter(pk=job_id, done_at=None, run_after__lte=now).update(
        run_after=lease_until, attempts=F("attempts") + 1
    )
    if not claimed:
        return Outcome.SKIPPED
    job = Job.objects.get(pk=job_id)
    try:
        fn(**job.kwargs)
    except Exception as error:
        backoff = timedelta(seconds=min(30 * 2 ** (job.attempts - 1), 3600))
        Job.objects.filter(pk=job_id).update(
            run_after=timezone.now() + backoff, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        log.warning("job %s (%s) failed, attempt %s", job_id, job.task, job.attempts, exc_info=True)
        return Outcome.FAILED
    Job.objects.filter(pk=job_id).update(done_at=timezone.now(), last_error="")
    return Outcome.DONE


def pending_jobs(now=None):
    now = now or timezone.now()
    return Job.objects.filter(
        done_at=None, run_after__lte=now, attempts__lt=settings.JOB_MAX_ATTEMPTS
    ).order_by("run_after")


def sweep(limit: int = 500) -> int:
    """Publish every due job; returns how many were published."""
    broker_pause_end()  # a sweep is an explicit attempt: it tries the broker again
    published = 0
    for job in pending_jobs()[:limit]:
        published += publish(job)
    return published
