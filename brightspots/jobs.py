"""Durable background work: a Job row committed with the change, a Celery task to run it.

`enqueue(task, **kwargs)` is called inside a service's transaction. The Job row commits with the
user's change; after commit the task is published. If publishing fails (Redis down), nothing is
lost: `sweep_pending_jobs` (Celery beat, every minute, or `manage.py run_pending_jobs`) publishes
every job that is due and not done. Running a job claims it with a conditional update, so two
deliveries of the same job run it once; a job whose worker died is claimed again when its lease
ends. A failed job is retried with exponential backoff.
"""

import functools
import logging
import time
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from brightspots.models import Job

log = logging.getLogger(__name__)


def durable_task(fn=None, **task_options):
    """Make `fn(**kwargs)` a Celery task that runs the Job whose id it receives."""

    def decorate(fn):
        name = f"{fn.__module__}.{fn.__name__}"

        @shared_task(name=name, **task_options)
        @functools.wraps(fn)
        def run(job_id):
            return run_job(job_id, fn)

        run.body = fn
        return run

    return decorate(fn) if fn else decorate


def enqueue(task, *, key=None, delay=None, **kwargs) -> Job:
    """Record a job for `task` (a durable_task) and publish it when the transaction commits."""
    run_after = timezone.now() + (delay or timedelta())
    if key is not None:
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    task=task.name, kwargs=kwargs, key=key, run_after=run_after
                )
        except IntegrityError:
            return Job.objects.get(key=key)
    else:
        job = Job.objects.create(task=task.name, kwargs=kwargs, run_after=run_after)
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
    from brightspots.celery import app

    if time.monotonic() < _broker_paused_until:
        return False
    try:
        app.tasks[job.task].apply_async(args=[job.pk])
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


def run_job(job_id: int, fn) -> str:
    now = timezone.now()
    lease_until = now + timedelta(seconds=settings.JOB_LEASE_SECONDS)
    claimed = Job.objects.filter(pk=job_id, done_at=None, run_after__lte=now).update(
        run_after=lease_until, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"
    job = Job.objects.get(pk=job_id)
    try:
        fn(**job.kwargs)
    except Exception as error:
        backoff = timedelta(seconds=min(30 * 2 ** (job.attempts - 1), 3600))
        Job.objects.filter(pk=job_id).update(
            run_after=timezone.now() + backoff, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        log.warning("job %s (%s) failed, attempt %s", job_id, job.task, job.attempts, exc_info=True)
        return "failed"
    Job.objects.filter(pk=job_id).update(done_at=timezone.now(), last_error="")
    return "done"


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
