from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = _("Reminders and notifications")

    def ready(self):
        from organisation.audit_labels import ACTIONS
        from reminders import navigation, tasks  # noqa: F401 - registers the menu and tasks

        ACTIONS.update({"reminder_setting.updated": _("changed the reminder settings")})
