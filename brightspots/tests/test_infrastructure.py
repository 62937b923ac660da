"""The suite really runs on the services it is given: PostgreSQL, Redis and a worker process."""

import os
from urllib.parse import urlsplit

import pytest
from django.db import connection, transaction

from conftest import wait_for
from core.models import Job
from organisation import services
from organisation.tests.factories import UserFactory


def test_database_vendor_matches_database_url(db):
    scheme = urlsplit(os.environ.get("DATABASE_URL", "sqlite://")).scheme
    expected = "sqlite" if scheme == "sqlite" else "postgresql"
    assert connection.vendor == expected


@pytest.mark.worker
def test_a_separate_worker_process_runs_the_task(celery_worker_process, mailoutbox):
    worker = celery_worker_process()
    user = UserFactory(username="nguoimoi", email="nguoimoi@example.vn", language="vi")
    with transaction.atomic():
        services.user_welcome(user=user, by=None)

    job = wait_for(lambda: Job.objects.filter(done_at__isnull=False).first(), timeout=90)
    assert worker.poll() is None  # the worker is alive and did the work
    assert mailoutbox == []  # not sent by this process
    sent = list(celery_worker_process.outbox.glob("*.log"))
    assert len(sent) == 1
    assert "nguoimoi" in sent[0].read_text() and job.task.endswith("send_welcome_email")
