from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrightSpotsConfig(AppConfig):
    name = "brightspots"
    verbose_name = _("Background jobs")
