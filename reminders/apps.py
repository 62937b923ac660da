from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders and notifications")

    def ready(self):
        from registry.audit_labels import ACTIONS
        from reminders import navigation  # noqa: F401 - registers the menu

        ACTIONS.update({"reminder_setting.updated": _("changed the reminder settings")})
