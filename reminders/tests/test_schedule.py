"""R25: Celery beat runs the reminder job every morning at 07:00 Asia/Ho_Chi_Minh; however often
beat fires in a day, the day's run is one durable job."""

from datetime import date

from celery.schedules import crontab
from django.conf import settings

from core.models import Job
from reminders import tasks
from reminders.models import Reminder
from reminders.tests.conftest import at


def test_beat_runs_the_job_daily_at_seven_in_vietnam():
    entry = settings.CELERY_BEAT_SCHEDULE["send-daily-reminders"]
    assert entry["task"] == "reminders.schedule_daily"
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"


def test_the_daily_task_records_one_run_per_day_and_the_run_sends(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    day = date(2026, 3, 23)
    with at(day), django_capture_on_commit_callbacks(execute=True):
        tasks.schedule_daily_reminders()
        tasks.schedule_daily_reminders()  # beat fired twice, or two beats run
    [run] = Job.objects.filter(task=tasks.run_reminders.name)
    assert run.key == "reminders:2026-03-23" and run.kwargs == {"day": "2026-03-23"}
    assert run.done_at is not None
    assert Reminder.objects.count() == 2 and len(mailoutbox) == 2


def test_the_day_is_vietnams_even_before_utc_midnight(cast, django_capture_on_commit_callbacks):
    # 06:00 on 23 March in Vietnam is still 22 March in UTC.
    with at(date(2026, 3, 23), hour=6), django_capture_on_commit_callbacks(execute=True):
        tasks.schedule_daily_reminders()
    assert Job.objects.get(task=tasks.run_reminders.name).key == "reminders:2026-03-23"
