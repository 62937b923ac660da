from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Organisation and registry")

    def ready(self):
        from registry import navigation  # noqa: F401 - registers the menu
