"""Every change of state of reminders: claiming, delivering, reading, and the settings.

R25 says which reminders are due (reminders.due); R26 that each goes out once per recipient,
milestone and year, by e-mail and in the app, and is recorded. The Reminder row is all three.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from core import jobs
from core.emails import send_templated
from organisation.services import audit_record
from reminders import selectors
from reminders.due import Due, due_reminders
from reminders.models import Reminder, ReminderSetting
from reminders.texts import render

log = logging.getLogger(__name__)

SENT, ALREADY_SENT, WOULD_SEND = "sent", "already sent", "would send"
CLAIM_BATCH = 200


@dataclass(frozen=True)
class Outcome:
    due: Due
    status: str  # SENT (claimed now), ALREADY_SENT (claimed before), WOULD_SEND (dry run)
    reminder: Reminder | None = None


def reminders_send(*, day: date, dry_run: bool = False, email: bool = True) -> list[Outcome]:
    """Send every reminder due on `day` (R25), each once per recipient and milestone (R26).

    A reminder is claimed by inserting its row, whose unique constraint refuses a second one,
    together with the durable job that e-mails it: a second run of the same day, a retried job
    or a concurrent worker finds the row taken and sends nothing. Deliveries that failed before
    (SMTP down) and are due for another attempt are sent again first. `email=False` records the
    notifications in the app only (demo data).
    """
    if not dry_run:
        reminders_retry_pending()
    dues = due_reminders(day)
    # Reminders claimed by an earlier run are skipped without a failed insert each; the
    # constraint still decides every claim made from here on, concurrent ones included.
    claimed_before = _claimed_keys(dues)
    status = {}
    to_claim = []
    for due in dues:
        if _key(due) in claimed_before:
            status[id(due)] = Outcome(due, ALREADY_SENT)
        elif dry_run:
            status[id(due)] = Outcome(due, WOULD_SEND)
        else:
            to_claim.append(due)
    # Claims are committed in batches, each row behind its own savepoint. Every run claims in
    # the same order, so two runs racing wait for each other's rows and never deadlock.
    to_claim.sort(key=_key)
    settings = {}
    for start in range(0, len(to_claim), CLAIM_BATCH):
        with transaction.atomic():
            for due in to_claim[start : start + CLAIM_BATCH]:
                if due.province.pk not in settings:
                    settings[due.province.pk] = selectors.settings_for(due.province)
                setting = settings[due.province.pk][due.kind]
                reminder = reminder_claim(due=due, setting=setting, day=day, email=email)
                status[id(due)] = Outcome(due, SENT if reminder else ALREADY_SENT, reminder)
    return [status[id(due)] for due in dues]


def _key(due: Due) -> tuple:
    return (due.recipient.pk, due.kind, due.year, due.deadline, due.days_before, due.about)


def _claimed_keys(dues: list[Due]) -> set[tuple]:
    if not dues:
        return set()
    milestones = Reminder.objects.filter(
        kind__in={d.kind for d in dues},
        year__in={d.year for d in dues},
        deadline__in={d.deadline for d in dues},
        days_before__in={d.days_before for d in dues},
    )
    return set(
        milestones.values_list("recipient_id", "kind", "year", "deadline", "days_before", "about")
    )


def _claimed(due: Due):
    return Reminder.objects.filter(
        recipient=due.recipient,
        kind=due.kind,
        year=due.year,
        deadline=due.deadline,
        days_before=due.days_before,
        about=due.about,
    )


def reminder_claim(*, due: Due, setting: ReminderSetting, day: date, email: bool = True):
    """Record one due reminder and enqueue its e-mail, or None when it was claimed already (R26).

    The texts are the province's (or the standard ones) in the recipient's language (R33).
    """
    language = due.recipient.language or "vi"
    subject, body, details = render(setting, due, language)
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                province=due.province,
                kind=due.kind,
                year=due.year,
                deadline=due.deadline,
                days_before=due.days_before,
                about=due.about,
                unit=due.unit,
                committee=due.committee,
                recipient=due.recipient,
                day=day,
                language=language,
                subject=subject,
                body=body,
                details=details,
                link=due.link,
                email=due.recipient.email if email else "",
            )
            if reminder.email:
                jobs.enqueue(
                    "reminders.deliver", key=f"reminder:{reminder.pk}", reminder_id=reminder.pk
                )
    except IntegrityError:
        if not _claimed(due).exists():
            raise  # some other constraint: a bug, not a second claim
        return None
    return reminder


def reminder_deliver(*, reminder: Reminder) -> bool:
    """E-mail a claimed reminder (R26): subject, text and HTML in the recipient's language,
    with a link to the page that resolves it. Marked sent only after the mail server accepted
    it; an error propagates, so the durable job is retried with backoff."""
    if reminder.sent_at is not None or not reminder.email:
        return False
    send_templated(
        to=reminder.email,
        template="reminders/email/reminder",
        context={"reminder": reminder, "recipient": reminder.recipient},
        language=reminder.language,
    )
    Reminder.objects.filter(pk=reminder.pk, sent_at=None).update(sent_at=timezone.now())
    return True


def reminders_retry_pending(limit: int = 1000) -> int:
    """Publish again the reminder e-mails whose last attempt failed and whose backoff is over."""
    jobs.broker_pause_end()  # like the sweep, the day's run is an explicit attempt
    pending = jobs.pending_jobs().filter(task="reminders.deliver")[:limit]
    return sum(jobs.publish(job) for job in pending)


def reminders_schedule(*, day: date):
    """Beat's daily call: record the day's run as a durable job, once per day (R25)."""
    with transaction.atomic():
        return jobs.enqueue(
            "reminders.run", key=f"reminders:{day.isoformat()}", day=day.isoformat()
        )


def notification_mark_read(*, reminder: Reminder) -> None:
    """The recipient has seen the reminder in the app (R26): it leaves the unread count."""
    if reminder.read_at is None:
        Reminder.objects.filter(pk=reminder.pk, read_at=None).update(read_at=timezone.now())


def notifications_mark_all_read(*, user) -> int:
    return Reminder.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())


@transaction.atomic
def reminder_setting_update(
    *, province, kind: str, enabled: bool, milestones: list[int], texts: dict, by
) -> ReminderSetting:
    """An administrator changes when and in which words a kind of reminder goes out (R25).

    Recorded in the audit log with what it was and what it became (R31).
    """
    setting = ReminderSetting.objects.select_for_update().filter(
        province=province, kind=kind
    ).first() or selectors.standard_setting(province, kind)
    before = _described(setting)
    setting.enabled, setting.milestones = enabled, sorted(set(milestones), reverse=True)
    for name in ("subject_vi", "body_vi", "subject_en", "body_en"):
        setattr(setting, name, texts.get(name, ""))
    setting.updated_at, setting.updated_by = timezone.now(), by
    setting.save()
    after = _described(setting)
    audit_record(
        actor=by,
        action="reminder_setting.updated",
        target=setting,
        province=province,
        from_state="on" if before["enabled"] else "off",
        to_state="on" if after["enabled"] else "off",
        data={"before": before, "after": after},
    )
    return setting


def _described(setting: ReminderSetting) -> dict:
    return {
        "enabled": setting.enabled,
        "milestones": list(setting.milestones),
        "texts": {
            name: getattr(setting, name)
            for name in ("subject_vi", "body_vi", "subject_en", "body_en")
        },
    }
