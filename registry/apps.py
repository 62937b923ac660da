from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Registration")

    def ready(self):
        from organisation.audit_labels import ACTIONS
        from registry import (  # noqa: F401 - registrations
            export,
            imports,
            navigation,
            open_years,
            renditions,
            tasks,
        )

        ACTIONS.update(
            {
                "registration.dispatch_filed": _("filed the signed registration dispatch"),
                "annual_report.signed_filed": _("filed the signed annual report"),
            }
        )
