from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from organisation.audit_labels import ACTIONS
        from reporting import navigation, tasks  # noqa: F401 - registers the menu, the home panel and tasks

        ACTIONS.update(
            {
                "report.export_requested": _("asked for a download of the summary"),
                "report.export_expired": _("removed an old download"),
                "letterhead.created": _("set the synthesis report's letterhead"),
                "letterhead.changed": _("changed the synthesis report's letterhead"),
            }
        )
