"""Reminders (R25, R26): the administrators' settings per kind, and every reminder sent.

A Reminder row is at once the claim that makes a reminder go out once (its unique constraint),
the record of what was sent to whom (R26), and the notification the recipient reads in the app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from reminders.kinds import MESSAGE_KINDS, Event, Kind, spec_for


class ReminderSetting(models.Model):
    """A province's choices for one kind of reminder: on or off, when, and in which words.

    Without a row the kind runs with its standard milestones and texts (reminders.kinds). An
    empty text means the standard one, so a cleared field restores the shipped wording.
    """

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    kind = models.CharField(_("reminder"), max_length=30, choices=Kind.choices)
    enabled = models.BooleanField(_("send this reminder"), default=True)
    # Whole days before the date the kind counts from (after it, for the committees' digests).
    milestones = models.JSONField(_("days"), default=list)
    subject_vi = models.CharField(_("subject (Vietnamese)"), max_length=300, blank=True)
    body_vi = models.TextField(_("text (Vietnamese)"), blank=True)
    subject_en = models.CharField(_("subject (English)"), max_length=300, blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("reminder setting")
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.UniqueConstraint(
                fields=["province", "kind"], name="reminder_setting_one_per_province_kind"
            )
        ]

    def __str__(self):
        return f"{self.province} · {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        for name in ("subject_vi", "body_vi", "subject_en", "body_en"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)

    @property
    def spec(self):
        return spec_for(self.kind)

    def days_before(self) -> list[int]:
        """The milestones as days before the anchor date (negative: days after it)."""
        sign = -1 if self.spec.after else 1
        return [sign * days for days in self.milestones]

    def texts(self, language: str) -> tuple[str, str]:
        """The subject and text in `language`: the province's own, or the standard wording."""
        subject = getattr(self, f"subject_{language}", "")
        body = getattr(self, f"body_{language}", "")
        with translation.override(language):
            return subject or str(self.spec.subject), body or str(self.spec.body)


class Reminder(models.Model):
    """One reminder to one person for one milestone (R25, R26), or one event told to one person
    (R36: `about` is then "event:<audit entry>"), shown in the app as a notification and
    delivered by e-mail when it has an address: at once, or in the day's digest."""

    province = models.ForeignKey(
        "organisation.Province", models.PROTECT, related_name="+", verbose_name=_("province")
    )
    kind = models.CharField(_("reminder"), max_length=30, choices=MESSAGE_KINDS)
    year = models.PositiveSmallIntegerField(_("year"))
    deadline = models.DateField(
        _("date"), help_text=_("The date the milestone counts from: the deadline or opening day.")
    )
    days_before = models.SmallIntegerField(_("days before"))
    # What the reminder is about: "unit:12" or "committee:3". Part of the unique key, so an
    # official of two units hears about each of them.
    about = models.CharField(max_length=40)
    unit = models.ForeignKey(
        "organisation.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    committee = models.ForeignKey(
        "organisation.Committee",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("committee"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="reminders",
        verbose_name=_("recipient"),
    )
    day = models.DateField(_("due on"))
    language = models.CharField(_("language"), max_length=5)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text"))
    # The digest's list of units, rendered in the recipient's language when it was made.
    details = models.JSONField(_("details"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Empty: shown in the app only."))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)
    # The recipient chose one e-mail a day for this kind: the evening digest sends it (R36).
    digest = models.BooleanField(_("in the daily digest"), default=False)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="reminder_recipient_idx"),
            models.Index(
                fields=["recipient"], name="reminder_unread_idx", condition=Q(read_at=None)
            ),
        ]
        constraints = [
            # R26: one reminder per recipient, milestone and year, whoever runs the job and
            # however often. Claiming is inserting this row; a second insert fails.
            models.UniqueConstraint(
                fields=["recipient", "kind", "year", "deadline", "days_before", "about"],
                name="reminder_once_per_recipient_milestone",
            ),
            models.CheckConstraint(
                condition=Q(sent_at=None) | ~Q(email=""), name="reminder_sent_has_address"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.recipient} · {self.deadline:%d/%m/%Y}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def delivery_pending(self) -> bool:
        return bool(self.email) and self.sent_at is None

    @property
    def is_event(self) -> bool:
        return self.kind in Event.values


class Delivery(models.TextChoices):
    """How a person receives one kind of message by e-mail; in the app it is always shown."""

    EACH = "each", _("an e-mail each time")
    DIGEST = "digest", _("one digest a day")
    OFF = "off", _("no e-mail")


class MessageDefault(models.Model):
    """A province administrators' default for one kind of message, for whoever has not chosen
    (R36); it applies to the messages of that province. Without a row: an e-mail each time."""

    province = models.ForeignKey(
        "organisation.Province", models.CASCADE, related_name="+", verbose_name=_("province")
    )
    kind = models.CharField(_("message"), max_length=30, choices=MESSAGE_KINDS)
    delivery = models.CharField(
        _("by e-mail"), max_length=10, choices=Delivery.choices, default=Delivery.EACH
    )

    class Meta:
        verbose_name = _("default for a kind of message")
        verbose_name_plural = _("defaults for the kinds of message")
        ordering = ["province", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "kind"], name="message_default_one_per_province_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_delivery_display()}"


class MessageChoice(models.Model):
    """One person's choice for one kind of message (R36): e-mail each time, a digest, or none."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="message_choices",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("message"), max_length=30, choices=MESSAGE_KINDS)
    delivery = models.CharField(_("by e-mail"), max_length=10, choices=Delivery.choices)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("choice of messages")
        verbose_name_plural = _("choices of messages")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="message_choice_one_per_kind")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}: {self.get_delivery_display()}"
