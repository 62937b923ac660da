"""Every change of state of reminders: claiming, delivering, reading, and the settings.

R25 says which reminders are due (reminders.due); R26 that each goes out once per recipient,
milestone and year, by e-mail and in the app, and is recorded. The Reminder row is all three.
"""

import contextvars
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.conf import settings as django_settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from core import jobs
from core.emails import send_templated
from core.text import nfc
from organisation.services import audit_record
from reminders import selectors
from reminders.due import Due, due_reminders
from reminders.kinds import MESSAGE_KINDS
from reminders.models import Delivery, MessageChoice, Reminder, ReminderSetting
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
    delivery = _delivery(due.recipient, due.kind, due.province) if email else Delivery.OFF
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
                **_addressed(due.recipient, delivery),
            )
            _enqueue_delivery(reminder)
    except IntegrityError:
        if not _claimed(due).exists():
            raise  # some other constraint: a bug, not a second claim
        return None
    return reminder


def _addressed(recipient, delivery: str) -> dict:
    """The row's address and digest flag for the recipient's choice of this kind (R36)."""
    if delivery == Delivery.OFF or not recipient.email:
        return {"email": "", "digest": False}
    return {"email": recipient.email, "digest": delivery == Delivery.DIGEST}


def _enqueue_delivery(reminder: Reminder) -> None:
    # A digest row waits for the evening's digest job; the others go out at once.
    if reminder.email and not reminder.digest:
        jobs.enqueue("reminders.deliver", key=f"reminder:{reminder.pk}", reminder_id=reminder.pk)


# While set, events are told in the app only (the demo's fake addresses receive no e-mail).
_in_app_only = contextvars.ContextVar("reminders_in_app_only", default=False)


@contextmanager
def in_app_only():
    token = _in_app_only.set(True)
    try:
        yield
    finally:
        _in_app_only.reset(token)


def notice_claim(
    *, entry, kind: str, recipient, province, year: int, link: str, words, about: str = "",
    unit=None, committee=None,
) -> Reminder | None:  # fmt: skip
    """Tell `recipient` of a recorded action (R36), once: the row's unique key holds the audit
    entry, so a second call for the same event and person claims nothing and answers None.

    `words()` answers (subject, body); it is called in the recipient's language (R33). The
    row shows under the bell at once; its e-mail goes by the recipient's choice of this kind.
    """
    language = recipient.language or "vi"
    with translation.override(language):
        subject, body = words()
    day = timezone.localdate(entry.at)
    about = about or f"event:{entry.pk}"
    values = {"recipient": recipient, "kind": kind, "year": year, "deadline": day,
              "days_before": 0, "about": about}  # fmt: skip
    if Reminder.objects.filter(**values).exists():
        return None
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                **values,
                province=province,
                unit=unit,
                committee=committee,
                day=day,
                language=language,
                subject=nfc(" ".join(str(subject).split()))[:300],
                body=nfc(str(body)),
                link=link,
                **_addressed(recipient, _delivery(recipient, kind, province)),
            )
            _enqueue_delivery(reminder)
    except IntegrityError:
        if not Reminder.objects.filter(**values).exists():
            raise
        return None
    return reminder


def _delivery(recipient, kind: str, province) -> str:
    if _in_app_only.get():
        return Delivery.OFF
    return selectors.delivery_for(recipient, kind, province)


# --- unsubscribing without logging in (R36) --------------------------------------------------------
UNSUBSCRIBE_SALT = selectors.UNSUBSCRIBE_SALT


def unsubscribe_token(user, kinds) -> str:
    """A signed token that turns the e-mail of `kinds` off for `user`, and nothing else."""
    return signing.dumps({"u": user.pk, "k": sorted(set(kinds))}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user, kinds) -> str:
    return reverse("reminders:unsubscribe", args=[unsubscribe_token(user, kinds)])


def _mail_headers(user, kinds) -> dict:
    url = django_settings.SITE_URL + unsubscribe_url(user, kinds)
    # RFC 8058: a mail client may unsubscribe in one click, by a POST to this address.
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


@transaction.atomic
def messages_unsubscribe(*, user, kinds) -> list[str]:
    """Turn off the e-mail of `kinds` for `user` (the unsubscribe link, R36); the notifications
    in the app stay. Answers the kinds that changed."""
    known = dict(MESSAGE_KINDS)
    kinds = [kind for kind in kinds if kind in known]
    current = selectors.deliveries_of(user)
    changed = [kind for kind in kinds if current[kind] != Delivery.OFF]
    if changed:
        _choices_store(user, dict.fromkeys(changed, Delivery.OFF))
        audit_record(
            actor=user,
            action="messages.unsubscribed",
            target=user,
            province=None,
            data={"kinds": changed},
        )
    return changed


@transaction.atomic
def message_choices_update(*, user, choices: dict[str, str], by) -> list[str]:
    """A person chooses, per kind of message, an e-mail each time, one digest a day, or no
    e-mail (R36); the notifications in the app always stay. Answers the kinds that changed."""
    current = selectors.deliveries_of(user)
    changed = {k: v for k, v in choices.items() if k in current and current[k] != v}
    if changed:
        _choices_store(user, changed)
        audit_record(
            actor=by,
            action="messages.choices_changed",
            target=user,
            province=None,
            data={"changed": changed},
        )
    return sorted(changed)


def _choices_store(user, choices: dict[str, str]) -> None:
    now = timezone.now()
    for kind, delivery in choices.items():
        MessageChoice.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery, "changed_at": now}
        )


# --- the evening digest (R36) ----------------------------------------------------------------------
def digests_schedule(*, day: date):
    """Beat's evening call: one durable job per person with digest rows waiting, once a day."""
    users = (
        Reminder.objects.filter(digest=True, sent_at=None)
        .exclude(email="")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    with transaction.atomic():
        return [
            jobs.enqueue(
                "reminders.digest",
                key=f"digest:{user_id}:{day.isoformat()}",
                user_id=user_id,
                day=day.isoformat(),
            )
            for user_id in sorted(users)
        ]


def digest_send(*, user, day: date) -> int:
    """E-mail `user` one digest of the messages waiting for it, then mark them sent. The job is
    claimed once (core.jobs); a second run finds nothing waiting and sends nothing."""
    waiting = list(
        Reminder.objects.filter(recipient=user, digest=True, sent_at=None)
        .exclude(email="")
        .filter(Q(day__lte=day))
        .order_by("created_at", "pk")
    )
    if not waiting or not user.email:
        return 0
    kinds = sorted({r.kind for r in waiting})
    send_templated(
        to=user.email,
        template="reminders/email/digest",
        context={
            "reminders": waiting,
            "recipient": user,
            "day": day,
            "unsubscribe": unsubscribe_url(user, kinds),
            "choices": reverse("reminders:choices"),
        },
        language=user.language or "vi",
        headers=_mail_headers(user, kinds),
    )
    return Reminder.objects.filter(pk__in=[r.pk for r in waiting], sent_at=None).update(
        sent_at=timezone.now()
    )


def reminder_deliver(*, reminder: Reminder) -> bool:
    """E-mail a claimed reminder (R26): subject, text and HTML in the recipient's language,
    with a link to the page that resolves it, and a link that turns this kind off without
    logging in (R36). Marked sent only after the mail server accepted it; an error propagates,
    so the durable job is retried with backoff."""
    if reminder.sent_at is not None or not reminder.email:
        return False
    recipient = reminder.recipient
    send_templated(
        to=reminder.email,
        template="reminders/email/reminder",
        context={
            "reminder": reminder,
            "recipient": recipient,
            "unsubscribe": unsubscribe_url(recipient, [reminder.kind]),
            "choices": reverse("reminders:choices"),
        },
        language=reminder.language,
        headers=_mail_headers(recipient, [reminder.kind]),
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
