"""Durable jobs: committed with the change, run once, retried, never lost to a broker outage."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from core import jobs
from core.models import Job

calls = []


@jobs.durable_task("tests.record_call")
def record_call(value: str) -> None:
    calls.append(value)


smtp = {"up": False}


@jobs.durable_task("tests.deliver")
def deliver() -> None:
    if not smtp["up"]:
        raise ConnectionRefusedError("SMTP refused the connection")
    calls.append("delivered")


@pytest.fixture(autouse=True)
def _reset_calls():
    calls.clear()
    smtp["up"] = False


def test_job_runs_after_commit_and_is_marked_done(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue("tests.record_call", value="a")
        assert calls == []  # nothing runs before the change commits
    assert calls == ["a"]
    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 1


def test_rolled_back_change_leaves_no_job(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                jobs.enqueue("tests.record_call", value="never")
                raise RuntimeError("the user's change failed")
        except RuntimeError:
            pass
    assert calls == [] and not Job.objects.exists()


def test_broker_down_keeps_the_job_and_the_sweeper_runs_it(db, django_capture_on_commit_callbacks):
    no_broker = mock.patch.object(
        record_call, "apply_async", side_effect=ConnectionError("no broker")
    )
    with no_broker, django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue("tests.record_call", value="later")
    assert calls == [] and Job.objects.get(pk=job.pk).done_at is None
    assert jobs.sweep() == 1
    assert calls == ["later"]
    assert jobs.sweep() == 0  # done jobs are not sent again


def test_a_second_delivery_does_not_run_the_job_twice(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue("tests.record_call", value="once")
    assert jobs.run_job(job.pk, record_call.body) == jobs.Outcome.SKIPPED
    assert calls == ["once"]


def test_same_key_makes_one_job(db):
    first = jobs.enqueue("tests.record_call", key="welcome:1", value="x")
    second = jobs.enqueue("tests.record_call", key="welcome:1", value="x")
    assert first.pk == second.pk and Job.objects.count() == 1


def test_failure_is_retried_with_backoff_until_it_succeeds(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue("tests.deliver")
    job.refresh_from_db()
    assert job.done_at is None and "SMTP refused" in job.last_error
    first_wait = job.run_after - timezone.now()
    assert jobs.sweep() == 0  # backing off: not due yet

    with time_machine.travel(job.run_after + timedelta(seconds=1)):
        jobs.sweep()  # second attempt, still refused, waits longer
        job.refresh_from_db()
        assert job.attempts == 2 and job.done_at is None
        assert job.run_after - timezone.now() > first_wait

    smtp["up"] = True
    with time_machine.travel(job.run_after + timedelta(seconds=1)):
        jobs.sweep()
    job.refresh_from_db()
    assert calls == ["delivered"] and job.done_at is not None and job.last_error == ""


def test_a_job_whose_worker_died_is_claimed_again_after_its_lease(db, settings):
    job = Job.objects.create(task=record_call.name, kwargs={"value": "crash"})
    # A worker claimed it and died before finishing: attempts went up, done_at stayed empty.
    Job.objects.filter(pk=job.pk).update(
        attempts=1, run_after=timezone.now() + timedelta(seconds=settings.JOB_LEASE_SECONDS)
    )
    assert jobs.sweep() == 0
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.JOB_LEASE_SECONDS + 5)):
        assert jobs.sweep() == 1
    assert calls == ["crash"]


def test_with_the_broker_away_a_request_waits_for_it_once(db, django_capture_on_commit_callbacks):
    """Three jobs asked for in one request meet one failed connection, not three."""
    no_broker = mock.patch.object(
        record_call, "apply_async", side_effect=ConnectionError("no broker")
    )
    with no_broker as attempts, django_capture_on_commit_callbacks(execute=True):
        for value in ("a", "b", "c"):
            jobs.enqueue("tests.record_call", value=value)
    assert attempts.call_count == 1
    assert Job.objects.filter(done_at=None).count() == 3
    # within the pause, a later request does not try either; the sweeper does, and sends all
    with no_broker as attempts, django_capture_on_commit_callbacks(execute=True):
        jobs.enqueue("tests.record_call", value="d")
    assert attempts.call_count == 0
    assert jobs.sweep() == 4 and sorted(calls) == ["a", "b", "c", "d"]
