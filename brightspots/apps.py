from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrightSpotsConfig(AppConfig):
    name = "brightspots"
    verbose_name = _("Background jobs")

    def ready(self):
        # Connect the login signal receivers before the first login, even one made by a test.
        from brightspots import security_log, sessions  # noqa: F401
