from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    """Provinces, units and committees, routing, people and their roles, the audit log."""

    name = "organisation"
    verbose_name = _("Organisation")

    def ready(self):
        from organisation import export, navigation, renditions, tasks  # noqa: F401 - registrations
        from organisation.imports import kinds  # noqa: F401 - registers the import kinds
