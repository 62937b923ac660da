from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo province (`load_demo`) and the national benchmark dataset (`generate_dataset`):
    sample data only, which a production installation may leave out (DEMO_DATA=false)."""

    name = "demo"
    verbose_name = _("Demo data")
