from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders and notifications")

    def ready(self):
        from organisation.audit_labels import ACTIONS
        from reminders import events, navigation, tasks  # noqa: F401 - tellers, menu and tasks

        ACTIONS.update(
            {
                "reminder_setting.updated": _("changed the reminder settings"),
                "messages.choices_changed": _("changed how they receive messages"),
                "messages.unsubscribed": _("turned off e-mails by the unsubscribe link"),
            }
        )
