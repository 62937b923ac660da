"""Issue 7, faults, with real Celery processes on Redis and PostgreSQL: Redis away while an
official submits, a worker killed in the middle of a task, a second beat."""

import email
import email.policy
import os
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import pytest
import redis
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from brightspots.celery import app
from conftest import skip_unless_required, wait_for
from core import jobs
from core.beat import lock_key
from core.models import Job
from core.tasks import sweep_pending_jobs
from core.tests import fault_tasks  # noqa: F401 - registers the durable task "tests.slow_work"
from registry.models import Registration, RegistrationPeriod
from registry.tests.factories import make_bright_spot
from reminders.tasks import deliver_reminder as send_submission_notice

ROOT = Path(__file__).resolve().parents[2]
DEAD_BROKER = "redis://127.0.0.1:1/0"  # nothing listens on port 1: Redis is "stopped"
NOTICE = "reminders.deliver"  # the committees' notice of a submission goes as an event (R36)


@contextmanager
def broker_at(url: str):
    """Point this process's publishing at another broker address, as if Redis had moved."""
    previous = app.conf.broker_url

    def switch(to):
        app.conf.broker_url = to
        # Celery keeps its connection and producer pools; drop them so the next publish
        # connects to the new address.
        app._pool = None
        app.amqp._producer_pool = None

    switch(url)
    try:
        yield
    finally:
        switch(previous)


def sent_mail(outbox: Path) -> list[email.message.EmailMessage]:
    """The messages Django's file backend wrote, parsed."""
    messages = []
    for path in sorted(outbox.glob("*.log")):
        for part in path.read_text().split("-" * 79):
            if part.strip():
                messages.append(
                    email.message_from_string(part.strip(), policy=email.policy.default)
                )
    return messages


@pytest.mark.worker
def test_redis_down_while_an_official_submits(celery_worker_process, cast, client_of):
    # The deadline was set a week ahead, so the list can be submitted today (R6, R9).
    RegistrationPeriod.objects.create(
        province=cast.province,
        year=2026,
        deadline=timezone.localdate() + timedelta(days=7),
        report_deadline=date(2026, 11, 30),
    )
    make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại định kỳ với Nhân dân")
    make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
    celery_worker_process()

    notice = app.tasks[send_submission_notice.name]  # the task object publish() calls
    with (
        broker_at(DEAD_BROKER),
        mock.patch.object(notice, "apply_async", wraps=notice.apply_async) as publishes,
    ):
        response = client_of(cast.official_a).post(
            reverse("registry:registration-submit", args=[cast.unit_a.pk, 2026]), follow=True
        )
    # saved and acknowledged, without waiting for Redis: two notices, one failed connection
    assert response.status_code == 200
    assert "Danh sách đã được gửi: 2 điểm sáng" in response.text
    assert publishes.call_count == 1
    assert Registration.objects.get(unit=cast.unit_a, year=2026).status == "submitted"
    notices = Job.objects.filter(task=NOTICE)
    assert notices.count() == 2 and not notices.filter(done_at__isnull=False).exists()
    time.sleep(2)
    assert sent_mail(celery_worker_process.outbox) == []  # nothing reached a worker

    # Redis is back: beat's next sweep (within a minute; sent at once here) delivers the notices.
    sweep_pending_jobs.apply_async()
    wait_for(lambda: notices.filter(done_at__isnull=False).count() == 2, timeout=90)
    mail = sent_mail(celery_worker_process.outbox)
    recipients = sorted(str(m["To"]).strip() for m in mail)
    assert recipients == sorted([cast.qcdc_staff.email, cast.dvcq_staff.email])
    subjects = {str(m["Subject"]).strip() for m in mail}
    assert subjects == {"Xã Nghĩa Dũng đã gửi danh sách điểm sáng năm 2026"}
    assert jobs.sweep() == 0  # done jobs are never sent again
    time.sleep(1)
    assert len(sent_mail(celery_worker_process.outbox)) == 2


@pytest.mark.worker
def test_a_worker_killed_mid_task_runs_it_again_and_does_the_work_once(
    celery_worker_process, tmp_path
):

    folder = tmp_path / "work"
    folder.mkdir()
    first = celery_worker_process("-I", "core.tests.fault_tasks")
    with transaction.atomic():
        job = jobs.enqueue("tests.slow_work", folder=str(folder), label="report")
    wait_for(lambda: list(folder.glob("started-report-*")), timeout=90)

    first.kill()  # SIGKILL in the middle of the task: no cleanup, no acknowledgement
    first.wait(timeout=20)
    job.refresh_from_db()
    assert job.attempts == 1 and job.done_at is None
    assert not (folder / "work.log").exists()
    assert jobs.sweep() == 0  # under its lease nobody else takes it: it might still be running

    # The dead worker's lease runs out (JOB_LEASE_SECONDS, six minutes in production).
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    (folder / "go").touch()
    celery_worker_process("-I", "core.tests.fault_tasks")
    assert jobs.sweep() == 1
    wait_for(lambda: Job.objects.get(pk=job.pk).done_at, timeout=90)

    # Later the broker hands out the killed worker's unacknowledged message again (its
    # visibility timeout ends): the job is done, so it is skipped. A second job, queued behind
    # it, shows the worker got that far.
    jobs.publish(job)
    with transaction.atomic():
        after = jobs.enqueue("tests.slow_work", folder=str(folder), label="after")
    wait_for(lambda: Job.objects.get(pk=after.pk).done_at, timeout=90)
    assert (folder / "work.log").read_text().splitlines() == ["report", "after"]
    assert Job.objects.get(pk=job.pk).attempts == 2


def beat(schedule: Path, queue: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "brightspots",
            "beat",
            "--loglevel=WARNING",
            f"--schedule={schedule}",
        ],
        cwd=ROOT,
        env={**os.environ, "CELERY_QUEUE": queue},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


@pytest.mark.worker
def test_a_second_beat_refuses_to_run(tmp_path, settings):
    if not os.environ.get("REDIS_URL"):
        skip_unless_required("REDIS_URL is not set: no broker to run beat against")
    queue = f"test-beat-{uuid.uuid4().hex[:12]}"
    settings.CELERY_TASK_DEFAULT_QUEUE = queue
    server = redis.Redis.from_url(os.environ["REDIS_URL"])
    first = beat(tmp_path / "first", queue, tmp_path / "first.log")
    try:
        wait_for(lambda: server.exists(lock_key()), timeout=60)
        second = beat(tmp_path / "second", queue, tmp_path / "second.log")
        assert second.wait(timeout=60) != 0
        assert "Another Celery beat is running" in (tmp_path / "second.log").read_text()
        assert first.poll() is None  # the first one carries on

        first.terminate()
        assert first.wait(timeout=30) == 0
        assert not server.exists(lock_key())  # released on a clean stop
        third = beat(tmp_path / "third", queue, tmp_path / "third.log")
        wait_for(lambda: server.exists(lock_key()), timeout=60)
        assert third.poll() is None
        third.terminate()
        third.wait(timeout=30)
    finally:
        for process in (first,):
            if process.poll() is None:
                process.kill()
