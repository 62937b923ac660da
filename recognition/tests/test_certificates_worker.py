"""R20 with real workers on Redis and PostgreSQL: a Decision of 50 recognitions; the worker is
killed midway (SIGKILL: no chance to clean up), another one takes over, and the result is
exactly 50 certificates with 50 distinct serials."""

import io
import os
import signal
import zipfile

import pytest
from django.utils import timezone

from conftest import wait_for
from core import jobs
from core.models import Job
from organisation import events
from recognition import services
from recognition.models import Certificate, CertificateBatch
from recognition.tests.factories import authority_for, bulk_proposed, decision_for

pytestmark = pytest.mark.worker


def rendered():
    return Certificate.objects.exclude(rendered_at=None).count()


def test_a_killed_worker_and_its_successor_issue_exactly_fifty(
    cast, celery_worker_process, settings, tmp_path, monkeypatch
):
    settings.MEDIA_ROOT = media = tmp_path / "media"
    # The setup's events (dossiers submitted, a Decision recorded) are not told here: the only
    # job in play is the certificates' one (events are tested in reminders/tests/test_events.py).
    monkeypatch.setattr(events, "LISTENERS", {})
    authority_for(cast.root)
    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 50, reviewer=cast.qcdc_staff)
    decision = decision_for(cast.qcdc, dossiers, cast.qcdc_staff)

    first = celery_worker_process(MEDIA_ROOT=str(media))
    services.certificates_issue(decision=decision, by=cast.qcdc_staff)  # commits: the job is sent
    wait_for(lambda: rendered() >= 8, timeout=120, interval=0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    at_kill = rendered()
    assert 8 <= at_kill < 50, "the worker must die midway for this test to mean anything"
    assert Certificate.objects.count() == 50  # every serial was given before rendering began
    job = Job.objects.get(task="recognition.issue_certificates")
    assert job.done_at is None and job.attempts == 1

    # Nothing runs the job while the dead worker's lease holds; beat's sweep sends it again once
    # the lease ends (core.jobs). Here the lease is ended by hand instead of waiting.
    assert jobs.sweep() == 0
    Job.objects.filter(pk=job.pk).update(run_after=timezone.now())
    celery_worker_process(MEDIA_ROOT=str(media))
    assert jobs.sweep() == 1
    wait_for(
        lambda: (
            CertificateBatch.objects.filter(decision=decision, finished_at__isnull=False).exists()
            and Job.objects.filter(pk=job.pk, done_at__isnull=False).exists()
        ),  # the units told too
        timeout=180,
    )

    certificates = list(Certificate.objects.order_by("number"))
    assert len(certificates) == 50
    assert len({c.serial for c in certificates}) == 50
    assert [c.number for c in certificates] == list(range(1, 51))
    assert all((media / c.file.name).read_bytes().startswith(b"%PDF-") for c in certificates)
    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 2
    batch = CertificateBatch.objects.get(decision=decision)
    with zipfile.ZipFile(io.BytesIO((media / batch.zip_file.name).read_bytes())) as archive:
        assert sorted(archive.namelist()) == sorted(f"{c.serial}.pdf" for c in certificates)
