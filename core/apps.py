from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Shared code that knows no feature: jobs, documents, uploads, text, sessions, archive."""

    name = "core"
    verbose_name = _("Background jobs")

    def ready(self):
        # Connect the login signal receivers before the first login, even one made by a test.
        from core import security_log, sessions, tasks  # noqa: F401
