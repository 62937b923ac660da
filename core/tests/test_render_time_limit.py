"""Issue 13, item 5: a render that hangs is cut by the task's time limit and tried again, on a
real Celery worker (prefork: the pool enforces time limits) with the limits made short. Soft
limit: the render is interrupted, the job backs off and its next attempt renders. Hard limit (a
render deaf to the soft one): the worker process is replaced, and once the job's lease ends the
sweeper sends it again and it renders."""

import pytest
from django.db import transaction
from django.utils import timezone

from conftest import wait_for
from core import jobs
from core.models import Job, Rendition
from core.renditions import rendition_request
from core.tests import stuck_renders  # noqa: F401 - registers the stuck renderers here too

LIMITS = {"RENDER_SOFT_TIME_LIMIT": "2", "RENDER_TIME_LIMIT": "6"}


def ask(user, identifier: str, folder) -> tuple[Rendition, Job]:
    with transaction.atomic():
        rendition = rendition_request(user=user, identifier=identifier,
                                      params={"folder": str(folder)})  # fmt: skip
    return rendition, Job.objects.get(key=f"rendition:{rendition.pk}")


def attempts(folder) -> int:
    return len(list(folder.glob("attempt-*")))


@pytest.mark.worker
def test_a_stuck_render_is_cut_by_the_time_limit_and_tried_again(
    celery_worker_process, cast, tmp_path, monkeypatch
):
    # The limits travel in the task's message, set by whoever publishes it: here this process.
    task = jobs.TASKS["core.render_document"]
    monkeypatch.setattr(task, "soft_time_limit", int(LIMITS["RENDER_SOFT_TIME_LIMIT"]))
    monkeypatch.setattr(task, "time_limit", int(LIMITS["RENDER_TIME_LIMIT"]))
    # Celery keeps a task's publishing options from its first message: an earlier test on this
    # worker that rendered a document left the production limits there.
    monkeypatch.setattr(task, "_exec_options", None)
    celery_worker_process("--pool=prefork", "--concurrency=1", "-I", "core.tests.stuck_renders",
                          **LIMITS)  # fmt: skip

    soft = tmp_path / "soft"
    soft.mkdir()
    rendition, job = ask(cast.qcdc_staff, "tests.stuck", soft)
    # Cut by the soft limit: the attempt failed, the job waits for its retry with backoff.
    wait_for(lambda: attempts(soft) == 1, timeout=90)
    wait_for(lambda: Job.objects.get(pk=job.pk).last_error, timeout=90)
    job.refresh_from_db()
    assert job.attempts == 1 and job.done_at is None and job.run_after > timezone.now()
    assert "SoftTimeLimitExceeded" in job.last_error
    rendition.refresh_from_db()
    assert (
        rendition.status == Rendition.Status.PENDING and "SoftTimeLimitExceeded" in rendition.error
    )
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())  # its backoff is over
    assert jobs.sweep() == 1
    wait_for(lambda: Rendition.objects.get(pk=rendition.pk).status == Rendition.Status.DONE,
             timeout=90)  # fmt: skip
    assert attempts(soft) == 2
    assert Rendition.objects.get(pk=rendition.pk).file.read().endswith(b"second attempt")

    hard = tmp_path / "hard"
    hard.mkdir()
    rendition, job = ask(cast.qcdc_staff, "tests.stuck_hard", hard)
    wait_for(lambda: attempts(hard) == 1, timeout=90)
    # Past the hard limit the pool replaces the worker process: the job is still claimed under
    # its lease (nobody else takes it meanwhile) and not done.
    wait_for(lambda: Rendition.objects.get(pk=rendition.pk).status == Rendition.Status.RUNNING)
    job.refresh_from_db()
    assert job.done_at is None and job.attempts == 1
    # The lease ends (JOB_LEASE_SECONDS in production): the sweeper sends it again, it renders.
    wait_for(lambda: _resent(job), timeout=60)
    wait_for(lambda: Rendition.objects.get(pk=rendition.pk).status == Rendition.Status.DONE,
             timeout=90)  # fmt: skip
    assert attempts(hard) == 2 and Job.objects.get(pk=job.pk).attempts == 2


def _resent(job) -> bool:
    """After the hard limit, end the job's lease and sweep; true once the job was sent again."""
    Job.objects.filter(pk=job.pk, done_at=None, attempts=1).update(run_after=timezone.now())
    return jobs.sweep() >= 1
