"""Issue 13: every document a user asks for is rendered by a durable job, never in the request;
the progress page offers the file to the one who asked; a render that fails or hangs is cut by
the task's time limit and tried again, and after the last attempt the page says it failed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import jobs, renditions
from core.models import Job, Rendition
from core.renditions import Rendered

CALLS = {"fail": False, "allowed": True}


def _render(user, params):
    if CALLS["fail"]:
        raise RuntimeError("the renderer hung and was cut")
    return Rendered(f"tai-lieu-{params['n']}.pdf", "pdf", b"%PDF-1.7 rendered")


renditions.register("tests.sample", render=_render, allowed=lambda user, params: CALLS["allowed"])


@pytest.fixture(autouse=True)
def _reset():
    CALLS.update(fail=False, allowed=True)


def ask(user, django_capture_on_commit_callbacks) -> Rendition:
    with django_capture_on_commit_callbacks(execute=True):
        rendition = renditions.rendition_request(
            user=user, identifier="tests.sample", params={"n": 7}
        )
    return Rendition.objects.get(pk=rendition.pk)


def test_a_document_is_rendered_by_the_job_and_offered_to_who_asked(cast, client_of, django_capture_on_commit_callbacks):  # fmt: skip
    rendition = ask(cast.qcdc_staff, django_capture_on_commit_callbacks)
    assert rendition.status == "done" and rendition.filename == "tai-lieu-7.pdf"
    client = client_of(cast.qcdc_staff)
    page = client.get(reverse("core:rendition", args=[rendition.pk]))
    assert 'data-testid="rendition-file"' in page.text and "Tải tệp về" in page.text
    status = client.get(reverse("core:rendition-status", args=[rendition.pk])).json()
    assert status["finished"] and status["download_url"]
    download = client.get(status["download_url"])
    assert b"".join(download.streaming_content) == b"%PDF-1.7 rendered"
    assert download["Content-Type"] == "application/pdf"
    for other in (
        cast.qcdc_staff.__class__.objects.exclude(pk=cast.qcdc_staff.pk).first(),
        cast.admin,
    ):
        assert client_of(other).get(status["download_url"]).status_code == 404


def test_a_failing_render_waits_for_its_retry_then_fails(cast, client_of, settings, django_capture_on_commit_callbacks):  # fmt: skip
    CALLS["fail"] = True
    rendition = ask(cast.qcdc_staff, django_capture_on_commit_callbacks)
    assert rendition.status == "pending" and "hung" in rendition.error
    job = Job.objects.get(key=f"rendition:{rendition.pk}")
    assert job.done_at is None and job.run_after > timezone.now()  # tried again with backoff
    page = client_of(cast.qcdc_staff).get(reverse("core:rendition", args=[rendition.pk]))
    assert "tự động thực hiện lại" in page.text
    # The last attempt: the page says it failed.
    Job.objects.filter(pk=job.pk).update(
        attempts=settings.JOB_MAX_ATTEMPTS - 1, run_after=timezone.now() - timedelta(seconds=1)
    )
    jobs.TASKS["core.render_document"].apply(args=[job.pk])
    assert Rendition.objects.get(pk=rendition.pk).status == "failed"
    # Back to normal: asking again renders it.
    CALLS["fail"] = False
    assert ask(cast.qcdc_staff, django_capture_on_commit_callbacks).status == "done"


def test_a_requester_who_lost_access_meanwhile_gets_nothing(
    cast, django_capture_on_commit_callbacks
):
    CALLS["allowed"] = False
    rendition = ask(cast.qcdc_staff, django_capture_on_commit_callbacks)
    assert rendition.status == "failed" and not rendition.file


def test_the_job_has_a_time_limit_so_a_stuck_render_is_cut():
    task = jobs.TASKS["core.render_document"]
    assert task.soft_time_limit == 120 and task.time_limit == 150
