from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from reminders import services
from reminders.kinds import Kind, milestone_label
from reminders.models import Reminder


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date {value!r} is not a date written YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Send the reminders due on a day (R25), as Celery beat does every morning; each reminder "
        "goes out once (R26), so running it again sends nothing new."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=_day, default=None, help="YYYY-MM-DD (default: today in Vietnam)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would be sent, send nothing"
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        day = date or timezone.localdate()
        outcomes = services.reminders_send(day=day, dry_run=dry_run)
        labels = {
            services.SENT: _("new, e-mailed"),
            services.ALREADY_SENT: _("already sent"),
            services.WOULD_SEND: _("would send"),
        }
        # In-process delivery has happened by now; with workers the e-mail is still queued.
        delivered = set(
            Reminder.objects.filter(
                pk__in=[o.reminder.pk for o in outcomes if o.reminder], sent_at__isnull=False
            ).values_list("pk", flat=True)
        )
        for outcome in outcomes:
            due, label = outcome.due, labels[outcome.status]
            if outcome.reminder and outcome.reminder.email and outcome.reminder.pk not in delivered:
                label = _("recorded, e-mail queued")
            self.stdout.write(
                f"[{label}] {Kind(due.kind).label} {due.year} · "
                f"{milestone_label(due.days_before)} {due.deadline:%d/%m/%Y} · "
                f"{due.unit or due.committee} → {due.recipient.username} <{due.recipient.email}>"
            )
        counts = dict.fromkeys((services.SENT, services.ALREADY_SENT, services.WOULD_SEND), 0)
        for outcome in outcomes:
            counts[outcome.status] += 1
        summary = _(
            "%(day)s: %(sent)s new, %(already)s already sent before, %(would)s would be sent"
        ) % {
            "day": f"{day:%d/%m/%Y}",
            "sent": counts[services.SENT],
            "already": counts[services.ALREADY_SENT],
            "would": counts[services.WOULD_SEND],
        }
        if dry_run:
            summary += " " + _("(dry run: nothing was sent)")
        self.stdout.write(self.style.SUCCESS(summary))
