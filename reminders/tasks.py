"""Reminder tasks: thin wrappers around reminders.services (STYLE: a task may run twice and
must do its work once; the services claim with a unique constraint)."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from core.jobs import durable_task
from organisation.models import User
from reminders import services
from reminders.models import Reminder


@shared_task(name="reminders.schedule_daily")
def schedule_daily_reminders():
    """Beat, 07:00 Asia/Ho_Chi_Minh: today's run, recorded once however often beat fires."""
    return services.reminders_schedule(day=timezone.localdate()).pk


@shared_task(name="reminders.schedule_digests")
def schedule_digests():
    """Beat, 18:00 Asia/Ho_Chi_Minh: one digest job per person waiting for one, once a day."""
    return len(services.digests_schedule(day=timezone.localdate()))


@durable_task("reminders.digest")
def send_digest(user_id: int, day: str) -> None:
    user = User.objects.get(pk=user_id)
    services.digest_send(user=user, day=date.fromisoformat(day))


@durable_task("reminders.run")
def run_reminders(day: str) -> None:
    services.reminders_send(day=date.fromisoformat(day))


@durable_task("reminders.deliver")
def deliver_reminder(reminder_id: int) -> None:
    reminder = Reminder.objects.select_related("recipient").get(pk=reminder_id)
    services.reminder_deliver(reminder=reminder)
