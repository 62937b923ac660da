"""R25 end to end with real processes: Celery beat schedules the daily run, a worker runs it and
delivers the due reminder into the e-mail outbox (file backend), within a bounded wait.

Beat's daily 07:00 crontab is replaced by a two-second interval through the test-only variable
REMINDERS_BEAT_INTERVAL (brightspots/settings.py); everything else is the production path:
beat → schedule_daily_reminders → durable run job → claims → durable delivery jobs → SMTP backend.
"""

import email
import os
import subprocess
import sys
import time
from datetime import timedelta
from email import policy
from pathlib import Path

import pytest
from django.utils import timezone

from conftest import wait_for
from registry.models import RegistrationPeriod
from reminders.models import Reminder

pytestmark = pytest.mark.quiet_events

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def beat_process(celery_worker_process, tmp_path):
    """Start `celery beat` on the worker's private queue; stopped at the end of the test."""
    env = {
        **os.environ,
        "DATABASE_URL": celery_worker_process.database_url,
        "CELERY_QUEUE": celery_worker_process.queue,  # the worker's private queue
        "REMINDERS_BEAT_INTERVAL": "2",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "brightspots",
            "beat",
            "--loglevel=WARNING",
            "--schedule",
            str(tmp_path / "beat-schedule"),
            "--pidfile=",
        ],
        cwd=ROOT,
        env=env,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.worker
def test_beat_and_a_worker_deliver_a_due_reminder(cast, celery_worker_process, beat_process):
    # Tomorrow is the registration deadline: a "1 day before" reminder is due today, by the
    # real clock the processes read.
    today = timezone.localdate()
    RegistrationPeriod.objects.create(
        province=cast.province,
        year=today.year,
        deadline=today + timedelta(days=1),
        report_deadline=today.replace(month=12, day=31),
    )
    worker = celery_worker_process()

    def delivered():
        return [
            path
            for path in celery_worker_process.outbox.glob("*.log")
            if "official_a@example.vn" in path.read_text()
        ]

    [mail] = wait_for(delivered, timeout=90)
    assert worker.poll() is None and beat_process.poll() is None
    message = email.message_from_bytes(mail.read_bytes(), policy=policy.default)
    assert message["Subject"].strip().startswith(f"Điểm sáng năm {today.year}: hạn đăng ký")
    assert "Xã Nghĩa Dũng" in message.get_body(("plain",)).get_content()
    reminder = Reminder.objects.get(recipient=cast.official_a)
    assert reminder.days_before == 1 and reminder.day == today
    wait_for(lambda: Reminder.objects.filter(pk=reminder.pk, sent_at__isnull=False).exists(), 30)
    # Beat keeps firing every two seconds; the day's run is one job and the reminder one mail.
    time.sleep(5)
    assert len(delivered()) == 1
    assert Reminder.objects.filter(recipient=cast.official_a).count() == 1
