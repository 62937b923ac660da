from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from registry.audit_labels import ACTIONS
        from reporting import navigation  # noqa: F401 - registers the menu and the home panel

        ACTIONS.update(
            {
                "report.export_requested": _("asked for a download of the summary"),
                "report.export_expired": _("removed an old download"),
                "letterhead.created": _("set the synthesis report's letterhead"),
                "letterhead.changed": _("changed the synthesis report's letterhead"),
            }
        )
